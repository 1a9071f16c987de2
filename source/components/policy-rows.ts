import type {PolicyView as Policy} from '../wizard/view-state.js';
import {codeRows, gutterRows, type Row} from './text-rows.js';

/** The policy as rows in `columns`: its name, the document behind a gutter, then the reasons. */
export function policyRows(policy: Policy, columns: number): Row[] {
	return [
		{text: `Policy ${policy.name}`, bold: true},
		...policy.document.split('\n').flatMap(line => codeRows(line, columns, '│ ')),
		...policy.explanations.flatMap(line => gutterRows(line, columns, '• ', '  ')),
	];
}
