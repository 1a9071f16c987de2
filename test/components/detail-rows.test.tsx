import {renderInk} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import {detailParts, resourceRows} from '../../source/components/detail-rows.js';
import {Rows} from '../../source/components/Rows.js';

describe('detail rows', () => {
	it("facts align their labels, each step's facts one part", () => {
		const parts = detailParts(
			[
				{label: 'Account', value: '111122223333'},
				{label: 'Region', value: 'us-east-1', tone: 'ok'},
			],
			[],
			100,
		);
		expect(parts).toHaveLength(1);
		const [facts] = parts;
		expect(renderInk(<>{facts?.render(facts.want)}</>).frame()).toBe('Account: 111122223333\nRegion:  us-east-1');
	});

	it('resources say created or reused, in words', () => {
		const rows = resourceRows(
			[
				{resource: {kind: 'domain', name: 'shared'}, reused: true},
				{resource: {kind: 'repository', name: 'libs'}, reused: false},
			],
			100,
		);
		expect(renderInk(<Rows rows={rows} />).frame()).toBe('= Reused domain shared\n+ Created repository libs');
	});
});
