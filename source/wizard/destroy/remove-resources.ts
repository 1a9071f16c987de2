import type {AwsApis} from '../../aws/apis.js';
import {AwsFailure} from '../../aws/errors.js';
import {assertNever} from '../../errors.js';
import type {CreatedResource} from '../events.js';
import type {LedgerEntry} from '../ledger.js';
import {profileName} from '../triage-fixes.js';
import type {Removal} from './destroy-plan.js';

// Carries out a destroy plan, one removal after the other. What is already gone (deleted by
// hand, or by an earlier destroy that stopped) counts as removed; a removal that fails is
// recorded with its reason and the rest goes on: one stubborn resource never keeps the others.

export type RemovalOutcome = {entry: LedgerEntry; status: 'removed' | 'already-gone'} | {entry: LedgerEntry; status: 'failed'; reason: string};

export interface RemovalDeps {
	aws: Pick<AwsApis, 'codeartifact' | 'iam' | 'ec2'>;
	/** Undoes a file entry (settings.xml); 'already-gone' when there is nothing of ours left in it. */
	undoFile(entry: LedgerEntry): Promise<'removed' | 'already-gone'>;
	/** Takes a removed resource out of the run record, so no later run counts it as ca-wizard's. */
	forget(resource: CreatedResource): Promise<void>;
	/** Told each outcome as it happens. */
	onOutcome?(outcome: RemovalOutcome): void;
}

export async function removeResources(removals: readonly Removal[], deps: RemovalDeps): Promise<RemovalOutcome[]> {
	const outcomes: RemovalOutcome[] = [];
	for (const removal of removals) {
		const outcome = await removeOne(removal, deps);
		if (outcome.status !== 'failed') await deps.forget(removal.entry);
		outcomes.push(outcome);
		deps.onOutcome?.(outcome);
	}
	return outcomes;
}

async function removeOne(removal: Removal, deps: RemovalDeps): Promise<RemovalOutcome> {
	const {entry} = removal;
	try {
		if (entry.kind === 'file') return {entry, status: await deps.undoFile(entry)};
		await removeFromAws(removal, deps.aws);
		return {entry, status: 'removed'};
	} catch (error) {
		if (error instanceof AwsFailure && error.kind === 'not-found') return {entry, status: 'already-gone'};
		if (error instanceof MissingDetail || error instanceof VersionKept || error instanceof AwsFailure) return {entry, status: 'failed', reason: error.message};
		if (error instanceof Error && 'code' in error && typeof error.code === 'string')
			return {entry, status: 'failed', reason: `${error.code}: ${error.message}`};
		throw error;
	}
}

async function removeFromAws({entry, restoreVersion}: Removal, {codeartifact, iam, ec2}: RemovalDeps['aws']): Promise<void> {
	const d = entry.details ?? {};
	/** A detail the removal needs; a record edited by hand may lack it. */
	const detail = (field: string, value = d[field]): string => value ?? missing(field);
	switch (entry.kind) {
		case 'instance-profile-association': {
			// A replaced profile is put back: disassociating would leave the instance with no role at all.
			const previous = d['previousProfileArn'];
			if (previous) await ec2.replace(detail('associationId'), profileName(previous));
			else await ec2.disassociate(detail('associationId'));
			return;
		}
		case 'role-policy-attachment':
			return iam.detachRolePolicy(detail('role'), detail('policyArn'));
		case 'instance-profile-role':
			return iam.removeRoleFromInstanceProfile(detail('profile'), detail('role'));
		case 'instance-profile':
			return iam.deleteInstanceProfile(entry.name);
		case 'iam-policy':
			return restoreVersion ? iam.restorePolicyVersion(detail('versionOf'), detail('previousVersion')) : iam.deletePolicy(detail('ARN', entry.arn));
		case 'iam-role':
			return iam.deleteRole(entry.name);
		case 'upstream-link': {
			// Only our link goes: another run may have added its own to the same list since.
			const repository = await codeartifact.describeRepository(detail('domain'), detail('repository'));
			const upstream = detail('upstream');
			if (!repository?.upstreams.includes(upstream)) throw new AwsFailure('not-found', 'NotLinked', 'the link is gone', 'codeartifact:DescribeRepository');
			await codeartifact.updateUpstreams(
				repository.domain,
				repository.name,
				repository.upstreams.filter(name => name !== upstream),
			);
			return;
		}
		case 'external-connection':
			return codeartifact.disassociateExternalConnection(detail('domain'), detail('repository'), detail('connection'));
		case 'repository':
			return codeartifact.deleteRepository(detail('domain'), detail('repository'));
		case 'domain':
			return codeartifact.deleteDomain(d['domain'] ?? entry.name);
		case 'file':
			return; // undone by undoFile
		case 'package-version': {
			// ca-wizard deletes no package version on its own: one goes with its repository, removed
			// before it when ca-wizard created that too. Still there (not-found: gone), it is said so.
			const pkg = {format: 'generic', namespace: detail('namespace'), name: detail('package')};
			await codeartifact.describePackageVersion(detail('domain'), detail('repository'), pkg, detail('version'));
			throw new VersionKept(d);
		}
		default:
			return assertNever(entry.kind);
	}
}

/** A published version whose repository stays: destroy does not delete it, and names the command that does. */
class VersionKept extends Error {
	constructor(d: Record<string, string>) {
		super(
			`it stays in ${d['domain']}/${d['repository']}, which ca-wizard is not removing; delete it with aws codeartifact delete-package-versions --domain ${d['domain']} --repository ${d['repository']} --format generic --namespace ${d['namespace']} --package ${d['package']} --versions ${d['version']}`,
		);
	}
}

class MissingDetail extends Error {
	constructor(field: string) {
		super(`the run record does not say its ${field}; remove it by hand`);
	}
}

function missing(field: string): never {
	throw new MissingDetail(field);
}
