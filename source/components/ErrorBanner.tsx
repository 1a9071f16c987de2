import {Box, Text} from 'ink';
import type {Problem} from '../wizard/events.js';
import {rowCount, wrapRows} from './text-rows.js';

/** The border and the padding take two columns on each side. */
const frame = 4;

export interface ErrorBannerProps {
	problem: Problem;
	/** The terminal's width: the detail lines wrap within it. */
	columns: number;
	/** At most this many rows of details; the rest are counted. All of them by default. */
	detailRows?: number;
}

/** The one place a problem is shown: what happened and its code, the fix when there is one, the details, wrapped, and AWS's own words under them. */
export function ErrorBanner({problem, columns, detailRows = Number.POSITIVE_INFINITY}: ErrorBannerProps) {
	const details = bannerDetailRows(problem, columns);
	const cut = details.length > detailRows;
	const shown = cut ? details.slice(0, Math.max(0, detailRows - 1)) : details;
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
			<Text color="red" bold>
				✖ {problem.message} <Text dimColor>[{problem.code}]</Text>
			</Text>
			{problem.fix ? <Text>Fix: {problem.fix}</Text> : null}
			{shown.map((row, index) => (
				<Text key={index} dimColor wrap="truncate-end">
					{row}
				</Text>
			))}
			{/* No row at all for the details: not even the count (v shows them). */}
			{cut && detailRows > 0 ? <Text dimColor>… {details.length - shown.length} more lines</Text> : null}
			{awsErrorRows(problem, columns - frame).map((row, index) => (
				<Text key={`aws${index}`} wrap="truncate-end">
					{row}
				</Text>
			))}
		</Box>
	);
}

/** Rows the banner takes without its details (border, what happened, the fix, AWS's words, which are never cut), in `columns`. */
export function bannerHeight(problem: Problem, columns: number): number {
	const width = columns - frame;
	const fix = problem.fix ? rowCount(`Fix: ${problem.fix}`, width) : 0;
	return 2 + rowCount(bannerTitle(problem), width) + fix + awsErrorRows(problem, width).length;
}

/** The details as the rows they wrap to inside the banner. */
export function bannerDetailRows(problem: Problem, columns: number): string[] {
	return detailRows(problem, columns - frame);
}

/** The first line: what happened, and its code. */
export function bannerTitle(problem: Problem): string {
	return `✖ ${problem.message} [${problem.code}]`;
}

/** The details wrapped to `width`. */
export function detailRows(problem: Problem, width: number): string[] {
	return (problem.details ?? []).flatMap(line => paragraphRows(line, width));
}

/** AWS's code and message, as a console or a CI log shows them (`AccessDeniedException: User: … is not authorized …`), wrapped to `width`. */
export function awsErrorRows({awsError}: Problem, width: number): string[] {
	return awsError ? paragraphRows(`${awsError.code}: ${awsError.message}`, width) : [];
}

function paragraphRows(text: string, width: number): string[] {
	return wrapRows(text, width).map((row, index) => (index > 0 ? row.replace(/^ /, '') : row));
}
