import {Box, Text} from 'ink';
import type {Problem} from '../wizard/events.js';

/** The one place a problem is shown: its code, what happened, and the fix. */
export function ErrorBanner({problem}: {problem: Problem}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
			<Text color="red" bold>
				✖ {problem.message} <Text dimColor>[{problem.code}]</Text>
			</Text>
			{problem.fix ? <Text>Fix: {problem.fix}</Text> : null}
			{(problem.details ?? []).map((line, index) => (
				<Text key={index} dimColor wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
