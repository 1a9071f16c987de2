import {describe, expect, it} from 'vitest';
import {readFilters} from '../../source/sandbox/ec2/params.js';
import {Input} from '../../source/sandbox/iam/input.js';
import {queryList, queryStructList} from '../../source/sandbox/protocols/aws-query.js';

// Query-protocol lists arrive flattened (`Tags.member.7.Key=…`). Reading one must cost time in
// proportion to the form, not to the form times the list: 8,000 tags once held the sandbox for
// seconds. Each check reads N and 16N items in the same run, and compares how much longer the
// larger takes with how much longer one plain pass over the larger form takes: the same (a
// little over 16) for a linear reader, 16 times that for a quadratic one. A wall-clock bound
// would say nothing on an unknown machine.

function tagForm(count: number, prefix = 'Tags.member'): URLSearchParams {
	const form = new URLSearchParams({Action: 'CreateRole', RoleName: 'r'});
	for (let index = 1; index <= count; index++) {
		form.append(`${prefix}.${index}.Key`, `key${index}`);
		form.append(`${prefix}.${index}.Value`, `value${index}`);
	}
	return form;
}

function idForm(count: number): URLSearchParams {
	const form = new URLSearchParams({Action: 'DescribeInstances'});
	for (let index = 1; index <= count; index++) form.append(`InstanceId.${index}`, `i-${index.toString(16).padStart(17, '0')}`);
	return form;
}

function filterForm(count: number): URLSearchParams {
	const form = new URLSearchParams({Action: 'DescribeInstances', 'Filter.1.Name': 'instance-id'});
	for (let index = 1; index <= count; index++) form.append(`Filter.1.Value.${index}`, `i-${index}`);
	return form;
}

/** Milliseconds per call: one call when it is slow, else the average over calls filling 50 ms. */
function timePerCall(call: () => void): number {
	let start = performance.now();
	call(); // warms up; a call this slow needs no average
	if (performance.now() - start > 50) return performance.now() - start;
	let calls = 0;
	start = performance.now();
	do {
		call();
		calls++;
	} while (performance.now() - start < 50);
	return (performance.now() - start) / calls;
}

/** How many times faster reading grows than a plain pass over the form does, from N to 16N items: about 1 when linear, 16 when quadratic. */
function excessGrowth(build: (count: number) => URLSearchParams, read: (form: URLSearchParams) => void, count = 500): number {
	const [small, large] = [build(count), build(16 * count)];
	let sink = 0;
	const pass = (form: URLSearchParams) => () => {
		for (const [key, value] of form) sink += key.length + value.length;
	};
	const timings: Array<[() => void, number]> = [[() => read(small), Infinity], [() => read(large), Infinity], [pass(small), Infinity], [pass(large), Infinity]];
	// Interleaved rounds, keeping each one's best: other work on the machine slows a timing, never
	// speeds one up, and a burst of it lands on all four alike rather than on one of them.
	for (let round = 0; round < 4 && (round === 0 || timings[1]![1] < 1000); round++) {
		for (const timing of timings) timing[1] = Math.min(timing[1], timePerCall(timing[0]));
	}
	expect(sink).toBeGreaterThan(0);
	const [readSmall, readLarge, passSmall, passLarge] = timings.map(([, time]) => time) as [number, number, number, number];
	return readLarge / readSmall / (passLarge / passSmall);
}

const linearEnough = 5; // measured: 1.4 to 2.1 for these readers, 14 to 26 for the quadratic ones they replace

describe('query-protocol lists are read in linear time', () => {
	it('a list of structures (Tags.member.N.Key)', () => {
		expect(excessGrowth(tagForm, form => queryStructList(form, 'Tags.member', 100_000))).toBeLessThan(linearEnough);
	});

	it('a list of strings (InstanceId.N)', () => {
		expect(excessGrowth(idForm, form => queryList(form, 'InstanceId', 100_000))).toBeLessThan(linearEnough);
	});

	it("IAM's tags, however many are sent", () => {
		expect(excessGrowth(tagForm, form => new Input(form).tags())).toBeLessThan(linearEnough);
	});

	it("EC2's filter values, however many are sent", () => {
		const read = (form: URLSearchParams) => {
			try {
				readFilters(form, ['instance-id']);
			} catch {
				// Too many values: refused, which is the point; the time to say so is what is measured.
			}
		};
		expect(excessGrowth(filterForm, read)).toBeLessThan(linearEnough);
	});
});

describe('query-protocol lists keep their meaning', () => {
	it('reads items in index order, whatever order they came in, and stops at the first gap', () => {
		const form = new URLSearchParams('Ids.2=b&Ids.1=a&Ids.3=c&Ids.5=e');
		expect(queryList(form, 'Ids', 10)).toEqual(['a', 'b', 'c']);
		const tags = new URLSearchParams('T.member.2.Key=k2&T.member.1.Value=v1&T.member.1.Key=k1&T.member.4.Key=k4');
		expect(queryStructList(tags, 'T.member', 10)).toEqual([{Key: 'k1', Value: 'v1'}, {Key: 'k2'}]);
	});

	it('keeps no more than limit + 1 items: the caller knows the list is too long without the rest', () => {
		expect(queryList(idForm(5000), 'InstanceId', 1000)).toHaveLength(1001);
		expect(queryStructList(tagForm(5000), 'Tags.member', 50)).toHaveLength(51);
		expect(queryList(idForm(3), 'InstanceId', 1000)).toHaveLength(3);
	});

	it('takes only canonical indices and exact prefixes', () => {
		const form = new URLSearchParams('Ids.01=zero&Ids.1x=x&Ids.1=a&IdsX.2=no&Ids.2=b&Ids.1.Nested=n');
		expect(queryList(form, 'Ids', 10)).toEqual(['a', 'b']);
	});

	it('keeps a member named __proto__ as a member', () => {
		const [item] = queryStructList(new URLSearchParams('T.member.1.__proto__=x&T.member.1.Key=k'), 'T.member', 10);
		expect(Object.entries(item!)).toEqual([['__proto__', 'x'], ['Key', 'k']]);
	});
});
