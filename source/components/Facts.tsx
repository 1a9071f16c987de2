import {Box, Text} from 'ink';
import type {Fact} from '../wizard/events.js';
import type {ResourceView} from '../wizard/view-state.js';

const toneColor = {ok: 'green', warn: 'yellow', bad: 'red'} as const;

/** Label: value lines, labels aligned. */
export function Facts({facts}: {facts: Fact[]}) {
	if (facts.length === 0) return null;
	const width = Math.max(...facts.map(fact => fact.label.length)) + 2;
	return (
		<Box flexDirection="column">
			{facts.map(fact => (
				<Box key={fact.label}>
					<Box width={width} flexShrink={0}>
						<Text dimColor>{fact.label}:</Text>
					</Box>
					<Text color={fact.tone ? toneColor[fact.tone] : undefined}>{fact.value}</Text>
				</Box>
			))}
		</Box>
	);
}

/** What the step created or reused, one line each. */
export function Resources({resources}: {resources: ResourceView[]}) {
	if (resources.length === 0) return null;
	return (
		<Box flexDirection="column">
			{resources.map(({resource, reused}) => (
				<Text key={`${resource.kind} ${resource.name}`} wrap="truncate-end">
					<Text color={reused ? 'blue' : 'green'}>{reused ? '= reused ' : '+ created'}</Text> {resource.kind} <Text bold>{resource.name}</Text>
				</Text>
			))}
		</Box>
	);
}
