import {BlockList, isIP} from 'node:net';
import {isRecord} from './json.js';
import {allOf, type Truth} from './truth.js';
import {expandVariables, matchWildcard, variableKeys, type ContextLookup} from './wildcard.js';

/** `vars` is set only for 2012-10-17 documents, where policy variables are interpreted. */
type Comparator = (actual: string, expected: string, vars: ContextLookup | undefined) => boolean;

interface BaseOperator {
	compare: Comparator;
	/** Negated operators hold when no value matches, including when the key is absent. */
	negated: boolean;
}

export interface ConditionOperator {
	base: string;
	set?: 'ForAnyValue' | 'ForAllValues';
	ifExists: boolean;
}

const stringEquals: Comparator = (actual, expected, vars) => expandVariables(expected, vars) === actual;
const stringEqualsIgnoreCase: Comparator = (actual, expected, vars) => expandVariables(expected, vars)?.toLowerCase() === actual.toLowerCase();
const stringLike: Comparator = (actual, expected, vars) => matchWildcard(expected, actual, {lookup: vars});
// AWS documents ArnEquals and ArnLike as behaving identically (both honour wildcards).
const arnLike: Comparator = (actual, expected, vars) => matchWildcard(expected, actual, {lookup: vars, arn: true});
const bool: Comparator = (actual, expected) => actual.toLowerCase() === expected.toLowerCase();
const binaryEquals: Comparator = (actual, expected) => actual === expected;

function parseNumber(text: string): number {
	return text.trim() === '' ? Number.NaN : Number(text);
}

/** Dates are ISO 8601 or epoch seconds. */
function parseDate(text: string): number {
	return /^\d+$/.test(text.trim()) ? Number(text) * 1000 : Date.parse(text);
}

function ordered(parse: (text: string) => number, test: (actual: number, expected: number) => boolean): Comparator {
	return (actual, expected) => {
		const a = parse(actual);
		const e = parse(expected);
		return !Number.isNaN(a) && !Number.isNaN(e) && test(a, e);
	};
}

const ipAddress: Comparator = (actual, expected) => {
	const [network = '', bits] = expected.split('/');
	const version = isIP(network);
	if (version === 0 || isIP(actual) !== version) return false;
	const type = version === 4 ? 'ipv4' : 'ipv6';
	const prefix = bits === undefined ? (version === 4 ? 32 : 128) : Number(bits);
	try {
		const list = new BlockList();
		list.addSubnet(network, prefix, type);
		return list.check(actual, type);
	} catch {
		return false; // an out-of-range prefix never matches
	}
};

const equal = (a: number, e: number): boolean => a === e;
const less = (a: number, e: number): boolean => a < e;
const lessOrEqual = (a: number, e: number): boolean => a <= e;
const greater = (a: number, e: number): boolean => a > e;
const greaterOrEqual = (a: number, e: number): boolean => a >= e;

const positive = (compare: Comparator): BaseOperator => ({compare, negated: false});
const negative = (compare: Comparator): BaseOperator => ({compare, negated: true});

const OPERATORS: Record<string, BaseOperator> = {
	StringEquals: positive(stringEquals),
	StringNotEquals: negative(stringEquals),
	StringEqualsIgnoreCase: positive(stringEqualsIgnoreCase),
	StringNotEqualsIgnoreCase: negative(stringEqualsIgnoreCase),
	StringLike: positive(stringLike),
	StringNotLike: negative(stringLike),
	ArnEquals: positive(arnLike),
	ArnLike: positive(arnLike),
	ArnNotEquals: negative(arnLike),
	ArnNotLike: negative(arnLike),
	Bool: positive(bool),
	BinaryEquals: positive(binaryEquals),
	IpAddress: positive(ipAddress),
	NotIpAddress: negative(ipAddress),
	NumericEquals: positive(ordered(parseNumber, equal)),
	NumericNotEquals: negative(ordered(parseNumber, equal)),
	NumericLessThan: positive(ordered(parseNumber, less)),
	NumericLessThanEquals: positive(ordered(parseNumber, lessOrEqual)),
	NumericGreaterThan: positive(ordered(parseNumber, greater)),
	NumericGreaterThanEquals: positive(ordered(parseNumber, greaterOrEqual)),
	DateEquals: positive(ordered(parseDate, equal)),
	DateNotEquals: negative(ordered(parseDate, equal)),
	DateLessThan: positive(ordered(parseDate, less)),
	DateLessThanEquals: positive(ordered(parseDate, lessOrEqual)),
	DateGreaterThan: positive(ordered(parseDate, greater)),
	DateGreaterThanEquals: positive(ordered(parseDate, greaterOrEqual)),
};

