import type {AwsApis, InstanceSummary} from '../../aws/apis.js';
import {AwsFailure} from '../../aws/errors.js';
import {mapConcurrently} from '../../aws/map-concurrently.js';
import {policyCovers, type AccessTarget} from '../access-policy.js';
import {accessVerdict, fixPreview, instancesQuestion, instanceShortName, instanceTitle, mayRead, type InstanceAccess} from '../instance-choice.js';
import {chosenValues} from '../questions.js';
import type {StepContext} from './context.js';
import {associateProfile} from './associate-profile.js';
import {attachPolicy} from './attach-policy.js';
import {ensureWizardProfile} from './wizard-profile.js';
import {changesMade, instancesFixAccount} from '../fix-account.js';
import {answer, needs, note, progress, stopOnAws, tellWhatHappened} from './step-helpers.js';

// Off EC2 (no instance metadata answers) the build hosts are other machines: the token check
// can fix their access first. Their credentials cannot be had from here, so whether each may
// get a token is judged by evaluating its role's attached and inline policies (the project's
// IAM evaluator), before and after the fix. A permissions boundary, an SCP or the domain's
// resource policy are not read, so ✔ means "its own policies allow it".

/** Lists the account's instances, lets the user choose some, fixes each, and shows ✔/✖ before and after. */
export async function fixInstancesAccess(context: StepContext): Promise<void> {
	const {aws} = context;
	progress(context, "Listing the account's EC2 instances…");
	let instances: InstanceSummary[];
	try {
		instances = await aws.ec2.listInstances();
	} catch (error) {
		if (!(error instanceof AwsFailure)) throw error;
		progress(context, "Listed the account's EC2 instances", true);
		note(context, `The EC2 instances could not be listed (${error.message}); only this machine's access is checked.`, 'warning');
		return;
	}
	progress(context, "Listed the account's EC2 instances", true);
	if (instances.length === 0) return;
	const facts = needs(context, 'identity', 'domain', 'domainOwner', 'repository', 'policyArn');
	const target: AccessTarget = {
		region: aws.region,
		account: facts.identity.account,
		domain: facts.domain,
		domainOwner: facts.domainOwner,
		repositories: [facts.repository],
	};

	const before = await evaluateAll(aws, instances, target);
	showVerdicts(context, before);
	const chosen = chosenValues(await answer(context, instancesQuestion(before, context.options.names.instanceProfile)));
	if (chosen.length === 0) {
		note(context, 'No EC2 instance chosen: their access is left as it is (--instances ID,ID chooses them).');
		return;
	}
	const picked = before.filter(access => chosen.includes(access.instanceId));
	const touchedBefore = context.facts.touched.length;
	for (const access of picked) await fix(context, access, facts.policyArn);
	const changedAt = context.now();
	const after = await evaluateAll(aws, picked, target);
	showVerdicts(context, after, 'after the fix: ');
	const still = after.filter(access => !mayRead(access));
	if (still.length > 0) note(context, `Still without access: ${still.map(instanceTitle).join(', ')} (see above).`, 'warning');
	else note(context, `${after.length === 1 ? 'The chosen instance' : `All ${after.length} chosen instances`} may now get a token.`, 'success');
	const changes = changesMade(context.facts.touched.slice(touchedBefore));
	if (changes.length > 0 && !context.options.dryRun) {
		tellWhatHappened(context, instancesFixAccount(changes, changedAt, still.length === 0), still.length === 0 ? 'success' : 'info');
	}
}

async function fix(context: StepContext, access: InstanceAccess, policyArn: string): Promise<void> {
	if (mayRead(access)) return;
	if (access.roleName) {
		await attachPolicy(context, access.roleName, policyArn, 'FixFailed');
		return;
	}
	if (!access.instanceProfileArn) {
		await associateProfile(context, access.instanceId, await ensureWizardProfile(context, policyArn));
		return;
	}
	note(context, `${instanceTitle(access)}: ${fixPreview(access, context.options.names.instanceProfile)}`, 'warning');
}

/** How many instances are looked at together: quick for a few, gentle on IAM's rate limits for many. */
const lookupBatch = 5;

/** Each instance's role (through its current profile) and what its policies leave out; a role several wear is read once. */
async function evaluateAll(
	aws: AwsApis,
	instances: Array<Pick<InstanceSummary, 'instanceId' | 'name' | 'state'>>,
	target: AccessTarget,
): Promise<InstanceAccess[]> {
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'FixFailed', doing);
	const roleDocuments = new Map<string, Promise<string[]>>();
	const documentsOf = async (roleName: string): Promise<string[]> => {
		const attached = await aws.iam.listAttachedRolePolicies(roleName).catch(fail(`Listing the policies of ${roleName}`));
		const inline = await aws.iam.listRolePolicies(roleName).catch(fail(`Listing the inline policies of ${roleName}`));
		const documents = await Promise.all([
			...attached.map(policy => aws.iam.getPolicyDocument(policy.arn).catch(fail(`Reading the policy ${policy.name}`))),
			...inline.map(name => aws.iam.getRolePolicy(roleName, name).catch(fail(`Reading the inline policy ${name} of ${roleName}`))),
		]);
		return documents.filter((document): document is string => document !== undefined);
	};
	return mapConcurrently(instances, lookupBatch, async instance => {
		const access: InstanceAccess = {instanceId: instance.instanceId, state: instance.state, missing: [], ...(instance.name ? {name: instance.name} : {})};
		// Asked afresh, not taken from the list: after a fix the instance may wear another profile.
		const association = await aws.ec2.currentAssociation(instance.instanceId).catch(fail(`Looking up the instance profile of ${instance.instanceId}`));
		if (!association) return access;
		access.instanceProfileArn = association.instanceProfileArn;
		const profile = await aws.iam.getInstanceProfileByArn(association.instanceProfileArn).catch(fail('Looking up the instance profile'));
		const roleName = profile?.roleNames[0];
		if (!roleName) return access;
		access.roleName = roleName;
		if (!roleDocuments.has(roleName)) roleDocuments.set(roleName, documentsOf(roleName));
		access.missing = policyCovers((await roleDocuments.get(roleName)) ?? [], target).missing;
		return access;
	});
}

/** ✔/✖ per instance, as facts of the step (the second set, after the fix, says so). */
function showVerdicts(context: StepContext, accesses: InstanceAccess[], when = ''): void {
	context.host.notify({
		type: 'facts',
		step: context.step,
		facts: accesses.map(access => ({label: instanceShortName(access), value: `${when}${accessVerdict(access)}`, tone: mayRead(access) ? 'ok' : 'bad'})),
	});
}
