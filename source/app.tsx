import {Box, render, useInput, useStdout, type Instance, type RenderOptions} from 'ink';
import {useEffect, useSyncExternalStore, type FunctionComponent} from 'react';
import {ErrorBanner} from './components/ErrorBanner.js';
import {KeyHints} from './components/KeyHints.js';
import {Prompt} from './components/Prompt.js';
import {StepRail} from './components/StepRail.js';
import type {InkHost} from './host/ink-host.js';
import type {ViewStore} from './host/view-store.js';
import {AccessScreen} from './screens/AccessScreen.js';
import {BuildScreen} from './screens/BuildScreen.js';
import {PreflightScreen} from './screens/PreflightScreen.js';
import {ResourceStepScreen} from './screens/ResourceStepScreen.js';
import {SettingsScreen} from './screens/SettingsScreen.js';
import {SummaryScreen} from './screens/SummaryScreen.js';
import type {StepId} from './wizard/steps.js';
import type {ViewState} from './wizard/view-state.js';

const screens: Record<StepId, FunctionComponent<{state: ViewState}>> = {
	preflight: PreflightScreen,
	domain: ({state}) => <ResourceStepScreen state={state} id="domain" />,
	repository: ({state}) => <ResourceStepScreen state={state} id="repository" />,
	upstream: ({state}) => <ResourceStepScreen state={state} id="upstream" />,
	access: AccessScreen,
	token: ({state}) => <ResourceStepScreen state={state} id="token" />,
	settings: SettingsScreen,
	build: BuildScreen,
	summary: SummaryScreen,
};

export interface AppProps {
	store: ViewStore;
	host: InkHost;
}

/** The root: the step rail, the current step's screen, a problem, the waiting question and the keys. */
export function App({store, host}: AppProps) {
	const state = useSyncExternalStore(store.subscribe, store.getState);
	useTerminalSize(store);
	useInput((input, key) => {
		if (key.ctrl && input === 'c') host.quit();
		// While a question waits, its prompt decides what q means (in a text field it is a letter).
		else if (input === 'q' && !state.question) host.quit();
	});
	const Screen = screens[state.active];
	return (
		<Box flexDirection="column" gap={1}>
			<StepRail steps={state.steps} active={state.active} />
			<Screen state={state} />
			{state.problem ? <ErrorBanner problem={state.problem.problem} /> : null}
			{state.question && !state.quitting ? (
				<Prompt key={state.asked} question={state.question} onAnswer={value => host.answer(value)} onBack={() => host.back()} onQuit={() => host.quit()} />
			) : null}
			<KeyHints question={state.quitting ? undefined : state.question} quitting={state.quitting} />
		</Box>
	);
}

/** Keeps the view's terminal size current, so the package table fits the window after a resize. */
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
