import {AwsFailure} from '../../aws/errors.js';
import {assertNever} from '../../errors.js';
import {resourceNouns, type CreatedResource} from '../events.js';
import {profileName} from '../triage-fixes.js';
import type {StepContext} from './context.js';
import {asMade, note, type Learned} from './step-helpers.js';

// A run stopped (killed, a crash, a lost connection) between a create call and its
// confirmation leaves an intent in the ledger. Before anything new is created, each one is
// looked up: what exists was made by that run — it is ours, confirmed now, and in the undo
// list; what does not exist was never made, and the intent is dropped. (Should someone else
// create the very same resource between the kill and this run, it would be counted as ours.)

/** Found (ours), undefined (never made), or why it cannot be told. */
type Found = CreatedResource | undefined | {cannotTell: string};

export async function settleUnfinished(context: StepContext): Promise<void> {
	const {ledger} = context;
	for (const intent of ledger.pending) {
		let found: Found;
		try {
			found = await lookUp(context, intent);
		} catch (error) {
			found = failedLookUp(error);
		}
		if (found && 'cannotTell' in found) {
			note(
				context,
				`A run that stopped was creating ${label(intent)}, and it cannot be told whether it did: ${found.cannotTell}. It is not in the undo list.`,
				'warning',
			);
		} else if (found) {
			await ledger.confirm(found, {later: true});
			note(context, `${capitalized(label(intent))} was created by a run that stopped before recording it: it is ca-wizard's, and in the undo list.`, 'warning');
		} else {
			await ledger.drop(intent);
		}
	}
}

/** What a look-up that threw tells; anything but a known failure goes on up. */
function failedLookUp(error: unknown): Found {
	if (error instanceof IncompleteIntent) return {cannotTell: `the run record does not say its ${error.field}`};
	if (!(error instanceof AwsFailure)) throw error;
	// What it lives in is gone (a role, a domain): then so is it.
	return error.kind === 'not-found' ? undefined : {cannotTell: `looking it up failed (${error.message}); the next run tries again`};
}

/** The resource as it stands, when the intent's call took effect; undefined when it did not. */
async function lookUp({aws, files}: StepContext, intent: CreatedResource): Promise<Found> {
	const d = intent.details ?? {};
	/** What the intent recorded to find it again; a record edited by hand may lack it. */
	const recorded = (field: string, value = d[field]) => value ?? incomplete(field);
	const found = (learned: Learned = {}) => asMade(intent, learned);
	const repository = () => aws.codeartifact.describeRepository(recorded('domain'), recorded('repository'));
	switch (intent.kind) {
		case 'domain': {
			const domain = await aws.codeartifact.describeDomain(d['domain'] ?? intent.name);
			return domain && found({arn: domain.arn, details: {owner: domain.owner}});
		}
		case 'repository': {
			const made = await repository();
			return made && found({arn: made.arn});
		}
		case 'external-connection':
			return (await repository())?.externalConnections.includes(recorded('connection')) ? found() : undefined;
		case 'upstream-link':
			return (await repository())?.upstreams.includes(recorded('upstream')) ? found() : undefined;
		case 'iam-policy': {
			const policy = await aws.iam.getPolicy(recorded('ARN', intent.arn));
			// An update made a new default version: the one it replaced is no longer the default.
			if (d['versionOf']) return policy && policy.defaultVersionId !== d['previousVersion'] ? found() : undefined;
			return policy && found({arn: policy.arn});
		}
		case 'iam-role': {
			const role = await aws.iam.getRole(intent.name);
			return role && found({arn: role.arn});
		}
		case 'role-policy-attachment':
			return (await aws.iam.listAttachedRolePolicies(recorded('role'))).some(policy => policy.arn === d['policyArn']) ? found() : undefined;
		case 'instance-profile': {
			const profile = await aws.iam.getInstanceProfile(intent.name);
			return profile && found({arn: profile.arn});
		}
		case 'instance-profile-role':
			return (await aws.iam.getInstanceProfile(recorded('profile')))?.roleNames.includes(recorded('role')) ? found() : undefined;
		case 'instance-profile-association': {
			const current = await aws.ec2.currentAssociation(recorded('instanceId'));
			return current && profileName(current.instanceProfileArn) === d['profile'] ? found({details: {associationId: current.associationId}}) : undefined;
		}
		case 'file':
			// A new file is ours when it is there. Over an existing one, only the write knew its backup's name.
			if (d['existed'] === 'no') return (await files.exists(d['path'] ?? intent.name)) ? found() : undefined;
			return {cannotTell: `if it did, the earlier version of ${intent.name} is the newest ${intent.name}.bak-* file next to it`};
		case 'package-version': {
			// A version is published whole or not at all (unfinished=false); one that is not there answers not-found.
			const pkg = {format: 'generic', namespace: recorded('namespace'), name: recorded('package')};
			await aws.codeartifact.describePackageVersion(recorded('domain'), recorded('repository'), pkg, recorded('version'));
			return found();
		}
		default:
			return assertNever(intent.kind);
	}
}

/** An intent without a field its look-up needs (the ledger checks types, not which details a kind has). */
class IncompleteIntent extends Error {
	constructor(readonly field: string) {
		super(`The intent has no ${field}.`);
	}
}

function incomplete(field: string): never {
	throw new IncompleteIntent(field);
}

function label(intent: CreatedResource): string {
	return `the ${resourceNouns[intent.kind]} ${intent.name}`;
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
