import type {PolicyView as Policy} from '../wizard/view-state.js';
import {clipRows, Rows} from './Rows.js';
import {codeRows, gutterRows, type Row} from './text-rows.js';

export interface PolicyViewProps {
	policy: Policy;
	columns: number;
	/** At most this many rows; the rest are counted. */
	maxRows?: number;
}

/** The policy document as JSON, and one line for each statement's reason. */
export function PolicyView({policy, columns, maxRows = Number.POSITIVE_INFINITY}: PolicyViewProps) {
	return <Rows rows={clipRows(policyRows(policy, columns), maxRows, hidden => `… ${hidden} more lines`)} />;
}

/** The policy as rows in `columns`: its name, the document behind a gutter, then the reasons. */
export function policyRows(policy: Policy, columns: number): Row[] {
	return [
		{text: `Policy ${policy.name}`, bold: true},
		...policy.document.split('\n').flatMap(line => codeRows(line, columns, '│ ')),
		...policy.explanations.flatMap(line => gutterRows(line, columns, '• ', '  ')),
	];
}
