import {steps} from '../wizard/steps.js';
import type {ViewState} from '../wizard/view-state.js';
import {awsErrorRows, bannerTitle, detailRows} from './ErrorBanner.js';
import type {ScreenBody} from './Rows.js';
import {paragraphRows} from './StepFrame.js';
import {wholeEntryRows} from './StepLog.js';
import {gutterRows, type Row} from './text-rows.js';

// What `v` shows: everything the step has to say, whole, where the frame had to cut some of it
// at a small terminal. What bears on the waiting question comes first: the problem and the
// warnings; then what an earlier automatic fix did; then the step's explanation;
// then its long text (the policy, the settings change).

/** The step's whole text, as rows of `columns`: the problem, the warnings, the concept, the long text, a blank row between. */
export function fullTextRows(state: ViewState, body: ScreenBody, columns: number): Row[] {
	const view = state.steps[state.active];
	const problem = state.problem?.problem;
	const groups: Row[][] = [
		problem
			? [
					...paragraphRows(bannerTitle(problem), columns).map(text => ({text, color: 'red', bold: true})),
					...(problem.fix ? paragraphRows(`Fix: ${problem.fix}`, columns).map(text => ({text})) : []),
					...detailRows(problem, columns).map(text => ({text, dim: true})),
					...awsErrorRows(problem, columns).map(text => ({text})),
				]
			: [],
		view.notes
			.filter(note => note.tone === 'warning')
			.flatMap(note => gutterRows(note.message, columns, '⚠ ', '  ', {}))
			.map(warningRow),
		// What an automatic fix did on an earlier step: the lesson stays reachable on every later screen.
		state.log.filter(entry => entry.whole && entry.step !== state.active).flatMap(entry => wholeEntryRows(entry, columns)),
		paragraphRows(steps[state.active].concept, columns).map(text => ({text, dim: true})),
		body.fullText ?? [],
	];
	return groups.filter(rows => rows.length > 0).flatMap((rows, index) => (index > 0 ? [blank, ...rows] : rows));
}

/** A space, not '': Ink gives an empty text no row at all. */
const blank: Row = {text: ' '};

function warningRow(row: Row): Row {
	return row.gutter === '⚠ ' ? {...row, gutterColor: 'yellow'} : row;
}
