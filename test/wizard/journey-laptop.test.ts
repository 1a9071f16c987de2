import {CodeartifactClient, GetAuthorizationTokenCommand} from '@aws-sdk/client-codeartifact';
import {DescribeIamInstanceProfileAssociationsCommand, DisassociateIamInstanceProfileCommand, EC2Client} from '@aws-sdk/client-ec2';
import {IAMClient, ListAttachedRolePoliciesCommand} from '@aws-sdk/client-iam';
import {fromInstanceMetadata} from '@aws-sdk/credential-providers';
import {beforeAll, describe, expect, it} from 'vitest';
import type {RunningSandbox, SandboxInstance} from '../../source/sandbox/index.js';
import type {MultiSelectQuestion} from '../../source/wizard/questions.js';
import {checkAnswer} from '../../source/host/answers.js';
import {resourceNames} from '../../source/wizard/resource-names.js';
import {journeyOn} from '../helpers/journey.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// The wizard on a laptop: no instance metadata answers, and the build hosts are three EC2
// instances of the account. The token check fixes the access of those chosen, judged by
// evaluating each role's policies, and the hosts then really get tokens through their own
// metadata endpoints.

/** A token for `domain`, asked as the instance: credentials from its own metadata endpoint, by the real SDK provider. */
async function tokenAs(sandbox: RunningSandbox, instance: SandboxInstance | undefined, domain: string): Promise<unknown> {
	const saved = process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
	process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] = instance?.metadataEndpoint;
	try {
		const credentials = await fromInstanceMetadata({timeout: 2000, maxRetries: 0})();
		const client = new CodeartifactClient({endpoint: sandbox.endpoint, region: sandbox.region, maxAttempts: 1, credentials});
		const {authorizationToken} = await client.send(new GetAuthorizationTokenCommand({domain, domainOwner: sandbox.accountId}));
		return authorizationToken ? 'token' : 'none';
	} catch (error) {
		return (error as Error).name;
	} finally {
		if (saved === undefined) delete process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'];
		else process.env['AWS_EC2_METADATA_SERVICE_ENDPOINT'] = saved;
	}
}

const verdicts = (host: ScriptedHost) =>
	host
		.of('facts')
		.filter(event => event.step === 'token')
		.map(event => event.facts.map(fact => `${fact.label}: ${/[✔✖]/.exec(fact.value)?.[0]}`));

describe('the wizard on a laptop fixes the access of chosen EC2 build hosts', () => {
	const sandbox = useSandbox({scenario: 'access-denied', instances: 3});
	const journey = journeyOn(sandbox);
	const names = resourceNames();
	let asked: MultiSelectQuestion | undefined;
	const attachedTo = async (role: string) =>
		((await new IAMClient(adminConfig(sandbox.current)).send(new ListAttachedRolePoliciesCommand({RoleName: role}))).AttachedPolicies ?? []).map(
			policy => policy.PolicyName,
		);

	beforeAll(async () => {
		// The third host wears no profile: its fix is the wizard's own profile, not a policy on a role.
		const ec2 = new EC2Client(adminConfig(sandbox.current));
		const third = sandbox.current.instances[2]?.instanceId ?? '';
		const {IamInstanceProfileAssociations: [association] = []} = await ec2.send(
			new DescribeIamInstanceProfileAssociationsCommand({Filters: [{Name: 'instance-id', Values: [third]}]}),
		);
		await ec2.send(new DisassociateIamInstanceProfileCommand({AssociationId: association?.AssociationId}));
	});

	it('by default chooses none, says which flag would, and changes nothing', async () => {
		const host = new ScriptedHost({domain: 'laptop-none'});
		const {result} = await journey(host, {metadataEndpoint: null});
		expect(result.status).toBe('completed');
		const [question] = host.questions.filter(q => q.id === 'instances') as MultiSelectQuestion[];
		asked = question;
		expect(question?.kind).toBe('multiselect');
		expect(question?.choices.map(choice => choice.value)).toEqual(sandbox.current.instances.map(instance => instance.instanceId));
		expect(host.of('note').map(event => event.message)).toContain('No EC2 instance chosen: their access is left as it is (--instances ID,ID chooses them).');
		expect(verdicts(host)).toEqual([['build-host-1: ✖', 'build-host-2: ✖', 'build-host-3: ✖']]);
		expect(await attachedTo('build-host-role')).toEqual(['build-host-baseline']);
		expect(await attachedTo('build-host-2-role')).toEqual(['build-host-baseline']);
	});

	it('fixes two of three: a policy on the role one wears, the wizard profile for the one without; the third is unchanged', async () => {
		const [first, second, third] = sandbox.current.instances;
		const domain = 'laptop-two';
		const host = new ScriptedHost({domain, instances: `${second?.instanceId},${third?.instanceId}`});
		const {result, aws} = await journey(host, {metadataEndpoint: null});
		expect(result.status).toBe('completed');
		expect(await aws.metadata.describeHost()).toBeUndefined(); // the laptop: no metadata answers
		// ✔/✖ per instance before the fix, then per chosen instance after it.
		expect(verdicts(host)).toEqual([
			['build-host-1: ✖', 'build-host-2: ✖', 'build-host-3: ✖'],
			['build-host-2: ✔', 'build-host-3: ✔'],
		]);
		expect(await attachedTo('build-host-2-role')).toEqual(['build-host-baseline', `${names.policy}-${domain}`]);
		expect(await attachedTo('build-host-role')).toEqual(['build-host-baseline']);
		const resources = host.of('resource').map(event => `${event.resource.kind} ${event.resource.name}`);
		expect(resources).toContain(`instance-profile-association ${names.instanceProfile} on ${third?.instanceId}`);
		// What just happened, in plain words and as data: the changes, and the read-back (their credentials cannot be had from here).
		const [told] = host.of('note').filter(note => note.happened);
		expect(told?.message).toMatch(
			new RegExp(
				`^Attached policy ${names.policy}-${domain} to role build-host-2-role, .*associated instance profile ${names.instanceProfile} with instance ${third?.instanceId}\\. Read back, the chosen instances' own policies now allow a token;`,
			),
		);
		expect(told?.happened?.changes[0]).toBe(`attached policy ${names.policy}-${domain} to role build-host-2-role`);

		// The evaluated check is borne out: the two get tokens through their own metadata endpoints, the first does not.
		expect(await tokenAs(sandbox.current, second, domain)).toBe('token');
		expect(await tokenAs(sandbox.current, third, domain)).toBe('token');
		expect(await tokenAs(sandbox.current, first, domain)).toBe('AccessDeniedException');
	});

	it('takes as an answer only instances of the account, or none', () => {
		expect(asked).toBeDefined();
		const question = asked as MultiSelectQuestion;
		expect(checkAnswer(question, 'i-0123456789abcdef0')).toMatchObject({ok: false, problem: expect.stringMatching(/^i-0123456789abcdef0 is not among i-/)});
		expect(checkAnswer(question, 'build-host-1')).toMatchObject({ok: false, problem: expect.stringContaining('is not an instance id')});
		expect(checkAnswer(question, 'none')).toEqual({ok: true, value: ''});
		const [first, second] = sandbox.current.instances.map(instance => instance.instanceId);
		expect(checkAnswer(question, `${second}, ${first},${second}`)).toEqual({ok: true, value: `${second},${first}`});
	});
});
