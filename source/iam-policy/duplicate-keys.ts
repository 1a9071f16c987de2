// JSON.parse keeps the last of two equal keys, so `{"Effect":"Deny","Effect":"Allow"}` would read
// as an Allow; IAM refuses such a document. No installed parser reports duplicates, and a scan of
// text JSON.parse has already accepted needs to tell only strings, brackets, commas and colons apart.

/**
 * The first key found twice in one object of `text` (compared after unescaping, as JSON.parse
 * compares them), at any depth; undefined when there is none. `text` must be valid JSON.
 */
export function duplicateKey(text: string): string | undefined {
	// One entry per open bracket: the keys seen so far for an object, undefined for an array.
	const open: Array<Set<string> | undefined> = [];
	let keyNext = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '"') {
			const end = closingQuote(text, i);
			const keys = open.at(-1);
			if (keyNext && keys) {
				const key = JSON.parse(text.slice(i, end + 1)) as string;
				if (keys.has(key)) return key;
				keys.add(key);
			}
			keyNext = false;
			i = end;
		} else if (char === '{' || char === '[') {
			open.push(char === '{' ? new Set() : undefined);
			keyNext = char === '{';
		} else if (char === '}' || char === ']') {
			open.pop();
		} else if (char === ',') {
			keyNext = open.at(-1) !== undefined;
		}
	}
	return undefined;
}

/** The index of the quote that ends the string opening at `start`. */
function closingQuote(text: string, start: number): number {
	for (let i = start + 1; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '"') return i;
	}
	return text.length;
}
