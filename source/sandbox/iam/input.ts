import {ServiceError} from '../errors.js';
import {queryList, queryStructList} from '../protocols/aws-query.js';
import type {Tag} from '../state.js';

/** A member's constraints, as the IAM model states them. */
export interface Rule {
	min?: number;
	max?: number;
	pattern?: string;
	enum?: readonly string[];
}

// Constraints from botocore's iam/2010-05-08 model.
export const rules = {
	roleName: {min: 1, max: 64, pattern: '[\\w+=,.@-]+'},
	userName: {min: 1, max: 128, pattern: '[\\w+=,.@-]+'},
	policyName: {min: 1, max: 128, pattern: '[\\w+=,.@-]+'},
	instanceProfileName: {min: 1, max: 128, pattern: '[\\w+=,.@-]+'},
	path: {min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)'},
	pathPrefix: {min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*'},
	policyPath: {min: 1, max: 512, pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/'},
	policyDocument: {min: 1, max: 131072, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+'},
	policyDescription: {max: 1000},
	roleDescription: {max: 1000, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*'},
	arn: {min: 20, max: 2048},
	versionId: {pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?'},
	marker: {min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+'},
	scope: {enum: ['All', 'AWS', 'Local']},
	entityFilter: {enum: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy']},
	tagKey: {min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+'},
	tagValue: {min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*'},
} as const satisfies Record<string, Rule>;

/** The model's bound on tagListType and tagKeyListType, the only lists IAM's emulated operations take. */
const maxListItems = 50;

const compiled = new Map<string, RegExp>();
function fullMatch(pattern: string, value: string): boolean {
	let regex = compiled.get(pattern);
	if (!regex) compiled.set(pattern, (regex = new RegExp(`^(?:${pattern})$`, 'u')));
	return regex.test(value);
}

/**
 * Reads a request's parameters and collects every constraint they break, then reports them
 * all at once in IAM's words: `2 validation errors detected: Value 'x' at 'roleName' failed …`.
 */
export class Input {
	private readonly errors: string[] = [];

	constructor(readonly params: URLSearchParams) {}

	required(name: string, rule: Rule = {}): string {
		const value = this.params.get(name);
		if (value === null || value === '') {
			this.errors.push(`Value null at '${member(name)}' failed to satisfy constraint: Member must not be null`);
			return '';
		}
		this.check(name, value, rule);
		return value;
	}

	optional(name: string, rule: Rule = {}): string | undefined {
		const value = this.params.get(name);
		if (value === null) return undefined;
		this.check(name, value, rule);
		return value;
	}

	integer(name: string, range: {min?: number; max?: number}): number | undefined {
		const text = this.params.get(name);
		if (text === null || text === '') return undefined;
		const value = Number(text);
		const at = `Value '${text}' at '${member(name)}' failed to satisfy constraint:`;
		if (!Number.isInteger(value)) this.errors.push(`${at} Member must be an integer`);
		else if (range.min !== undefined && value < range.min) this.errors.push(`${at} Member must have value greater than or equal to ${range.min}`);
		else if (range.max !== undefined && value > range.max) this.errors.push(`${at} Member must have value less than or equal to ${range.max}`);
		return value;
	}

	boolean(name: string): boolean | undefined {
		const text = this.params.get(name);
		if (text === null || text === '') return undefined;
		if (text !== 'true' && text !== 'false') this.errors.push(`Value '${text}' at '${member(name)}' failed to satisfy constraint: Member must be a boolean`);
		return text === 'true';
	}

	/** `Marker` and `MaxItems`, which every IAM list operation takes, and the operation (`Action`) a Marker belongs to. */
	paging(): Paging {
		const marker = this.optional('Marker', rules.marker);
		const maxItems = this.integer('MaxItems', {min: 1, max: 1000});
		return {marker, maxItems, operation: this.params.get('Action') ?? ''};
	}

	/**
	 * `Tags.member.N.Key` / `.Value`: at most 50 (the model's tagListType). A longer list is
	 * refused whole, without a word about each of its members. Lists are read in one bounded
	 * pass, and before authorization only where their condition keys need them (aws:TagKeys):
	 * their errors then wait for the done() after it, so a caller without the permission hears
	 * only that.
	 */
	tags(name = 'Tags', {required = false} = {}): Tag[] {
		const items = queryStructList(this.params, `${name}.member`, maxListItems);
		if (this.tooLong(name, items)) return [];
		if (items.length === 0 && required) this.required(name);
		const tags = items.map(({Key, Value}) => ({key: Key ?? '', value: Value ?? ''}));
		tags.forEach((tag, index) => {
			this.check(`${name}.${index + 1}.member.key`, tag.key, rules.tagKey);
			this.check(`${name}.${index + 1}.member.value`, tag.value, rules.tagValue);
		});
		return tags;
	}

	/** `TagKeys.member.N`: at most 50 (the model's tagKeyListType). */
	tagKeys(name = 'TagKeys', {required = false} = {}): string[] {
		const keys = queryList(this.params, `${name}.member`, maxListItems);
		if (this.tooLong(name, keys)) return [];
		if (keys.length === 0 && required) this.required(name);
		keys.forEach((key, index) => this.check(`${name}.${index + 1}.member`, key, rules.tagKey));
		return keys;
	}

	/** Throws the collected errors, if any. Call after reading every parameter. */
	done(): void {
		const count = this.errors.length;
		if (count === 0) return;
		throw new ServiceError('ValidationError', 400, `${count} validation error${count === 1 ? '' : 's'} detected: ${this.errors.join('; ')}`);
	}

	private tooLong(name: string, items: readonly unknown[]): boolean {
		if (items.length <= maxListItems) return false;
		this.errors.push(`Value '[…]' at '${member(name)}' failed to satisfy constraint: Member must have length less than or equal to ${maxListItems}`);
		return true;
	}

	private check(name: string, value: string, rule: Rule): void {
		const at = `Value '${value}' at '${member(name)}' failed to satisfy constraint:`;
		if (rule.min !== undefined && value.length < rule.min) this.errors.push(`${at} Member must have length greater than or equal to ${rule.min}`);
		if (rule.max !== undefined && value.length > rule.max) this.errors.push(`${at} Member must have length less than or equal to ${rule.max}`);
		if (rule.pattern !== undefined && value.length > 0 && !fullMatch(rule.pattern, value)) {
			this.errors.push(`${at} Member must satisfy regular expression pattern: ${rule.pattern}`);
		}
		if (rule.enum && !rule.enum.includes(value)) this.errors.push(`${at} Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
	}
}

function member(name: string): string {
	return name.charAt(0).toLowerCase() + name.slice(1);
}

/** What a list request asks for: where to start and how many at most. */
export interface Paging {
	marker?: string | undefined;
	maxItems?: number | undefined;
	/** The list operation asked: a Marker it did not issue is refused. */
	operation: string;
}

export interface Page<T> {
	items: T[];
	isTruncated: boolean;
	marker?: string;
}

/**
 * IAM's Marker/MaxItems paging over items sorted by `key`. The marker names the operation that
 * issued it and the first item of the next page, so a page stays correct when items are added or
 * removed in between, and a marker from another list is refused (as IAM refuses a ListUsers
 * marker given to ListAccessKeys) instead of starting this list at a key of that one.
 */
export function paginate<T>(items: T[], key: (item: T) => string, {marker, maxItems = 100, operation}: Paging): Page<T> {
	const sorted = [...items].sort((a, b) => compare(key(a), key(b)));
	let start = 0;
	if (marker !== undefined) {
		const from = decodeMarker(operation, marker);
		start = sorted.findIndex(item => compare(key(item), from) >= 0);
		if (start < 0) start = sorted.length;
	}
	const pageItems = sorted.slice(start, start + maxItems);
	const next = sorted[start + maxItems];
	return next === undefined ? {items: pageItems, isTruncated: false} : {items: pageItems, isTruncated: true, marker: encodeMarker(operation, key(next))};
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

const markerPrefix = 'sbx2:';

function encodeMarker(operation: string, key: string): string {
	return Buffer.from(`${markerPrefix}${operation}:${key}`, 'utf8').toString('base64');
}

function decodeMarker(operation: string, marker: string): string {
	const text = Buffer.from(marker, 'base64').toString('utf8');
	const prefix = `${markerPrefix}${operation}:`;
	if (!text.startsWith(prefix)) throw new ServiceError('InvalidInput', 400, 'Invalid Marker.');
	return text.slice(prefix.length);
}
