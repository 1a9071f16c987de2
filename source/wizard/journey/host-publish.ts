import type {PolicyJson, PolicyStatement} from '../access-policy.js';
import type {StepContext} from './context.js';
import {answer, create, note, stopOnAws} from './step-helpers.js';

/** The statement's name in the policy: how a later run, and a reader of the policy, tell it apart. */
export const publishStatementSid = 'PublishGenericPackages';

/** Publishing generic packages to `repository`, and nothing else: a statement of its own, apart from the read-only ones. */
export function publishStatement(at: {region: string; owner: string; domain: string; repository: string}): PolicyStatement {
	return {
		Sid: publishStatementSid,
		Effect: 'Allow',
		Action: ['codeartifact:PublishPackageVersion', 'codeartifact:PutPackageMetadata'],
		Resource: `arn:aws:codeartifact:${at.region}:${at.owner}:package/${at.domain}/${at.repository}/generic/*`,
	};
}

/**
 * A new version of ca-wizard's own policy (more repositories to read) keeps the publish
 * statement the user once asked for: the template alone would take that right away unasked.
 */
export function keepPublishStatement(previousText: string, nextText: string): string {
	const previous = JSON.parse(previousText) as PolicyJson;
	const kept = previous.Statement.filter(statement => statement.Sid === publishStatementSid);
	if (kept.length === 0) return nextText;
	const next = JSON.parse(nextText) as PolicyJson;
	return JSON.stringify({...next, Statement: [...next.Statement.filter(statement => statement.Sid !== publishStatementSid), ...kept]}, null, 2);
}

/**
 * The build host reads only. Publishing from it is the user's choice (default no), asked only
 * when the host's policy is ca-wizard's own: yes adds the publish statement as a new default
 * version, recorded so that destroy puts the previous version back (or removes the policy).
 */
export async function offerHostPublish(context: StepContext): Promise<void> {
	const {facts, aws, ledger} = context;
	const policyArn = facts.policyArn;
	const ours = ledger.resources.find(resource => resource.kind === 'iam-policy' && resource.arn === policyArn && !resource.details?.['versionOf']);
	if (!policyArn || !ours || !facts.domain || !facts.repository) return;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'HostPublishFailed', doing);
	const text = (await aws.iam.getPolicyDocument(policyArn).catch(fail('Reading the policy'))) ?? '';
	const document = JSON.parse(text) as PolicyJson;
	if (document.Statement.some(statement => statement.Sid === publishStatementSid)) {
		note(context, `${ours.name} already lets the build host publish generic packages (statement ${publishStatementSid}).`, 'info');
		return;
	}
	const yes = await answer(context, {
		kind: 'confirm',
		id: 'host-publish',
		message: 'Let the build host publish generic packages too?',
		detail: `Adds the statement ${publishStatementSid} to ${ours.name} (a new policy version). No keeps it read-only: this step published with your own credentials.`,
		default: false,
	});
	if (!yes) {
		note(context, `The build host's policy ${ours.name} stays read-only: it published nothing here, your credentials did.`, 'info');
		return;
	}
	const statement = publishStatement({
		region: aws.region,
		owner: facts.domainOwner ?? facts.identity?.account ?? '',
		domain: facts.domain,
		repository: facts.repository,
	});
	const updated: PolicyJson = {...document, Statement: [...document.Statement, statement]};
	const updatedText = JSON.stringify(updated, null, 2);
	const explanation = `${publishStatementSid}: publish generic packages (PublishPackageVersion, PutPackageMetadata) to ${facts.domain}/${facts.repository} only.`;
	context.host.notify({type: 'policy', step: context.step, name: ours.name, document: updatedText, explanations: [explanation]});
	const previous = await aws.iam.getPolicy(policyArn).catch(fail('Looking up the policy'));
	await create(
		context,
		{
			kind: 'iam-policy',
			name: `${ours.name} (publish statement)`,
			arn: policyArn,
			details: {versionOf: policyArn, previousVersion: previous?.defaultVersionId ?? ''},
		},
		() => aws.iam.updatePolicyDocument(policyArn, updatedText).catch(fail('Updating the policy')),
	);
	note(context, `The build host may now publish generic packages to ${facts.repository} (statement ${publishStatementSid} in ${ours.name}).`, 'success');
}
