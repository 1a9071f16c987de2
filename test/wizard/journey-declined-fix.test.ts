import {IAMClient, RemoveRoleFromInstanceProfileCommand} from '@aws-sdk/client-iam';
import {beforeAll, expect, it} from 'vitest';
import {journeyOn} from '../helpers/journey.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// A host whose instance profile holds no role: the only fix is to replace the profile, and its
// confirmation defaults to no. Answered by defaults (--yes), the declined fix must not come back
// with the same default for ever: the run stops, saying every fix was declined.
const sandbox = useSandbox();
const journey = journeyOn(sandbox);

beforeAll(async () => {
	const iam = new IAMClient(adminConfig(sandbox.current));
	await iam.send(new RemoveRoleFromInstanceProfileCommand({InstanceProfileName: 'build-host-profile', RoleName: 'build-host-role'}));
});

it('stops when the only fix is declined, instead of asking again for ever', async () => {
	const host = new ScriptedHost();
	const {result} = await journey(host);
	expect(result).toMatchObject({status: 'stopped', step: 'token'});
	const fixes = host.questions.filter(question => question.id === 'token-fix');
	expect(fixes.length).toBeGreaterThan(0);
	expect(fixes.length).toBeLessThanOrEqual(3); // a round at most per retry, never a loop
	expect(host.questions.filter(question => question.id === 'replace-profile').length).toBe(fixes.length);
	expect(host.of('problem').at(-1)?.problem).toMatchObject({code: 'TokenRefused', fix: expect.stringContaining('Every fix offered was declined')});
});
