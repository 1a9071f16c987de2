import {Box, Text} from 'ink';
import type {FileDiff} from '../wizard/view-state.js';

function lineColor(line: string): string | undefined {
	if (line.startsWith('+')) return 'green';
	if (line.startsWith('-')) return 'red';
	return undefined;
}

export interface DiffViewProps {
	diff: FileDiff;
	/** At most this many lines of the change; the rest are counted. */
	maxLines?: number;
}

/** A file's change, added lines green and removed lines red. */
export function DiffView({diff, maxLines = Number.POSITIVE_INFINITY}: DiffViewProps) {
	const shown = diff.lines.length > maxLines ? diff.lines.slice(0, Math.max(1, maxLines - 1)) : diff.lines;
	return (
		<Box flexDirection="column">
			<Text bold>{diff.path}</Text>
			<Box flexDirection="column" paddingLeft={2}>
				{shown.map((line, index) => {
					const color = lineColor(line);
					return (
						<Text key={index} color={color} dimColor={!color}>
							{line}
						</Text>
					);
				})}
				{shown.length < diff.lines.length ? <Text dimColor>… {diff.lines.length - shown.length} more lines</Text> : null}
			</Box>
		</Box>
	);
}
