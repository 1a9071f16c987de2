// `ca-wizard doctor`: every check of a configured build host, in order, each a result with its
// fix. Only reads: AWS's answers (through the narrow interfaces), one token that is never shown,
// authenticated GETs of the repository, and the tools' versions. A check that depends on one
// that failed is skipped and says so, so the first ✖ is the one to fix first.

import type {AuthorizationToken, AwsApis, HostMetadata, Identity} from '../../aws/apis.js';
import {CliError} from '../../errors.js';
import type {RepositoryAddress} from '../../host-config/codeartifact-url.js';
import type {ProbeOutcome} from '../../maven/authenticated-get.js';
import {utcMinute} from '../../text/utc-minute.js';
import type {AccessTarget} from '../access-policy.js';
import {resourceNames} from '../resource-names.js';
import {FixBook, fixSentence, triageHost, type TriageContext} from '../triage-fixes.js';
import {triageTokenFailure} from '../triage.js';
import {check, skipped, type CheckResult} from './checks.js';
import {checkIdentity, checkRepository, readRolePolicies, roleOf} from './host-checks.js';
import {checkPermissions} from './permissions-check.js';
import {commonMetadataPath, metadataPath, probeVerdict} from './repository-request.js';
import {checkSettings, type SettingsFile} from './settings-check.js';
import {checkEnvToken, checkToolVersions} from './token-and-tools.js';

export interface DoctorDeps {
	/** The caller's calls: IAM and CodeArtifact reads, instance metadata. */
	aws: AwsApis;
	/** The same, as this host's builds make them (its instance role on EC2). */
	host: Pick<AwsApis, 'sts' | 'codeartifact'>;
	settings: SettingsFile;
	/** A token as this host; a refusal is a CliError with the triage's words and fix. */
	requestToken(address: RepositoryAddress): Promise<AuthorizationToken>;
	/** An authenticated GET (user aws, the token as password). */
	probe(url: string, token: string): Promise<ProbeOutcome>;
	tools: {detectJava(): Promise<string | undefined>; detectMaven(): Promise<string | undefined>};
	/** CODEARTIFACT_AUTH_TOKEN from the environment, when set. */
	envToken: string | undefined;
	now(): Date;
	/** How ca-wizard is run on this host (`ca-wizard` or `npx ca-wizard`), for the commands the fixes name. */
	cliName: string;
	/** The wizard line that applies a fix for this domain, as it would be pasted on this host. */
	applyLine(domain: string): string;
}

const noEndpoint = 'settings.xml names no CodeArtifact repository';

export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
	const {aws, host} = deps;
	const settings = checkSettings(deps.settings, deps.cliName);
	const {mirror} = settings;
	const address = mirror?.address;
	const results: CheckResult[] = [settings.result];
	results.push(mirror ? await checkRepository(aws, host, mirror.address, mirror.url) : skipped('repository', noEndpoint));

	const metadata = await aws.metadata.describeHost().catch(() => undefined);
	const triage = triageContext(address, aws.region, metadata);
	const identity = await host.sts.getCallerIdentity().catch((error: unknown) => {
		results.push(identityFailure(error, triage));
		return undefined;
	});
	if (identity) results.push(checkIdentity(identity, metadata));
	const role = identity && roleOf(identity, metadata);
	results.push(await permissionsResult(aws, identity, role, address, triage, deps.applyLine));

	let token: AuthorizationToken | undefined;
	if (!address) results.push(skipped('token', noEndpoint));
	else {
		try {
			token = await deps.requestToken(address);
			results.push(
				check('token', 'ok', `CodeArtifact granted this host a token for ${address.domain}, valid until ${utcMinute(token.expiration)} (not shown).`),
			);
		} catch (error) {
			if (!(error instanceof CliError)) throw error;
			results.push(check('token', 'fail', error.message, error.fix));
		}
	}

	const readFix = role
		? fixSentence(new FixBook(triage).attach(role), deps.applyLine(triage.domain))
		: 'Give the identity that builds codeartifact:ReadFromRepository on the repository.';
	const newToken = `Build with \`${deps.cliName} exec -- mvn …\` (a fresh token each time), or run \`eval "$(${deps.cliName} token)"\` in this shell first.`;
	const url = mirror && (await probeUrl(aws, mirror.url, mirror.address));
	const probe = async (value: string, who: string) =>
		url && address ? probeVerdict(await deps.probe(url, value), {url, address, token: who, newToken, readFix}) : undefined;
	if (deps.envToken !== undefined) results.push(await checkEnvToken(deps.envToken, deps.now(), newToken, value => probe(value, 'CODEARTIFACT_AUTH_TOKEN')));
	const verdict = token && (await probe(token.token, "this host's token"));
	results.push(
		verdict ? check('request', verdict.ok ? 'ok' : 'fail', verdict.message, verdict.fix) : skipped('request', address ? 'this host got no token' : noEndpoint),
	);

	results.push(await checkToolVersions(deps.tools));
	return spreading(results);
}

