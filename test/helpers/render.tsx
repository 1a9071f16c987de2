import {EventEmitter} from 'node:events';
import type {Instance} from 'ink';
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
const ink = await import('ink');
const {App} = await import('../../source/app.js');
if (ci === undefined) delete process.env['CI'];
else process.env['CI'] = ci;

export const keys = {
	enter: '\r',
	up: '\u001B[A',
	down: '\u001B[B',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
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
	let lastError: unknown;
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

export interface Rendered {
	/** The last frame, '' before the first. */
	frame(): string;
	/** Waits until the last frame contains `text`, then returns the frame. */
	waitForText(text: string): Promise<string>;
	/** Sends keys once the components' input handlers are listening, then lets the app react. */
	press(...sequence: string[]): Promise<void>;
	unmount(): void;
}

function withHelpers(lastFrame: () => string | undefined, stdin: {write(data: string): void}, unmount: () => void): Rendered {
	const frame = () => lastFrame() ?? '';
	return {
		frame,
		unmount,
		async waitForText(text) {
			await waitFor(() => {
				if (!frame().includes(text)) throw new Error(`Frame does not show "${text}":\n${frame()}`);
			});
			return frame();
		},
		async press(...sequence) {
			await settle();
			for (const key of sequence) {
				stdin.write(key);
				await settle();
			}
		},
	};
}

/** ink-testing-library's render (100 columns, no rows), with frame and key helpers: for components. */
export function renderInk(tree: ReactElement): Rendered {
	const instance = render(tree);
	return withHelpers(instance.lastFrame, instance.stdin, instance.unmount);
}

export interface TerminalSize {
	columns: number;
	rows: number;
}

/** A terminal of a given size, as Ink sees stdout: not a TTY, so spinners stand still. */
class TestStdout extends EventEmitter {
	lastFrame: string | undefined;
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string) => {
		this.lastFrame = frame;
		return true;
	};
}

/** Keys as Ink reads them from a raw-mode TTY. */
class TestStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

export type RenderedWizard = Rendered & {
	store: ViewStore;
	host: InkHost;
	instance: Instance;
	/** Changes the terminal's size as a window resize would. */
	resize(size: TerminalSize): Promise<void>;
	/** How many rows the last frame takes. */
	height(): number;
};

/** The whole app in a terminal of `size`, over a fresh store and Ink host, after `events` (as the journey would notify them). */
export function renderWizard(events: WizardEvent[] = [], size: TerminalSize = {columns: 100, rows: 40}): RenderedWizard {
	const store = createViewStore();
	const host = createInkHost(store);
	for (const event of events) host.notify(event);
	const stdout = new TestStdout(size.columns, size.rows);
	const stdin = new TestStdin();
	const instance = ink.render(<App store={store} host={host} />, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new TestStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const rendered = withHelpers(
		() => stdout.lastFrame,
		stdin,
		() => instance.unmount(),
	);
	return {
		...rendered,
		store,
		host,
		instance,
		height: () => rendered.frame().split('\n').length,
		async resize({columns, rows}) {
			stdout.columns = columns;
			stdout.rows = rows;
			stdout.emit('resize');
			await settle();
		},
	};
}
