import {resourceRows} from '../components/detail-rows.js';
import {clipRows, Rows, rowsPart} from '../components/Rows.js';
import {wrapRows, type Row} from '../components/text-rows.js';
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
		const resources = resourceRows(stepIds.flatMap(id => state.steps[id].resources));
		return {parts: resources.length > 0 ? [rowsPart(resources)] : []};
	}
	const blocks = summaryBlocks(summaryLines(state.summary), columns);
	return {
		parts: [
			{
				min: fitted(blocks, 0).length,
				want: fitted(blocks, Number.POSITIVE_INFINITY).length,
				render: rows => <Rows rows={fitSummary(blocks, rows)} />,
			},
		],
	};
};

/** The summary's rows: headings (wrapped), runs of items (a row each, shortened first when rows are few). */
interface Block {
	rows: Row[];
	items: boolean;
}

/** Headings wrap, items take a row each, each run of commands becomes one line that says where they are. */
function summaryBlocks(lines: SummaryLine[], columns: number): Block[] {
	const blocks: Block[] = [];
	let below: {kind: 'command' | 'link'; count: number} | undefined;
	const flush = () => {
		if (below) blocks.push({items: false, rows: [{text: `  ↓ ${below.count} ${below.kind}${below.count === 1 ? '' : 's'}, printed below`, dim: true}]});
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
		if (line.kind === 'heading') blocks.push({items: false, rows: wrapRows(line.text, columns).map(text => ({text}))});
		else if (last?.items) last.rows.push(item);
		else blocks.push({items: true, rows: [item]});
	}
	flush();
	if (lines.some(line => line.kind === 'link')) blocks.push({items: false, rows: [{text: linksBelow, dim: true}]});
	else if (lines.some(line => line.kind === 'command')) blocks.push({items: false, rows: [{text: commandsBelow, dim: true}]});
	return blocks;
}

/** The rows with every run of items cut to `items` rows and a count. */
function fitted(blocks: Block[], items: number): Row[] {
	return blocks.flatMap(block => {
		if (!block.items || block.rows.length <= items + 1) return block.rows;
		return [...block.rows.slice(0, items), {text: `  … ${block.rows.length - items} more, printed below`, dim: true}];
	});
}

/** As many items per run as fit in `height`: headings, command lines and the note stay. */
function fitSummary(blocks: Block[], height: number): Row[] {
	const longest = Math.max(0, ...blocks.map(block => (block.items ? block.rows.length : 0)));
	for (let items = longest; items >= 0; items--) {
		const rows = fitted(blocks, items);
		if (rows.length <= height) return rows;
	}
	return clipRows(fitted(blocks, 0), height, hidden => `… ${hidden} more`);
}
