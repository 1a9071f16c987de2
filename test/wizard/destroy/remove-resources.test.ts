import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {destroyPlan} from '../../../source/wizard/destroy/destroy-plan.js';
import {removeResources} from '../../../source/wizard/destroy/remove-resources.js';
import {undoSettingsFile} from '../../../source/wizard/destroy/undo-settings.js';
import {journeyOn} from '../../helpers/journey.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {ScriptedHost} from '../../helpers/scripted-host.js';

const readOnly = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: '*'}]});

describe('removeResources', () => {
	// No instance profile on the host: the wizard makes its own role and profile, and associates them.
	const journey = journeyOn(useSandbox({scenario: 'no-profile'}));

	it('removes what a run created; what is already gone counts as removed; a refusal is recorded and the rest goes on', async () => {
		const {result, ledger, aws, settingsPath} = await journey(new ScriptedHost({domain: 'by-hand'}));
		expect(result.status).toBe('completed');
		const role = 'ca-wizard-build-host';
		const policy = ledger.resources.find(entry => entry.kind === 'iam-policy')?.arn ?? '';
		// Someone detached ca-wizard's policy by hand, and attached their own to ca-wizard's role.
		await aws.iam.detachRolePolicy(role, policy);
		const theirs = await aws.iam.createPolicy('someone-elses', readOnly, '');
		await aws.iam.attachRolePolicy(role, theirs.arn);

		const {removals} = destroyPlan(ledger.entries);
		const outcomes = await removeResources(removals, {aws, undoFile: undoSettingsFile, forget: resource => ledger.forget(resource)});

		const status = (kind: string, name = '') => outcomes.find(({entry}) => entry.kind === kind && entry.name.startsWith(name));
		expect(status('role-policy-attachment', `ca-wizard-codeartifact-read-by-hand → ${role}`)?.status).toBe('already-gone');
		expect(status('iam-role')).toMatchObject({status: 'failed', reason: expect.stringContaining('must detach all policies first')});
		expect(outcomes.filter(outcome => outcome.status === 'failed')).toHaveLength(1);
		// The published sample went with its repository, removed before it is checked.
		expect(status('package-version', 'ca-wizard/hello-ca-wizard 1.0.0')?.status).toBe('already-gone');
		expect(await aws.codeartifact.describeDomain('by-hand')).toBeUndefined();
		expect(await aws.iam.getPolicy(policy)).toBeUndefined();
		expect(await aws.iam.getInstanceProfile(role)).toBeUndefined();
		expect(await aws.iam.getRole(role)).toBeDefined();
		expect(existsSync(settingsPath)).toBe(false);
		// What could not be removed stays in the record, for the next destroy.
		expect(ledger.entries.map(entry => `${entry.state} ${entry.kind} ${entry.name}`)).toEqual([`created iam-role ${role}`]);
	});

	it('a published version whose repository stays is not deleted: destroy says so, names the command, and keeps it on record', async () => {
		const {result, ledger, aws} = await journey(new ScriptedHost({domain: 'keeps-repo'}));
		expect(result.status).toBe('completed');
		const removals = destroyPlan(ledger.entries).removals.filter(({entry}) => entry.kind === 'package-version');
		expect(removals).toHaveLength(1);
		const outcomes = await removeResources(removals, {aws, undoFile: undoSettingsFile, forget: resource => ledger.forget(resource)});
		expect(outcomes).toEqual([
			expect.objectContaining({
				status: 'failed',
				reason: expect.stringContaining(
					'aws codeartifact delete-package-versions --domain keeps-repo --repository maven-repo --format generic --namespace ca-wizard --package hello-ca-wizard --versions 1.0.0',
				),
			}),
		]);
		const generic = {format: 'generic', namespace: 'ca-wizard', name: 'hello-ca-wizard'};
		await expect(aws.codeartifact.describePackageVersion('keeps-repo', 'maven-repo', generic, '1.0.0')).resolves.toMatchObject({version: '1.0.0'});
		expect(ledger.resources.some(entry => entry.kind === 'package-version')).toBe(true);
	});
});
