import {Box, render, useInput, useStdout, type Instance, type RenderOptions} from 'ink';
import {Fragment, useEffect, useSyncExternalStore} from 'react';
import {ErrorBanner} from './components/ErrorBanner.js';
import {KeyHints, listTakesArrows} from './components/KeyHints.js';
import {keyActions, type KeyAction} from './components/key-actions.js';
import {finishedSteps, planScreen, problemPlace, type ScreenPlan} from './components/layout.js';
import {Prompt} from './components/Prompt.js';
import {clampOffset, TextWindow} from './components/Rows.js';
import {StepFrame} from './components/StepFrame.js';
import {StepLog} from './components/StepLog.js';
import {StepRail} from './components/StepRail.js';
import type {InkHost} from './host/ink-host.js';
import type {ViewStore} from './host/view-store.js';
import {accessScreen} from './screens/AccessScreen.js';
import {buildScreen} from './screens/BuildScreen.js';
import {preflightScreen} from './screens/PreflightScreen.js';
import {publishScreen} from './screens/PublishScreen.js';
import {resourceStepScreen} from './screens/ResourceStepScreen.js';
import type {Screen} from './screens/screen.js';
import {settingsScreen} from './screens/SettingsScreen.js';
import {summaryScreen} from './screens/SummaryScreen.js';
import type {StepId} from './wizard/steps.js';
import type {Left, Outcome, ViewState} from './wizard/view-state.js';

const screens: Record<StepId, Screen> = {
	preflight: preflightScreen,
	domain: resourceStepScreen('domain'),
	repository: resourceStepScreen('repository'),
	upstream: resourceStepScreen('upstream'),
	access: accessScreen,
	token: resourceStepScreen('token'),
	settings: settingsScreen,
	build: buildScreen,
	publish: publishScreen,
	summary: summaryScreen,
};

export interface AppProps {
	store: ViewStore;
	host: InkHost;
}

/** The root: the step rail, finished steps, the current step's screen, a problem, the waiting question and the keys, sized to the terminal. */
export function App({store, host}: AppProps) {
	const state = useSyncExternalStore(store.subscribe, store.getState);
	useTerminalSize(store);
	const body = screens[state.active](state, state.terminal.columns);
	const plan = planScreen(state, body);
	useKeys(store, host, state, plan);
	const asking = state.question !== undefined && !state.quitting;
	return (
		<Box flexDirection="column" gap={plan.frame.gap}>
			<StepRail steps={state.steps} active={state.active} />
			<StepLog log={finishedSteps(state)} rows={plan.log} columns={state.terminal.columns} />
			<StepFrame id={state.active} view={state.steps[state.active]} columns={state.terminal.columns} plan={plan.frame} waiting={asking}>
				{plan.window !== undefined ? (
					<TextWindow rows={plan.text} offset={state.fullText.offset} height={plan.window} />
				) : (
					body.parts.map((part, index) => <Fragment key={index}>{plan.parts[index]! > 0 ? part.render(plan.parts[index]!) : null}</Fragment>)
				)}
			</StepFrame>
			{state.problem && plan.banner ? <ErrorBanner problem={state.problem.problem} columns={state.terminal.columns} detailRows={plan.bannerDetails} /> : null}
			{asking ? (
				<Prompt
					key={state.asked}
					question={state.question!}
					columns={state.terminal.columns}
					typing={state.typing}
					onAnswer={value => host.answer(value)}
					onBack={() => host.back()}
					onTyping={typing => store.dispatch({type: 'typing', typing})}
				/>
			) : null}
			<KeyHints
				question={asking ? state.question : undefined}
				typing={state.typing}
				quitting={state.quitting}
				finished={state.finished}
				problem={problemPlace(state)}
				left={state.left}
				fullText={plan.fullText}
			/>
		</Box>
	);
}

/**
 * The app's own keys: Ctrl-C always quits; while a text field is open every other key is
 * text. Otherwise q quits, v opens or closes the long text, and PgUp/PgDn scroll it, the
 * arrows too where no list takes them. Answers are the prompt's keys. Keys that arrive in one
 * burst (over SSH, pasted) each count: the offset is read from the store, not from the render.
 */
function useKeys(store: ViewStore, host: InkHost, state: ViewState, plan: ScreenPlan) {
	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			host.quit();
			return;
		}
		if (state.finished || state.quitting || state.typing) return;
		if (input === 'q') {
			host.quit();
		} else if (input === 'v' && plan.fullText !== 'none') {
			store.dispatch({type: 'full-text', open: plan.fullText === 'cut'});
		} else if (plan.window !== undefined) {
			const {window, text} = plan;
			const by = scrollBy(keyActions(input, key), Math.max(1, window - 2), !listTakesArrows(state.question));
			if (by !== 0) {
				const offset = clampOffset(store.getState().fullText.offset, text.length, window);
				store.dispatch({type: 'scroll', offset: clampOffset(offset + by, text.length, window)});
			}
		}
	});
}

/** Rows the view moves for these keys: a page for PgUp/PgDn, a row for an arrow when no list takes it. */
function scrollBy(actions: KeyAction[], page: number, arrows: boolean): number {
	const rows = (action: KeyAction) =>
		action.kind === 'page-down' ? page : action.kind === 'page-up' ? -page : arrows && action.kind === 'down' ? 1 : arrows && action.kind === 'up' ? -1 : 0;
	return actions.reduce((total, action) => total + rows(action), 0);
}

/** Keeps the view's terminal size current, so every screen fits the window after a resize. */
function useTerminalSize(store: ViewStore) {
	const {stdout} = useStdout();
	useEffect(() => {
		const update = () => {
			if (stdout.columns > 0 && stdout.rows > 0) store.dispatch({type: 'resize', columns: stdout.columns, rows: stdout.rows});
		};
		update();
		stdout.on('resize', update);
		return () => {
			stdout.off('resize', update);
		};
	}, [stdout, store]);
}

/** Mounts the wizard's UI. Ctrl-C is the app's quit intent (host.quit), not Ink's exit; the CLI unmounts when the journey ends. */
export function renderApp({store, host}: AppProps, options: Pick<RenderOptions, 'stdout' | 'stdin' | 'stderr'> = {}): Instance {
	return render(<App store={store} host={host} />, {...options, exitOnCtrlC: false, maxFps: 20});
}

/** Unmounts the screens and erases them: an empty last frame, so that nothing of them stays above what is printed next. */
export function dismissApp(instance: Instance): void {
	instance.rerender(null);
	instance.unmount();
}

/**
 * Ends the screens: shows how the run ended, then unmounts. React draws a store update one
 * microtask later, so an unmount in the same tick would leave the previous frame (with its
 * key hints) on the terminal.
 */
export async function finishApp(instance: Instance, store: ViewStore, outcome: Outcome, options: {failureBelow?: boolean; left?: Left} = {}): Promise<void> {
	store.dispatch({type: 'finished', outcome, failureBelow: options.failureBelow ?? false, left: options.left ?? 'unsaid'});
	await new Promise(resolve => setImmediate(resolve));
	instance.unmount();
}
