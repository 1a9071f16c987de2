import {Box, Text} from 'ink';

export interface MavenTailProps {
	tail: string[];
	total: number;
	/** How many of the latest lines to show. */
	lines?: number;
}

/** The last few lines Maven printed, and how many it printed in all. */
export function MavenTail({tail, total, lines = 4}: MavenTailProps) {
	if (total === 0) return null;
	return (
		<Box flexDirection="column">
			<Text dimColor>
				Maven output ({total} line{total === 1 ? '' : 's'})
			</Text>
			{tail.slice(-lines).map((line, index) => (
				<Text key={index} dimColor wrap="truncate-end">
					{'│ '}
					{line}
				</Text>
			))}
		</Box>
	);
}
