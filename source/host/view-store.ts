import {initialViewState, reduceView, type ViewAction, type ViewState} from '../wizard/view-state.js';

/** The view's state outside React, for useSyncExternalStore: the host dispatches, the screens read. */
export interface ViewStore {
	getState(): ViewState;
	subscribe(listener: () => void): () => void;
	dispatch(action: ViewAction): void;
}

/** The timers a coalescing store waits with: the real ones, or a test's fake clock. */
export interface FrameTimers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export interface ViewStoreOptions {
	/**
	 * Build progress (Maven's lines, package rows, the count) is drawn at most once per this many
	 * milliseconds: Maven prints hundreds of lines a second, and each listener call is a React
	 * render. Anything else (a question, a key, a step) is drawn at once, with what waited.
	 */
	progressFrameMs?: number;
	/**
	 * Progress that shows no new package row (Maven's lines, the count, a row's listing
	 * confirmed) waits up to this long instead (progressFrameMs by default): each frame is Ink
	 * drawing the whole screen again. A new row still shows within progressFrameMs.
	 */
	quietFrameMs?: number;
	timers?: FrameTimers;
}

const realTimers: FrameTimers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};

/** Events that only move the build's live view on: coalesced into one frame. */
function isProgress(action: ViewAction): boolean {
	if (action.type !== 'event') return false;
	const {type} = action.event;
	return type === 'maven-output' || type === 'package' || type === 'package-count';
}

export function createViewStore(initial: ViewState = initialViewState, options: ViewStoreOptions = {}): ViewStore {
	let state = initial;
	const listeners = new Set<() => void>();
	const {progressFrameMs, quietFrameMs = progressFrameMs, timers = realTimers} = options;
	// The frame a new row waits for, and the later one the rest of the progress waits for: whichever comes first draws both.
	let pending: unknown;
	let quiet: unknown;
	const notify = () => {
		if (pending !== undefined) timers.clearTimeout(pending);
		if (quiet !== undefined) timers.clearTimeout(quiet);
		pending = undefined;
		quiet = undefined;
		for (const listener of [...listeners]) listener();
	};
	return {
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		dispatch(action) {
			const next = reduceView(state, action);
			if (next === state) return;
			const newRow = next.packages.length !== state.packages.length;
			state = next;
			if (progressFrameMs === undefined || !isProgress(action)) notify();
			else if (newRow) pending ??= timers.setTimeout(notify, progressFrameMs);
			else quiet ??= timers.setTimeout(notify, quietFrameMs ?? progressFrameMs);
		},
	};
}
