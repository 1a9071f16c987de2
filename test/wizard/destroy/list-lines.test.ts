import {describe, expect, it} from 'vitest';
import {created} from '../../../source/wizard/destroy/account-inventory.js';
import {fit, listLines} from '../../../source/wizard/destroy/list-lines.js';
import {groupByMaker} from '../../../source/wizard/destroy/made-by.js';
import {ownershipTags} from '../../../source/wizard/ownership-tags.js';

const principal = 'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/someone.with.a.long.name@example.com';

describe('ca-wizard list, as lines', () => {
	it('groups by maker and run, names a repository with its domain, and cuts what is too long in the middle to fit 80 columns', () => {
		const tags = (createdBy: string, runId: string) => ownershipTags({createdBy, runId});
		const groups = groupByMaker([
			{entry: created({kind: 'iam-role', name: 'p2-ca-wizard-build-host'}), tags: tags('p2', 'run-b'), parts: []},
			{entry: created({kind: 'domain', name: 'p1-ca-wizard-demo'}), tags: tags('p1', 'run-a'), parts: []},
			{
				entry: created({kind: 'repository', name: `p1-${'very-long-'.repeat(8)}repo`, details: {domain: 'p1-ca-wizard-demo', repository: 'x'}}),
				tags: tags('p1', 'run-a'),
				parts: [],
			},
			{entry: created({kind: 'domain', name: 'untagged'}), tags: {}, parts: []},
			{entry: created({kind: 'domain', name: 'admin-domain'}), tags: tags(principal, 'run-c'), parts: []},
		]);
		const lines = listLines(groups);
		expect(lines[0]).toBe('ca-wizard made 4 resources here, for 3 makers:');
		expect(lines).toContain('p1  (run run-a)');
		expect(lines).toContain('  domain            p1-ca-wizard-demo');
		expect(lines.find(line => line.startsWith('  repository'))).toBe('  repository        p1-ca-wizard-demo/p1-very-long…long-very-long-very-long-repo');
		expect(lines.find(line => line.startsWith('arn:'))).toMatch(/^arn:aws:sts::123456789012:.*….*\(run run-c\)$/);
		expect(lines.join('\n')).not.toContain('untagged');
		for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
	});

	it('fit leaves short text alone and keeps both ends of long text', () => {
		expect(fit('short', 10)).toBe('short');
		expect(fit('abcdefghijkl', 7)).toBe('abc…jkl');
		expect([...fit('x'.repeat(200), 80)].length).toBe(80);
	});
});
