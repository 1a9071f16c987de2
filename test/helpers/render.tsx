import type {ReactElement} from 'react';
import {createInkHost, type InkHost} from '../../source/host/ink-host.js';
import {createViewStore, type ViewStore} from '../../source/host/view-store.js';
import type {WizardEvent} from '../../source/wizard/events.js';

// Ink decides once, when it loads, whether it runs in CI, and then writes only the last frame:
// load it with CI=false so every frame reaches the test. Import this helper before any
// component, so that this module is the one that loads Ink.
const ci = process.env['CI'];
process.env['CI'] = 'false';
const {render} = await import('ink-testing-library');
const {App} = await import('../../source/app.js');
if (ci === undefined) delete process.env['CI'];
else process.env['CI'] = ci;

export const keys = {
	enter: '\r',
	up: '\u001B[A',
	down: '\u001B[B',
	escape: '\u001B',
	backspace: '\u007F',
	ctrlC: '\u0003',
} as const;

/** Lets pending React work and effects run (a few turns of the event loop, not a timed delay). */
export async function settle(): Promise<void> {
	for (let turn = 0; turn < 3; turn++) await new Promise(resolve => setImmediate(resolve));
}

/** Polls until `condition` returns something other than false and does not throw; fails with its last error after `timeout` ms. */
export async function waitFor<T>(condition: () => T, {timeout = 3000}: {timeout?: number} = {}): Promise<Exclude<T, false>> {
	const started = Date.now();
	let lastError: unknown = new Error('condition was false');
	for (;;) {
		try {
			const result = condition();
			if (result !== false) return result as Exclude<T, false>;
			lastError = new Error('condition was false');
		} catch (error) {
			lastError = error;
		}
		if (Date.now() - started > timeout) throw lastError;
		await new Promise(resolve => setTimeout(resolve, 5));
	}
}

export type Rendered = ReturnType<typeof render> & {
	/** The last frame, '' before the first. */
	frame(): string;
	/** Waits until the last frame contains `text`, then returns the frame. */
	waitForText(text: string): Promise<string>;
	/** Sends keys once the components' input handlers are listening, then lets the app react. */
	press(...sequence: string[]): Promise<void>;
};

/** ink-testing-library's render, with frame and key helpers. */
export function renderInk(tree: ReactElement): Rendered {
	const instance = render(tree);
	const frame = () => instance.lastFrame() ?? '';
	return {
		...instance,
		frame,
		async waitForText(text) {
			await waitFor(() => {
				if (!frame().includes(text)) throw new Error(`Frame does not show "${text}":\n${frame()}`);
			});
			return frame();
		},
		async press(...sequence) {
			await settle();
			for (const key of sequence) {
				instance.stdin.write(key);
				await settle();
			}
		},
	};
}

export type RenderedWizard = Rendered & {store: ViewStore; host: InkHost};

/** The whole app over a fresh store and Ink host, after `events` (as the journey would notify them). */
export function renderWizard(events: WizardEvent[] = []): RenderedWizard {
	const store = createViewStore();
	const host = createInkHost(store);
	for (const event of events) host.notify(event);
	return {...renderInk(<App store={store} host={host} />), store, host};
}
