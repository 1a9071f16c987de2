// The one wording for a refused option value, on the command line and at a question alike.

export function refusedValue(option: string, raw: string, problem: string): string {
	return `--${option} ${quoted(raw)} is not accepted: ${problem.replace(/\.$/, '')}.`;
}

/** The value as typed, but safe for a terminal: control characters escaped, a long value cut. */
function quoted(raw: string): string {
	const characters = [...raw];
	const shown = characters
		.slice(0, 60)
		.map(character => (/\p{C}/u.test(character) ? `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}` : character))
		.join('');
	return `"${shown}${characters.length > 60 ? '…' : ''}"`;
}
