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
					{shortenRepositoryUrls(line)}
				</Text>
			))}
		</Box>
	);
}

/**
 * Every line of a download names the same repository URL; what differs is the artifact's
 * path after it. `http…/maven/REPO/org/x/y.pom` becomes `org/x/y.pom`.
 */
export function shortenRepositoryUrls(line: string): string {
	return line.replace(/https?:\/\/\S*?\/maven\/[^/\s]+\//g, '');
}
