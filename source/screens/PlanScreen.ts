import {lineColor} from '../components/diff-rows.js';
import {longTextPart, rowsPart} from '../components/Rows.js';
import {codeRows, gutterRows, wrapRows, type Row} from '../components/text-rows.js';
import {planLines, type Plan} from '../wizard/plan.js';
import type {ScreenBody} from '../components/Rows.js';

/** A dry run's last screen: the plan, as much as fits (all of it with `v`, and printed below the screen). */
export function planScreen(plan: Plan, columns: number): ScreenBody {
	const rows = planLines(plan).flatMap((line): Row[] => {
		if (line.kind === 'heading') return wrapRows(line.text, columns).map(text => ({text, bold: true}));
		if (line.kind === 'item') return gutterRows(line.text, columns, '  ', '     ');
		const color = lineColor(line.text);
		return codeRows(line.text, columns, '    ', color ? {color} : {dim: true});
	});
	return {
		parts: [{...longTextPart(rows), priority: 1}, rowsPart([{text: 'The whole plan is printed below the screen.', dim: true}], {least: 1})],
		fullText: rows,
	};
}
