// Where a JSON text first goes wrong. Node's JSON.parse names a position for some mistakes
// and only the offending token for others ("Unexpected token '}', ... is not valid JSON"):
// this scanner finds the offset itself, so an answers file's mistake is reported at its line
// and column whatever the message. It only validates; JSON.parse still builds the value.

/** The offset of the first character that makes `text` invalid JSON, with what was expected there; undefined for valid JSON. */
export function jsonErrorAt(text: string): {offset: number; expected: string} | undefined {
	let at = 0;
	const fail = (expected: string): never => {
		throw new ScanError(at, expected);
	};
	const space = () => {
		while (/^[ \t\n\r]$/.test(text[at] ?? '')) at++;
	};
	const literal = (word: string) => {
		if (!text.startsWith(word, at)) fail(`a value (a string, number, object, array, true, false or null)`);
		at += word.length;
	};
	const string = () => {
		if (text[at] !== '"') fail('a string in double quotes');
		at++;
		for (;;) {
			const character = text[at];
			if (character === undefined || character < ' ') fail('the closing " of the string');
			at++;
			if (character === '"') return;
			if (character === '\\') {
				if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 5;
				else if ('"\\/bfnrt'.includes(text[at] ?? 'x')) at++;
				else fail('an escape such as \\" or \\n');
			}
		}
	};
	const number = () => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at)) ?? fail('a value (a string, number, object, array, true, false or null)');
		at += match[0].length;
	};
	const sequence = (close: string, item: () => void) => {
		at++;
		space();
		if (text[at] === close) return void at++;
		for (;;) {
			item();
			space();
			if (text[at] === close) return void at++;
			if (text[at] !== ',') fail(`"," or "${close}"`);
			at++;
			space();
		}
	};
	const value = (): void => {
		space();
		const character = text[at];
		if (character === '{') {
			sequence('}', () => {
				string();
				space();
				if (text[at] !== ':') fail('":" after the name');
				at++;
				value();
			});
		} else if (character === '[') sequence(']', value);
		else if (character === '"') string();
		else if (character === 't') literal('true');
		else if (character === 'f') literal('false');
		else if (character === 'n') literal('null');
		else number();
	};
	try {
		value();
		space();
		if (at < text.length) fail('the end of the file');
		return undefined;
	} catch (error) {
		if (error instanceof ScanError) return {offset: error.offset, expected: error.expected};
		throw error;
	}
}

class ScanError extends Error {
	constructor(
		readonly offset: number,
		readonly expected: string,
	) {
		super(`expected ${expected} at ${offset}`);
	}
}

/** 1-based line and column of `offset` in `text`, as editors count them. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, offset).split(/\r\n|\r|\n/);
	return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1};
}
