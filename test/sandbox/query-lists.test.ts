import {describe, expect, it} from 'vitest';
import {readFilters} from '../../source/sandbox/ec2/params.js';
import {Input} from '../../source/sandbox/iam/input.js';
import {queryList, queryStructList} from '../../source/sandbox/protocols/aws-query.js';
import {bestTimes} from '../helpers/best-times.js';

// Query-protocol lists arrive flattened (`Tags.member.7.Key=…`). Reading one must cost time in
// proportion to the form, not to the form times the list: 8,000 tags once held the sandbox for
// seconds. Each check reads N and 16N items in the same run, and compares how much longer the
// larger takes with how much longer one plain pass over the larger form takes: the same (a
// little over 16) for a linear reader, 16 times that for a quadratic one.

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

/** How many times faster reading grows than a plain pass over the form does, from N to 16N items: about 1 when linear, 16 when quadratic. */
async function excessGrowth(build: (count: number) => URLSearchParams, read: (form: URLSearchParams) => void, count = 500): Promise<number> {
	const [small, large] = [build(count), build(16 * count)];
	let sink = 0;
	const pass = (form: URLSearchParams) => () => {
		for (const [key, value] of form) sink += key.length + value.length;
	};
	const [readSmall, readLarge, passSmall, passLarge] = await bestTimes([() => read(small), () => read(large), pass(small), pass(large)]);
	expect(sink).toBeGreaterThan(0);
	return readLarge / readSmall / (passLarge / passSmall);
}

// Measured: 1.4 to 2.1 for these readers alone, up to 7 beside a busy test run; 14 to 26 for the quadratic ones they replace.
const linearEnough = 10;

describe('query-protocol lists are read in linear time', () => {
	it('a list of structures (Tags.member.N.Key)', async () => {
		expect(await excessGrowth(tagForm, form => queryStructList(form, 'Tags.member', 100_000))).toBeLessThan(linearEnough);
	});

	it('a list of strings (InstanceId.N)', async () => {
		expect(await excessGrowth(idForm, form => queryList(form, 'InstanceId', 100_000))).toBeLessThan(linearEnough);
	});

	it("IAM's tags, however many are sent", async () => {
		expect(await excessGrowth(tagForm, form => new Input(form).tags())).toBeLessThan(linearEnough);
	});

	it("EC2's filter values, however many are sent", async () => {
		const read = (form: URLSearchParams) => {
			try {
				readFilters(form, ['instance-id']);
			} catch {
				// Too many values: refused, which is the point; the time to say so is what is measured.
			}
		};
		expect(await excessGrowth(filterForm, read)).toBeLessThan(linearEnough);
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
		expect(Object.entries(item!)).toEqual([
			['__proto__', 'x'],
			['Key', 'k'],
		]);
	});
});
