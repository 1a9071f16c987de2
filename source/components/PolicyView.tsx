import {Box, Text} from 'ink';
import type {PolicyView as Policy} from '../wizard/view-state.js';

export interface PolicyViewProps {
	policy: Policy;
	/** At most this many lines of the document; the rest are counted. */
	maxLines?: number;
}

/** The policy document as JSON, and one line for each statement's reason. */
export function PolicyView({policy, maxLines = Number.POSITIVE_INFINITY}: PolicyViewProps) {
	const lines = policy.document.split('\n');
	const shown = lines.length > maxLines ? lines.slice(0, Math.max(1, maxLines - 1)) : lines;
	return (
		<Box flexDirection="column">
			<Text bold>Policy {policy.name}</Text>
			<Box flexDirection="column" borderStyle="single" borderDimColor paddingX={1}>
				{shown.map((line, index) => (
					<Text key={index}>{line}</Text>
				))}
				{shown.length < lines.length ? <Text dimColor>… {lines.length - shown.length} more lines</Text> : null}
			</Box>
			{policy.explanations.map((line, index) => (
				<Text key={index}>
					<Text dimColor>• </Text>
					{line}
				</Text>
			))}
		</Box>
	);
}
