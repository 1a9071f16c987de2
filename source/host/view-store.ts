import {initialViewState, reduceView, type ViewAction, type ViewState} from '../wizard/view-state.js';

/** The view's state outside React, for useSyncExternalStore: the host dispatches, the screens read. */
export interface ViewStore {
	getState(): ViewState;
	subscribe(listener: () => void): () => void;
	dispatch(action: ViewAction): void;
}

export function createViewStore(initial: ViewState = initialViewState): ViewStore {
	let state = initial;
	const listeners = new Set<() => void>();
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
			state = next;
			for (const listener of [...listeners]) listener();
		},
	};
}
