import {resourceNouns} from '../events.js';
import type {Standing} from './account-inventory.js';
import type {MadeGroup} from './made-by.js';

// `ca-wizard list` in words: per maker and run, what ca-wizard made, in a table that fits 80
// columns (long names are cut in the middle, where an ARN or a prefix keeps its two ends).

const width = 80;
const kindWidth = 18;

export function listLines(groups: readonly MadeGroup[]): string[] {
	if (groups.length === 0) return ['ca-wizard made nothing here that its tags show.'];
	const count = groups.reduce((sum, group) => sum + group.resources.length, 0);
	const makers = new Set(groups.map(group => group.createdBy)).size;
	const lines = [`ca-wizard made ${count} ${count === 1 ? 'resource' : 'resources'} here, for ${makers} ${makers === 1 ? 'maker' : 'makers'}:`];
	for (const group of groups) {
		lines.push('', fit(`${group.createdBy}  (run ${group.run || 'unknown'})`, width));
		for (const standing of group.resources)
			lines.push(`  ${resourceNouns[standing.entry.kind].padEnd(kindWidth)}${fit(shownName(standing), width - 2 - kindWidth)}`);
	}
	return lines;
}

/** The JSON form: one object per maker and run. */
export function listEvents(groups: readonly MadeGroup[]): Array<Record<string, unknown>> {
	return groups.map(group => ({
		type: 'made',
		createdBy: group.createdBy,
		run: group.run,
		resources: group.resources.map(({entry}) => ({kind: entry.kind, name: shownName({entry}), ...(entry.arn ? {arn: entry.arn} : {})})),
	}));
}

/** A repository with its domain: names repeat across domains. */
function shownName({entry}: Pick<Standing, 'entry'>): string {
	return entry.kind === 'repository' ? `${entry.details?.['domain']}/${entry.name}` : entry.name;
}

/** `text` within `columns`, cut in the middle. */
export function fit(text: string, columns: number): string {
	const characters = [...text];
	if (characters.length <= columns) return text;
	const head = Math.ceil((columns - 1) / 2);
	return `${characters.slice(0, head).join('')}…${characters.slice(characters.length - (columns - 1 - head)).join('')}`;
}
