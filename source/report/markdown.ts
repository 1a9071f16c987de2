// Markdown building blocks for the write-up: text from events is escaped so it reads as written
// (a <mirror> in a message is not HTML, a * is not emphasis), code goes in spans and fences.

/** Plain text as Markdown: the characters Markdown would read as markup are escaped, and an address is shown as code (not a bare link). */
export function text(value: string): string {
	return value
		.split(/(https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:)])/)
		.map((part, index) => (index % 2 === 1 ? code(part) : escaped(part)))
		.join('');
}

function escaped(value: string): string {
	return value.replaceAll(/[\\`*_[\]<>|#]/g, character => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : `\\${character}`));
}

/** An inline code span that holds any text, backticks included. */
export function code(value: string): string {
	const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map(match => match[0].length));
	const fence = '`'.repeat(longest + 1);
	const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${value}${pad}${fence}`;
}

/** A fenced block with its language; a fence longer than any backtick run inside. */
export function fenced(language: string, lines: readonly string[]): string[] {
	const longest = Math.max(0, ...lines.flatMap(line => [...line.matchAll(/`{3,}/g)].map(match => match[0].length)));
	const fence = '`'.repeat(Math.max(3, longest + 1));
	return [`${fence}${language}`, ...lines, fence];
}

/** A table; cells are Markdown already (pipes in them must be escaped by the caller, as text() and cell() do). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
	const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** A code span fit for a table cell: a pipe inside would end the cell. */
export function codeCell(value: string): string {
	return code(value).replaceAll('|', '\\|');
}

/** An address as a link (a bare URL is not a link in every reader). */
export function link(label: string, url: string): string {
	return `[${text(label)}](${url.replaceAll(' ', '%20').replaceAll(')', '%29')})`;
}
