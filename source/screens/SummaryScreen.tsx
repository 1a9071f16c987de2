import {resourceRows} from '../components/detail-rows.js';
import {clipRows, Rows, rowsPart} from '../components/Rows.js';
import {gutterRows, textWidth, wrapRows, type Row} from '../components/text-rows.js';
import {stepIds} from '../wizard/steps.js';
import {summaryLines, type SummaryLine} from '../wizard/summary-lines.js';
import {planScreen} from './PlanScreen.js';
import type {Screen} from './screen.js';

/** Where the commands are: the CLI prints the whole summary as plain text below the last frame, where it can be copied. */
const commandsBelow = 'Commands are printed below the screen, ready to copy.';
const linksBelow = 'Commands and console links are printed below the screen, ready to copy.';

/** What was made until the summary arrives; then the summary without its commands, which would wrap and not paste. */
export const summaryScreen: Screen = (state, columns) => {
	if (state.plan) return planScreen(state.plan, columns);
	if (!state.summary) {
		const resources = resourceRows(
			stepIds.flatMap(id => state.steps[id].resources),
			columns,
		);
		return {parts: resources.length > 0 ? [rowsPart(resources)] : []};
	}
	const blocks = summaryBlocks(summaryLines(state.summary), columns);
	return {
		parts: [
			{
				min: fitted(blocks, 0, columns).length,
				want: fitted(blocks, Number.POSITIVE_INFINITY, columns).length,
				render: rows => <Rows rows={fitSummary(blocks, rows, columns)} />,
			},
		],
	};
};

/** The summary's rows: headings (wrapped), runs of items (a row each, shortened first when rows are few). */
interface Block {
	rows: Row[];
	items: boolean;
	heading?: boolean;
}

/**
 * Headings wrap, items take a row each, each run of commands becomes one line that says where
 * they are — on its heading's last row when it fits there, as a run of items cut to none does:
 * rows are few at 80×24.
 */
function summaryBlocks(lines: SummaryLine[], columns: number): Block[] {
	const blocks: Block[] = [];
	let below: {kind: 'command' | 'link'; count: number} | undefined;
	const flush = () => {
		if (below) {
			const where = `↓ ${below.count} ${below.kind}${below.count === 1 ? '' : 's'}, printed below`;
			const heading = blocks.at(-1);
			if (!heading?.heading || !appendTo(heading.rows, where, columns)) blocks.push({items: false, rows: [{text: `  ${where}`, dim: true}]});
		}
		below = undefined;
	};
	for (const line of lines) {
		if (line.kind === 'command' || line.kind === 'link') {
			if (below && below.kind !== line.kind) flush();
			below = {kind: line.kind, count: (below?.count ?? 0) + 1};
			continue;
		}
		flush();
		const last = blocks.at(-1);
		const item = {text: `  ${line.text}`};
		if (line.kind === 'heading') blocks.push({items: false, heading: true, rows: wrapRows(line.text, columns).map(text => ({text}))});
		else if (line.kind === 'paragraph') blocks.push({items: false, rows: gutterRows(line.text, columns, '  ', '  ')});
		else if (last?.items) last.rows.push(item);
		else blocks.push({items: true, rows: [item]});
	}
	flush();
	if (lines.some(line => line.kind === 'link')) blocks.push({items: false, rows: [{text: linksBelow, dim: true}]});
	else if (lines.some(line => line.kind === 'command')) blocks.push({items: false, rows: [{text: commandsBelow, dim: true}]});
	return blocks;
}

/** Puts `text` at the end of the last row when it fits in `columns` there; says whether it did. */
function appendTo(rows: Row[], text: string, columns: number): boolean {
	const last = rows.at(-1);
	if (!last || textWidth(`${last.text} ${text}`) > columns) return false;
	rows[rows.length - 1] = {...last, text: `${last.text} ${text}`};
	return true;
}

/**
 * The rows with every run of items cut to `items` rows and a count: "… 3 more" under what is
 * left, or, for a run cut to none, "8 entries" on its heading's row (or under it).
 */
function fitted(blocks: Block[], items: number, columns: number): Row[] {
	const rows: Row[] = [];
	for (const [index, block] of blocks.entries()) {
		if (!block.items || block.rows.length <= items + 1) {
			rows.push(...block.rows);
			continue;
		}
		const hidden = block.rows.length - items;
		if (items > 0) rows.push(...block.rows.slice(0, items), {text: `  … ${hidden} more, printed below`, dim: true});
		else if (!blocks[index - 1]?.heading || !appendTo(rows, `${hidden} entries, printed below`, columns))
			rows.push({text: `  ${hidden} entries, printed below`, dim: true});
	}
	return rows;
}

/** As many items per run as fit in `height`: headings, command lines and the note stay. */
function fitSummary(blocks: Block[], height: number, columns: number): Row[] {
	const longest = Math.max(0, ...blocks.map(block => (block.items ? block.rows.length : 0)));
	for (let items = longest; items >= 0; items--) {
		const rows = fitted(blocks, items, columns);
		if (rows.length <= height) return rows;
	}
	return clipRows(fitted(blocks, 0, columns), height, hidden => `… ${hidden} more`);
}
