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
 * pathological patterns (`*a*a*a*…`) cannot backtrack exponentially.
 */
export function matchWildcard(pattern: string, value: string, options: MatchOptions = {}): boolean {
	const units = compile(pattern, options);
	if (!units) return false;
	const chars = Array.from(options.ignoreCase ? value.toLowerCase() : value);
	if (options.arn && chars.filter(char => char === ':').length < ARN_PREFIX_COLONS) return false;
	// row[j]: the units consumed so far match the first j characters.
	let row = chars.map(() => false).concat(false);
	row[0] = true;
	for (const unit of units) {
		const next = row.map(() => false);
		if (typeof unit !== 'string' && unit.wildcard === '*') {
			next[0] = row[0]!;
			for (let j = 1; j <= chars.length; j++) {
				next[j] = row[j]! || (next[j - 1]! && !(unit.inSegment && chars[j - 1] === ':'));
			}
		} else {
			for (let j = 1; j <= chars.length; j++) {
				next[j] = row[j - 1]! && unitMatches(unit, chars[j - 1]!);
			}
		}
		row = next;
	}
	return row[chars.length]!;
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
