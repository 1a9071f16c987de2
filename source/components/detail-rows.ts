import type {Fact} from '../wizard/events.js';
import type {ResourceView} from '../wizard/view-state.js';
import {rowsPart, type Part} from './Rows.js';
import {gutterRows, textWidth, type Row} from './text-rows.js';

const toneColor = {ok: 'green', warn: 'yellow', bad: 'red'} as const;

/** Label: value lines, labels aligned; a long value wraps under itself. */
function factRows(facts: Fact[], columns: number): Row[] {
	if (facts.length === 0) return [];
	const width = Math.max(...facts.map(fact => textWidth(fact.label))) + 2;
	return facts.flatMap(fact =>
		gutterRows(fact.value, columns, `${fact.label}:`.padEnd(width), ' '.repeat(width), fact.tone ? {color: toneColor[fact.tone]} : {}),
	);
}

/** What the step created or reused, one line each. */
export function resourceRows(resources: ResourceView[]): Row[] {
	return resources.map(({resource, reused}) => ({
		gutter: reused ? '= reused  ' : '+ created ',
		gutterColor: reused ? 'blue' : 'green',
		text: `${resource.kind} ${resource.name}`,
	}));
}

/** A step's facts and resources as body parts: they come before a long text when rows are short. */
export function detailParts(facts: Fact[], resources: ResourceView[], columns: number): Part[] {
	const rows = [factRows(facts, columns), resourceRows(resources)];
	return rows.filter(part => part.length > 0).map(part => rowsPart(part, {priority: 0}));
}
