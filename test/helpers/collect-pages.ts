import {outputShapeProblems} from './model-shape.js';

/** What a paginated list gave: each item's label over all pages, each page's size, and how each page departs from the model. */
export interface CollectedPages {
	items: string[];
	sizes: number[];
	problems: string[];
}

/** Reads every page of an SDK paginator, taking the items under `resultKeys` (the model's result_key) of each. */
export async function collectPages<Item>(
	service: string,
	operation: string,
	pages: AsyncIterable<object> | Iterable<object>,
	resultKeys: readonly string[],
	label: (item: Item) => string,
): Promise<CollectedPages> {
	const collected: CollectedPages = {items: [], sizes: [], problems: []};
	for await (const page of pages) {
		const found = resultKeys.flatMap(key => ((page as Record<string, unknown>)[key] ?? []) as Item[]);
		collected.items.push(...found.map(label));
		collected.sizes.push(found.length);
		collected.problems.push(...outputShapeProblems(service, operation, page));
	}
	return collected;
}
