// `ca-wizard doctor`: every check of a configured build host, in order, each a result with its
// fix. Only reads: AWS's answers (through the narrow interfaces), one token that is never shown,
// authenticated GETs of the repository, and the tools' versions. A check that depends on one
// that failed is skipped and says so, so the first ✖ is the one to fix first.

import type {AuthorizationToken, AwsApis, HostMetadata, Identity} from '../../aws/apis.js';
import {CliError, describeFailure} from '../../errors.js';
import type {RepositoryAddress} from '../../host-config/codeartifact-url.js';
import type {AccessTarget} from '../access-policy.js';
import {resourceNames} from '../resource-names.js';
import {FixBook, fixSentence, triageHost, type TriageContext} from '../triage-fixes.js';
import {triageTokenFailure} from '../triage.js';
import {check, skipped, type CheckResult} from './checks.js';
import {checkIdentity, checkRepository, readRolePolicies, roleOf} from './host-checks.js';
import {checkPermissions} from './permissions-check.js';
import {commonMetadataPath, metadataPath, probeVerdict, type ProbeOutcome} from './repository-request.js';
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
}

export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
	const {aws, host} = deps;
	const results: CheckResult[] = [];
	const settings = checkSettings(deps.settings);
	results.push(settings.result);
	const address = settings.mirror?.address;
	const noEndpoint = 'settings.xml names no CodeArtifact repository';
	results.push(address && settings.mirror ? await checkRepository(aws, host, address, settings.mirror.url) : skipped('repository', noEndpoint));

	const metadata = await aws.metadata.describeHost().catch(() => undefined);
	let identity: Identity | undefined;
	try {
		identity = await host.sts.getCallerIdentity();
	} catch (error) {
		results.push(identityFailure(error, metadata, address, aws.region));
	}
	if (identity) results.push(checkIdentity(identity, metadata));

	const triage = triageContext(address, aws.region, metadata);
	const role = identity && roleOf(identity, metadata);
	if (!identity || !address) results.push(skipped('permissions', identity ? noEndpoint : "this host's identity is unknown"));
	else if (!role)
		results.push(check('permissions', 'warn', `${identity.arn} is not a role: only a role's policies are judged here (the token check below still tells).`));
	else {
		const policies = await readRolePolicies(aws.iam, role);
		const target: AccessTarget = {
			region: address.region ?? aws.region,
			account: identity.account,
			domain: address.domain,
			domainOwner: address.domainOwner,
			repositories: [address.repository],
		};
		results.push(
			policies.ok
				? checkPermissions(policies.policies, target, triage)
				: check(
						'permissions',
						'warn',
						`could not read the role's policies (${policies.reason}), so they are not judged here; the token check below still tells.`,
						'Run doctor with credentials that may read IAM (--profile NAME) to have them judged.',
					),
		);
	}

	let token: AuthorizationToken | undefined;
	if (!address) results.push(skipped('token', noEndpoint));
	else {
		try {
			token = await deps.requestToken(address);
			results.push(check('token', 'ok', `CodeArtifact granted this host a token for ${address.domain} (not shown).`));
		} catch (error) {
			const failure = describeFailure(error);
			if (!(error instanceof CliError)) throw error;
			results.push(check('token', 'fail', failure.message, failure.fix));
		}
	}

	const readFix = role
		? fixSentence(new FixBook(triage).attach(role), address?.domain ?? '')
		: 'Give the identity that builds codeartifact:ReadFromRepository on the repository.';
	const newToken = 'Build with `ca-wizard exec -- mvn …` (a fresh token each time), or run `eval "$(ca-wizard token)"` in this shell first.';
	const url = address && settings.mirror ? await probeUrl(aws, settings.mirror.url, address) : undefined;
	const probe = async (value: string, who: string) =>
		url && address ? probeVerdict(await deps.probe(url, value), {url, address, token: who, newToken, readFix}) : undefined;

	if (deps.envToken !== undefined) results.push(await checkEnvToken(deps.envToken, deps.now(), newToken, value => probe(value, 'CODEARTIFACT_AUTH_TOKEN')));
	if (!token) results.push(skipped('request', address ? 'this host got no token' : noEndpoint));
	else {
		const verdict = await probe(token.token, "this host's token");
		results.push(verdict ? check('request', verdict.ok ? 'ok' : 'fail', verdict.message, verdict.fix) : skipped('request', noEndpoint));
	}

	results.push(await checkToolVersions(deps.tools));
	return results;
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
function identityFailure(error: unknown, metadata: HostMetadata | undefined, address: RepositoryAddress | undefined, region: string): CheckResult {
	const diagnosis = triageTokenFailure(error, triageContext(address, region, metadata));
	const [first] = diagnosis.fixes;
	return check(
		'identity',
		'fail',
		`${diagnosis.title} (sts:GetCallerIdentity): ${diagnosis.explanation.join(' ')}`,
		first ? `${first.label}. ${first.detail}` : 'Fix the credentials this host uses, then run doctor again.',
	);
}
