import {keepPublishStatement} from './host-publish.js';
import {buildHostPolicy, policyCovers, type AccessTarget} from '../access-policy.js';
import type {ResourceNames} from '../resource-names.js';
import {goBack} from '../questions.js';
import type {Problem} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {madeByCaWizard} from '../ownership-tags.js';
import {createOrAdopt, ourTags} from './create-or-adopt.js';
import {ask, create, needs, note, progress, reused, stop, stopOnAws, type Established} from './step-helpers.js';

type AccessFacts = Established<'identity' | 'domain' | 'domainOwner' | 'repository'>;

function accessTarget(facts: AccessFacts, region: string, alsoRepositories: string[]): AccessTarget {
	const repositories = [...new Set([facts.repository, ...(facts.upstreamChain ?? []), ...alsoRepositories])];
	return {region, account: facts.identity.account, domain: facts.domain, domainOwner: facts.domainOwner, repositories};
}

/** One policy per domain, so a second run for another domain never takes the first one's access away. */
export function policyNameFor(names: ResourceNames, domain: string): string {
	return `${names.policy}-${domain}`;
}

function policyClash(policyName: string, missing: string[]): Problem {
	return {
		code: 'PolicyClash',
		message: `The policy ${policyName} appeared while this run was creating it, and does not allow: ${missing.join('; ')}.`,
		fix: 'Run ca-wizard again: it then updates the policy with a new default version.',
	};
}

/** The repositories of `domain` an existing policy document already grants, to keep them when it is updated. */
function grantedRepositories(document: string, domain: string): string[] {
	const names = new Set<string>();
	for (const [, name] of document.matchAll(new RegExp(`:repository/${domain.replace(/[-]/g, '\\-')}/([A-Za-z0-9._\\-]+)`, 'g'))) if (name) names.add(name);
	return [...names];
}

/** The policy for the build host; an existing one is reused when it fits. The role and profile come with the fix that needs them (wizard-profile.ts). */
export async function accessStep(context: StepContext): Promise<StepOutcome> {
	const {aws} = context;
	const facts = needs(context, 'identity', 'domain', 'domainOwner', 'repository');
	const policyName = policyNameFor(context.options.names, facts.domain);
	const policyArn = `arn:aws:iam::${facts.identity.account}:policy/${policyName}`;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'AccessSetupFailed', doing);
	const existingPolicy = await aws.iam.getPolicy(policyArn).catch(fail('Looking up the policy'));
	const existing = existingPolicy && {
		defaultVersionId: existingPolicy.defaultVersionId,
		document: (await aws.iam.getPolicyDocument(policyArn).catch(fail('Reading the policy'))) ?? '',
	};
	const target = accessTarget(facts, aws.region, existing ? grantedRepositories(existing.document, facts.domain) : []);
	const policy = buildHostPolicy(target);
	context.host.notify({type: 'policy', step: context.step, name: policyName, document: policy.text, explanations: policy.explanations});
	const coverage = existing && policyCovers(existing.document, target);
	if (existing && coverage?.covers) {
		// Nothing to create or change: no question.
		await reused(context, {kind: 'iam-policy', name: policyName, arn: policyArn});
	} else if (existing && coverage && !madeByCaWizard(await aws.iam.listPolicyTags(policyArn).catch(fail('Reading the policy tags')))) {
		const outcome = await updateShared(context, policyName, coverage.missing);
		if (outcome === 'back') return 'back';
		if (outcome === 'yes') await newDefaultVersion(context, {policyArn, policyName, previousVersion: existing.defaultVersionId, document: policy.text});
	} else {
		const confirmed = await ask(context, {
			kind: 'confirm',
			id: 'create-access',
			message: `Create (or update) the policy ${policyName} for the build host?`,
			detail: `The role ${context.options.names.role} and the instance profile ${context.options.names.instanceProfile} are made later only if the fix you choose needs them (a host without a role of its own).`,
			default: true,
			canGoBack: true,
		});
		if (confirmed === goBack) return 'back';
		if (!confirmed)
			stop({
				code: 'AccessDeclined',
				message: 'The build host needs these permissions to get a token.',
				fix: 'Run ca-wizard again and accept, or create an equivalent policy and role yourself.',
				declined: true,
			});
		if (existing) {
			// Ours (made by ca-wizard): an update keeps the repositories it granted before.
			note(context, `${policyName} exists but does not allow: ${coverage?.missing.join('; ')}. Adding a new default version.`, 'warning');
			const document = keepPublishStatement(existing.document, policy.text);
			await newDefaultVersion(context, {policyArn, policyName, previousVersion: existing.defaultVersionId, document});
		} else {
			progress(context, `Creating policy ${policyName}…`);
			await createOrAdopt(
				context,
				{kind: 'iam-policy', name: policyName, arn: policyArn},
				{
					create: () =>
						aws.iam.createPolicy(
							policyName,
							policy.text,
							`Lets a build host read the CodeArtifact repositories of ${facts.domain} (ca-wizard)`,
							ourTags(context),
						),
					made: made => ({arn: made.arn}),
					find: () => aws.iam.getPolicy(policyArn),
					// Made a moment ago by another run: usable when its document grants what this host needs.
					clash: async () => {
						const raced = policyCovers((await aws.iam.getPolicyDocument(policyArn)) ?? '', target);
						return raced.covers ? undefined : policyClash(policyName, raced.missing);
					},
					tags: () => aws.iam.listPolicyTags(policyArn),
					code: 'AccessSetupFailed',
					doing: 'Creating the policy',
				},
			);
		}
	}
	facts.policyArn = policyArn;

	progress(context, 'Access for the build host is ready', true);
	return 'next';
}

/** Someone else's policy: a new default version only after a yes that names the change; default no, and no goes on. */
async function updateShared(context: StepContext, policyName: string, missing: string[]): Promise<'yes' | 'no' | 'back'> {
	const confirmed = await ask(context, {
		kind: 'confirm',
		id: 'shared-policy',
		message: `Give the policy ${policyName}, which ca-wizard did not create, a new default version?`,
		detail: `It does not allow: ${missing.join('; ')}. Every role, user and group it is attached to gets the new document. No leaves it as it is.`,
		default: false,
		canGoBack: true,
	});
	if (confirmed === goBack) return 'back';
	if (confirmed) return 'yes';
	note(context, `${policyName} was left as it is; it does not allow: ${missing.join('; ')}. The token check may be refused for that.`, 'warning');
	return 'no';
}

/** The version it replaces as the default is recorded: how a later run (and destroy) tells whether this update happened. */
async function newDefaultVersion(
	context: StepContext,
	{policyArn, policyName, previousVersion, document}: {policyArn: string; policyName: string; previousVersion: string; document: string},
): Promise<void> {
	await create(
		context,
		{kind: 'iam-policy', name: `${policyName} (new default version)`, arn: policyArn, details: {versionOf: policyArn, previousVersion}},
		() => context.aws.iam.updatePolicyDocument(policyArn, document).catch((error: unknown) => stopOnAws(error, 'AccessSetupFailed', 'Updating the policy')),
	);
}
