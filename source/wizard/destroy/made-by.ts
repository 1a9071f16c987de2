import {ownerOf, type Owner, type Standing} from './account-inventory.js';

// What ca-wizard made in the account, grouped by who made it (a participant's name or a
// principal's ARN, the `ca-wizard:created-by` tag) and then by run (`ca-wizard:run`).

export interface MadeGroup extends Owner {
	resources: Standing[];
}

export function groupByMaker(inventory: readonly Standing[]): MadeGroup[] {
	const groups: MadeGroup[] = [];
	for (const standing of inventory) {
		const owner = ownerOf(standing.tags);
		if (!owner) continue;
		const group = groups.find(one => one.createdBy === owner.createdBy && one.run === owner.run);
		if (group) group.resources.push(standing);
		else groups.push({...owner, resources: [standing]});
	}
	return groups.sort((a, b) => compare(a.createdBy, b.createdBy) || compare(a.run, b.run));
}

/** Everyone who made something here, each once, in order. */
export function makers(inventory: readonly Standing[]): string[] {
	return [...new Set(groupByMaker(inventory).map(group => group.createdBy))];
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
