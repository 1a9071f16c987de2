import {BoundedCache} from '../bounded-cache.js';
/** Case-insensitive context lookup; an absent key is `undefined`. */
export type ContextLookup = (key: string) => string[] | undefined;

export interface MatchOptions {
	/** Actions and the *IgnoreCase operators compare without regard to case. */
	ignoreCase?: boolean;
	/** Resolves `${key}` policy variables; without it they stay literal, as in 2008-10-17 documents. */
	lookup?: ContextLookup;
	/** ArnLike: wildcards in the first five ARN components must not cross a `:`. */
	arn?: boolean;
	/** EC2 filters: a backslash makes the next character literal (`\*` is a star). */
	escapes?: boolean;
}

type Unit = string | {wildcard: '*' | '?'; inSegment: boolean};

const ARN_PREFIX_COLONS = 5;

/**
 * Matches `value` against an IAM pattern with `*` and `?` wildcards.
 * Uses a dynamic-programming table rather than a RegExp so that
 * pathological patterns (`*a*a*a*…`) cannot backtrack exponentially. The sandbox asks this for
 * every statement of every request (each file Maven fetches), so a pattern is compiled once
 * and a pattern without wildcards is a plain comparison.
 */
export function matchWildcard(pattern: string, value: string, options: MatchOptions = {}): boolean {
	const compiled = compileCached(pattern, options);
	if (!compiled) return false;
	const folded = options.ignoreCase ? value.toLowerCase() : value;
	if (options.arn && colonCount(folded) < ARN_PREFIX_COLONS) return false;
	if (compiled.literal !== undefined) return compiled.literal === folded;
	// Code points, so `?` takes a character outside the BMP whole; a string without surrogates is its own.
	const surrogates = /[\uD800-\uDFFF]/.test(folded);
	if (!surrogates && !compiled.surrogates) {
		// What the table would find, found directly: the literal text before the first wildcard must
		// open the value, and a pattern whose only wildcard is a final star (`…:repository/shop/*`,
		// the shape of most Resource patterns) needs nothing more, bar a colon in an ARN segment.
		if (!folded.startsWith(compiled.prefix)) return false;
		if (compiled.finalStar !== undefined) return !compiled.finalStar.inSegment || !folded.includes(':', compiled.prefix.length);
	}
	const chars: ArrayLike<string> = surrogates ? Array.from(folded) : folded;
	const length = chars.length;
	// row[j]: the units consumed so far match the first j characters.
	let row = new Uint8Array(length + 1);
	let next = new Uint8Array(length + 1);
	row[0] = 1;
	for (const unit of compiled.units) {
		if (typeof unit !== 'string' && unit.wildcard === '*') {
			next[0] = row[0]!;
			for (let j = 1; j <= length; j++) next[j] = row[j] || (next[j - 1] && !(unit.inSegment && chars[j - 1] === ':')) ? 1 : 0;
		} else {
			next[0] = 0;
			for (let j = 1; j <= length; j++) next[j] = row[j - 1] && unitMatches(unit, chars[j - 1]!) ? 1 : 0;
		}
		[row, next] = [next, row];
	}
	return row[length] === 1;
}

interface Compiled {
	units: Unit[];
	/** The whole pattern when it holds no wildcard: the value must equal it. */
	literal: string | undefined;
	/** The literal units before the first wildcard. */
	prefix: string;
	/** The star, when it is the pattern's only wildcard and its last unit. */
	finalStar: {inSegment: boolean} | undefined;
	/** Whether a literal unit holds a surrogate (the fast paths compare code units, the table code points). */
	surrogates: boolean;
}

/** Compiled patterns without policy variables (those depend on the request), by options and text. */
const compiledPatterns = new BoundedCache<string, Compiled | undefined>(2048);

function compileCached(pattern: string, options: MatchOptions): Compiled | undefined {
	const compileNow = (): Compiled | undefined => {
		const units = compile(pattern, options);
		if (!units) return undefined;
		const first = units.findIndex(unit => typeof unit !== 'string');
		const last = units.at(-1);
		const prefix = (first === -1 ? units : units.slice(0, first)).join('');
		return {
			units,
			literal: first === -1 ? prefix : undefined,
			prefix,
			finalStar: first === units.length - 1 && typeof last !== 'string' && last?.wildcard === '*' ? {inSegment: last.inSegment} : undefined,
			surrogates: units.some(unit => typeof unit === 'string' && /[\uD800-\uDFFF]/.test(unit)),
		};
	};
	if (options.lookup && pattern.includes('${')) return compileNow();
	const key = `${options.ignoreCase ? 'i' : ''}${options.arn ? 'a' : ''}${options.escapes ? 'e' : ''}\u0000${pattern}`;
	return compiledPatterns.getOrCompute(key, compileNow);
}

function colonCount(text: string): number {
	let count = 0;
	for (let index = text.indexOf(':'); index !== -1; index = text.indexOf(':', index + 1)) count++;
	return count;
}

/** Resolves policy variables and leaves `*`/`?` literal, for the *Equals operators. */
export function expandVariables(text: string, lookup?: ContextLookup): string | undefined {
	return compile(text, {lookup})
		?.map(unit => (typeof unit === 'string' ? unit : unit.wildcard))
		.join('');
}

function unitMatches(unit: Unit, char: string): boolean {
	if (typeof unit === 'string') return unit === char;
	return !(unit.inSegment && char === ':');
}

/** Splits a pattern into code points and wildcards; `undefined` when a variable cannot be resolved. */
function compile(pattern: string, options: MatchOptions): Unit[] | undefined {
	const units: Unit[] = [];
	let colons = 0;
	const literal = (text: string): void => {
		for (const char of options.ignoreCase ? text.toLowerCase() : text) {
			units.push(char);
			if (char === ':') colons++;
		}
	};
	const chars = Array.from(pattern);
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i]!;
		if (options.escapes && char === '\\' && i + 1 < chars.length) {
			literal(chars[++i]!);
			continue;
		}
		if (char === '*' || char === '?') {
			units.push({wildcard: char, inSegment: Boolean(options.arn) && colons < ARN_PREFIX_COLONS});
			continue;
		}
		if (options.lookup && char === '$' && chars[i + 1] === '{') {
			const end = chars.indexOf('}', i + 2);
			if (end !== -1) {
				const resolved = resolveVariable(chars.slice(i + 2, end).join(''), options.lookup);
				if (resolved === undefined) return undefined;
				literal(resolved);
				i = end;
				continue;
			}
		}
		literal(char);
	}
	return units;
}

const VARIABLE_BODY = /^\s*([^\s,]+)\s*(?:,\s*'([^']*)'\s*)?$/;
const isEscape = (body: string): boolean => body === '*' || body === '?' || body === '$';

/** The context keys a pattern's policy variables name, found as `compile` finds them (a `${` up to the next `}`). */
export function variableKeys(pattern: string): string[] {
	return [...pattern.matchAll(/\$\{([^}]*)\}/g)]
		.map(([, body = '']) => (isEscape(body) ? undefined : VARIABLE_BODY.exec(body)?.[1]))
		.filter((key): key is string => key !== undefined);
}

/** `${key}`, `${key, 'default'}`, and the escapes `${*}`, `${?}`, `${$}`. */
function resolveVariable(body: string, lookup: ContextLookup): string | undefined {
	if (isEscape(body)) return body;
	const match = VARIABLE_BODY.exec(body);
	if (!match) return undefined;
	const values = lookup(match[1]!);
	// Multi-valued keys cannot be used as policy variables.
	return values?.length === 1 ? values[0] : match[2];
}