const stillSpreading =
	'An IAM change made in the last minute or so may not have reached this host yet (AWS applies them after a delay): wait a minute, then run doctor again.';

/**
 * The role's policies (read from IAM) and the token (what AWS decides now) disagree: a change
 * made just now is still on its way. Say so on the check that fails, rather than a fix that is done already.
 */
export function spreading(results: CheckResult[]): CheckResult[] {
	const status = (id: CheckResult['id']) => results.find(result => result.id === id)?.status;
	const [permissions, token] = [status('permissions'), status('token')];
	if (!((permissions === 'ok' && token === 'fail') || (permissions === 'fail' && token === 'ok'))) return results;
	const failing = permissions === 'fail' ? 'permissions' : 'token';
	return results.map(result =>
		result.id === failing ? {...result, fix: `${stillSpreading}${result.fix ? ` If it still fails: ${result.fix}` : ''}`} : result,
	);
}

/** Check 4, when there is a role to judge and a repository to judge it for. */
async function permissionsResult(
	aws: AwsApis,
	identity: Identity | undefined,
	role: string | undefined,
	address: RepositoryAddress | undefined,
	triage: TriageContext,
	applyLine: (domain: string) => string,
): Promise<CheckResult> {
	if (!identity) return skipped('permissions', "this host's identity is unknown");
	if (!address) return skipped('permissions', noEndpoint);
	if (!role) return check('permissions', 'warn', `${identity.arn} is not a role: only a role's policies are judged here (the token check below still tells).`);
	const policies = await readRolePolicies(aws.iam, role);
	if (!policies.ok)
		return check(
			'permissions',
			'warn',
			`could not read the role's policies (${policies.reason}), so they are not judged here; the token check below still tells.`,
			'Run doctor with credentials that may read IAM (--profile NAME) to have them judged.',
		);
	const target: AccessTarget = {
		region: address.region ?? aws.region,
		account: identity.account,
		domain: address.domain,
		domainOwner: address.domainOwner,
		repositories: [address.repository],
	};
	return checkPermissions(policies.policies, target, triage, applyLine(address.domain));
}

/** The maven-metadata.xml of a package the repository holds, else of one every Maven build asks for. */
async function probeUrl(aws: AwsApis, mirrorUrl: string, address: RepositoryAddress): Promise<string> {
	const base = mirrorUrl.endsWith('/') ? mirrorUrl : `${mirrorUrl}/`;
	const packages = await aws.codeartifact.listPackages(address.domain, address.repository, {format: 'maven'}).catch(() => []);
	const [held] = packages;
	return `${base}${held ? metadataPath(held) : commonMetadataPath}`;
}

function triageContext(address: RepositoryAddress | undefined, region: string, metadata: HostMetadata | undefined): TriageContext {
	return {
		domain: address?.domain ?? '',
		domainOwner: address?.domainOwner ?? 'unknown',
		region: address?.region ?? region,
		instanceProfile: resourceNames().instanceProfile,
		host: triageHost(metadata),
	};
}

/** No identity: the token check's own triage says why (no credentials, expired ones…) and what to do. */
function identityFailure(error: unknown, triage: TriageContext): CheckResult {
	const diagnosis = triageTokenFailure(error, triage);
	const [first] = diagnosis.fixes;
	return check(
		'identity',
		'fail',
		`${diagnosis.title} (sts:GetCallerIdentity): ${diagnosis.explanation.join(' ')}`,
		first ? `${first.label}. ${first.detail}` : 'Fix the credentials this host uses, then run doctor again.',
	);
}
