import {withSubcommands, type Command} from './command.js';
import {optionGroups, optionSyntax} from './help.js';

// The README's option tables, made from the registry (scripts/readme-tables.mjs writes them;
// a test checks the README holds exactly these).

export function optionTable(command: Command): string {
	const rows = optionGroups(command).flatMap(({heading, options}, index) => [
		...(index === 0 ? [] : [`| **${heading}** | |`]),
		...options.map(([name, option]) => `| \`${cell(optionSyntax(name, option))}\` | ${cell(option.help)} |`),
	]);
	return ['| option | meaning |', '| --- | --- |', ...rows].join('\n');
}

/** A table cell: a pipe of its own (yes|no) would end it. */
function cell(text: string): string {
	return text.replaceAll('|', '\\|');
}

/** The README's block for `command`, between `<!-- options: NAME -->` and `<!-- /options -->`. */
export function tableMarkers(command: Command): {start: string; end: string} {
	return {start: `<!-- options: ${command.name || 'ca-wizard'} -->`, end: '<!-- /options -->'};
}

/** `text` with every command's table block replaced by the registry's table. */
export function withOptionTables(text: string, commands: readonly Command[]): string {
	let result = text;
	for (const command of withSubcommands(commands)) {
		const {start, end} = tableMarkers(command);
		const from = result.indexOf(start);
		const to = result.indexOf(end, from);
		if (from === -1 || to === -1) continue;
		result = `${result.slice(0, from + start.length)}\n${optionTable(command)}\n${result.slice(to)}`;
	}
	return result;
}
