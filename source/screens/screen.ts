import type {ScreenBody} from '../components/Rows.js';
import type {ViewState} from '../wizard/view-state.js';

/**
 * A step's screen: what it shows under the step's title, as parts the layout sizes to the
 * terminal (see components/layout.ts), and the long text `v` shows in full, if it has one.
 */
export type Screen = (state: ViewState, columns: number) => ScreenBody;
