import type {Fact} from '../wizard/events.js';
import {capitalised, madeClause, reusedClause} from '../wizard/resource-words.js';
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

/** What the step created or reused, a line each (wrapped), in words ("Attached policy X to role Y"), not kind ids. */
export function resourceRows(resources: ResourceView[], columns: number): Row[] {
	return resources.flatMap(({resource, reused}) =>
		gutterRows(capitalised(reused ? reusedClause(resource) : madeClause(resource)), columns, reused ? '= ' : '+ ', '  ').map(row =>
			row.gutter === '  ' ? row : {...row, gutterColor: reused ? 'blue' : 'green'},
		),
	);
}

/** A step's facts and resources as body parts: they come before a long text when rows are short. */
export function detailParts(facts: Fact[], resources: ResourceView[], columns: number): Part[] {
	const rows = [factRows(facts, columns), resourceRows(resources, columns)];
	return rows.filter(part => part.length > 0).map(part => rowsPart(part, {priority: 0}));
}
