// Checks 2–4's reads: the repository settings.xml names, who this host is, and the role's
// policies. Each turns AWS's answer (or refusal) into a result; none changes anything.

import type {AwsApis, HostMetadata, IamApi, Identity} from '../../aws/apis.js';
import {AwsFailure} from '../../aws/errors.js';
import type {RepositoryAddress} from '../../host-config/codeartifact-url.js';
import {profileName, roleFromArn} from '../triage-fixes.js';
import {check, type CheckResult} from './checks.js';
import type {RolePolicies} from './permissions-check.js';

/** Check 2: the repository exists, and CodeArtifact serves it at the URL settings.xml holds. */
export async function checkRepository(
	aws: Pick<AwsApis, 'codeartifact'>,
	host: Pick<AwsApis, 'codeartifact'>,
	address: RepositoryAddress,
	url: string,
): Promise<CheckResult> {
	const {domain, domainOwner, repository} = address;
	const named = `repository ${repository} of domain ${domain} (owner ${domainOwner}${address.region ? `, ${address.region}` : ''})`;
	const missing = check(
		'repository',
		'fail',
		`settings.xml names ${named}, and CodeArtifact has none.`,
		`Check the names in the mirror's <url> (\`aws codeartifact list-repositories-in-domain --domain ${domain} --domain-owner ${domainOwner}\`), or run \`ca-wizard\` on this host again.`,
	);
	let endpoint: string;
	try {
		// The caller may describe it; a build host's least-privilege role may only ask for its endpoint.
		const found = await aws.codeartifact.describeRepository(domain, repository).catch(async (error: unknown) => {
			if (error instanceof AwsFailure && error.kind === 'access-denied') return true as const;
			throw error;
		});
		if (found === undefined) return missing;
		endpoint = await (found === true ? host : aws).codeartifact.getRepositoryEndpoint(domain, repository, 'maven');
	} catch (error) {
		if (!(error instanceof AwsFailure)) throw error;
		if (error.kind === 'not-found') return missing;
		if (error.kind === 'access-denied')
			return check('repository', 'warn', `could not confirm ${named}: AWS refused to describe it or give its endpoint (${error.code}).`);
		return check('repository', 'fail', `could not look up ${named}: ${error.message}`, 'Check the network and the region, then run doctor again.');
	}
	if (trailingSlash(endpoint) !== trailingSlash(url))
		return check(
			'repository',
			'fail',
			`settings.xml points at ${url}, but CodeArtifact serves ${repository} at ${endpoint}.`,
			`Write ${endpoint} as the <url> of the mirror and of the profile's repositories (or run \`ca-wizard\` on this host again).`,
		);
	return check('repository', 'ok', `${named} exists, served at the URL settings.xml holds.`);
}

/** Check 3: whom AWS sees, and on EC2 the instance, its profile and role. */
export function checkIdentity(identity: Identity, metadata: HostMetadata | undefined): CheckResult {
	const who = `${identity.arn} (account ${identity.account})`;
	if (!metadata) return check('identity', 'ok', `${who}; not an EC2 instance (no instance metadata answers).`);
	const profile = metadata.instanceProfileArn ? `instance profile ${profileName(metadata.instanceProfileArn)}` : 'no instance profile';
	const role = metadata.roleName ? `role ${metadata.roleName}` : 'no role';
	return check('identity', 'ok', `${who}; EC2 instance ${metadata.instanceId} wearing ${profile} (${role}).`);
}

/** The role whose policies decide: the instance's, else the one the identity's ARN names. */
export function roleOf(identity: Identity, metadata: HostMetadata | undefined): string | undefined {
	return metadata?.roleName ?? roleFromArn(identity.arn);
}

export type PoliciesRead = {ok: true; policies: RolePolicies} | {ok: false; reason: string};

/** The role's attached and inline policies and its boundary, when the caller may read them. */
export async function readRolePolicies(iam: IamApi, roleName: string): Promise<PoliciesRead> {
	try {
		const role = await iam.getRole(roleName);
		if (!role) return {ok: false, reason: `IAM has no role ${roleName}`};
		const [attached, inline] = await Promise.all([iam.listAttachedRolePolicies(roleName), iam.listRolePolicies(roleName)]);
		const documents = await Promise.all([
			...attached.map(policy => iam.getPolicyDocument(policy.arn)),
			...inline.map(name => iam.getRolePolicy(roleName, name)),
		]);
		const boundary = role.permissionsBoundaryArn;
		return {
			ok: true,
			policies: {
				roleName,
				documents: documents.filter((document): document is string => document !== undefined),
				...(boundary ? {boundary: {arn: boundary, document: await iam.getPolicyDocument(boundary)}} : {}),
			},
		};
	} catch (error) {
		if (!(error instanceof AwsFailure)) throw error;
		return {ok: false, reason: `${error.code} on ${error.operation}`};
	}
}

function trailingSlash(url: string): string {
	return url.endsWith('/') ? url : `${url}/`;
}
