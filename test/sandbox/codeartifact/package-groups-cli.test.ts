import {describe, expect, it} from 'vitest';
import {adminAwsCli} from '../../helpers/aws-cli.js';
import {useSandbox} from '../../helpers/sandbox.js';

// Package groups as a learner types them with the aws CLI v1 (botocore parses every reply).

describe('package groups through the aws CLI', () => {
	const sandbox = useSandbox();
	const aws = adminAwsCli(sandbox);

	it('creates a group, blocks its upstreams, and finds the group a package belongs to', {timeout: 90_000}, async () => {
		await aws('codeartifact', 'create-domain', '--domain', 'cli-groups');
		const created = (await aws('codeartifact', 'create-package-group', '--domain', 'cli-groups', '--package-group', '/maven/com.example~')) as {
			packageGroup: {pattern: string; parent: {pattern: string}};
		};
		expect(created.packageGroup).toMatchObject({pattern: '/maven/com.example~', parent: {pattern: '/*'}});
		const updated = (await aws(
			'codeartifact',
			'update-package-group-origin-configuration',
			'--domain',
			'cli-groups',
			'--package-group',
			'/maven/com.example~',
			'--restrictions',
			'EXTERNAL_UPSTREAM=BLOCK,INTERNAL_UPSTREAM=BLOCK',
		)) as {packageGroup: {originConfiguration: {restrictions: Record<string, {effectiveMode: string}>}}};
		expect(updated.packageGroup.originConfiguration.restrictions.EXTERNAL_UPSTREAM?.effectiveMode).toBe('BLOCK');
		const associated = (await aws(
			'codeartifact',
			'get-associated-package-group',
			'--domain',
			'cli-groups',
			'--format',
			'maven',
			'--namespace',
			'com.example.app',
			'--package',
			'web',
		)) as {packageGroup: {pattern: string}; associationType: string};
		expect([associated.packageGroup.pattern, associated.associationType]).toEqual(['/maven/com.example~', 'WEAK']);
		const listed = (await aws('codeartifact', 'list-package-groups', '--domain', 'cli-groups')) as {packageGroups: {pattern: string}[]};
		expect(listed.packageGroups.map(g => g.pattern)).toEqual(['/*', '/maven/com.example~']);
		await aws('codeartifact', 'delete-package-group', '--domain', 'cli-groups', '--package-group', '/maven/com.example~');
	});
});
