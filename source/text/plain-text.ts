import {stripVTControlCharacters} from 'node:util';

// Output that is not a terminal carries no escape codes: colours and cursor moves from Maven or
// from a message (an AWS error, a file name) are removed where lines are written, not at each source.

/** `text` without escape sequences or other control characters (tabs and line breaks stay). */
export function plainText(text: string): string {
	return stripVTControlCharacters(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** A JSON line whose strings are all plain text. */
export function plainJsonLine(value: unknown): string {
	return `${JSON.stringify(value, (_key, field: unknown) => (typeof field === 'string' ? plainText(field) : field))}\n`;
}