/** Splits e.g. `ForAnyValue:StringLikeIfExists`; `undefined` for an operator IAM does not know. */
export function parseOperator(name: string): ConditionOperator | undefined {
	const match = /^(?:(ForAnyValue|ForAllValues):)?(\w+?)(IfExists)?$/.exec(name);
	if (!match) return undefined;
	const [, set, base = '', ifExists] = match;
	// Null tests presence itself, so neither qualifier makes sense on it.
	if (base === 'Null') return set || ifExists ? undefined : {base, ifExists: false};
	if (!Object.hasOwn(OPERATORS, base)) return undefined;
	return {base, set: set as ConditionOperator['set'], ifExists: ifExists !== undefined};
}

/** Condition values may be a scalar or an array of scalars; JSON booleans and numbers count as text. */
export function conditionValues(raw: unknown): string[] | undefined {
	const values: string[] = [];
	for (const value of Array.isArray(raw) ? raw : [raw]) {
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
		values.push(String(value));
	}
	return values;
}

/** Condition keys and their values; `undefined` says the key is known to be absent. */
export type ContextValues = Record<string, string | string[] | undefined>;

/** Which condition keys a caller models, asked with the key in lower case. */
export type ModelledKeys = (key: string) => boolean;

/**
 * What a caller knows of a request: the condition keys it holds, and which keys it models at all.
 * A modelled key missing from the values is absent, as AWS leaves keys absent (`aws:username` for
 * a role session); an unmodelled one is unknown, and whatever depends on it fails closed.
 */
export interface RequestContext {
	lookup: ContextLookup;
	modelled: (key: string) => boolean;
}

/** A key given as `undefined` is modelled and absent. Without `modelled`, every key is taken as modelled. */
export function requestContext(values: ContextValues = {}, modelled: ModelledKeys = () => true): RequestContext {
	const byKey = new Map<string, string[] | undefined>();
	for (const [key, value] of Object.entries(values)) byKey.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
	return {lookup: key => byKey.get(key.toLowerCase()), modelled: key => byKey.has(key.toLowerCase()) || modelled(key.toLowerCase())};
}

/** Whether `text` holds a policy variable whose key the caller does not model (its value is then unknown). */
export function namesUnmodelledVariable(text: string, context: RequestContext): boolean {
	return variableKeys(text).some(key => !context.modelled(key));
}

/**
 * Operators AND together, keys within an operator AND, values for one key OR. A key the caller
 * does not model, or a variable naming one, makes its test unknown rather than false.
 * Anything malformed (unknown operator, bad value) never holds.
 */
export function conditionsHold(block: unknown, context: RequestContext, variables: boolean): Truth {
	if (block === undefined) return true;
	if (!isRecord(block)) return false;
	const tests: Truth[] = [];
	for (const [name, keys] of Object.entries(block)) {
		const operator = parseOperator(name);
		if (!operator || !isRecord(keys)) return false;
		for (const [key, raw] of Object.entries(keys)) {
			const expected = conditionValues(raw);
			if (!expected) return false;
			const unknown = !context.modelled(key) || (variables && expected.some(value => namesUnmodelledVariable(value, context)));
			tests.push(unknown ? 'unknown' : keyHolds(operator, context.lookup(key), expected, variables ? context.lookup : undefined));
		}
	}
	return allOf(tests);
}

function keyHolds(operator: ConditionOperator, actual: string[] | undefined, expected: string[], vars: ContextLookup | undefined): boolean {
	// An empty multi-valued key behaves like an absent one.
	const present = actual !== undefined && actual.length > 0;
	if (operator.base === 'Null') return expected.some(value => value.toLowerCase() === String(!present));
	const {compare, negated} = OPERATORS[operator.base]!;
	if (!present) {
		if (operator.ifExists || operator.set === 'ForAllValues') return true;
		return operator.set === undefined && negated;
	}
	const satisfies = (value: string): boolean => expected.some(e => compare(value, e, vars)) !== negated;
	if (operator.set === 'ForAnyValue') return actual.some(satisfies);
	if (operator.set === 'ForAllValues') return actual.every(satisfies);
	// Without a set qualifier a negated operator must hold for every value: "none of them matches".
	return negated ? actual.every(satisfies) : actual.some(satisfies);
}
