// The token of `ca-wizard token` and `ca-wizard exec`: asked for as this host (its instance
// role on EC2, else the default credential chain or --profile; in a sandbox, the simulated
// host's metadata credentials), for the domain flags or this host's configuration name. A
// refusal gets the wizard's own triage, as a failure with its fix and a non-zero exit.

import {join, resolve} from 'node:path';
import process from 'node:process';
import type {AuthorizationToken, AwsApis} from '../aws/apis.js';
import {CliError, UsageError} from '../errors.js';
import {configuredDomain, type ConfiguredDomain} from '../host-config/configured-domain.js';
import {configuredRepository} from '../host-config/configured-repository.js';
import {readHostConfiguration} from '../host-config/read-host-configuration.js';
import {resourceNames} from '../wizard/resource-names.js';
import {fixSentence, triageHost} from '../wizard/triage-fixes.js';
import {triageTokenFailure} from '../wizard/triage.js';
import {connectTarget, type Target, type TargetOptions} from './connect-target.js';
import {defaultWorkDirName} from './defaults.js';
import {targetWords} from './host-invocation.js';
import {invocationName} from './invocation-name.js';
import {shellQuote} from '../text/shell-quote.js';

export interface HostTokenOptions extends TargetOptions {
	workdir?: string;
	domain?: string;
	domainOwner?: string;
	durationSeconds?: number;
}

export interface HostToken {
	token: AuthorizationToken;
	domain: ConfiguredDomain & {domainOwner: string};
}

export async function fetchHostToken(options: HostTokenOptions): Promise<HostToken> {
	const workDir = resolve(options.workdir ?? join(process.cwd(), defaultWorkDirName));
	const connection = await connectTarget(options, workDir);
	try {
		const found = await findDomain(options, workDir, connection.settingsPath);
		// The set-up is read only if the token is refused: its fix line needs it, a granted token does not.
		return await requestHostToken(connection.aws, options, found, () => hostSetup(workDir, connection.settingsPath, found.domain));
	} finally {
		await connection.close();
	}
}

/** Where this host's set-up lives: what the wizard line that applies a fix needs to find it again. */
export interface HostSetup {
	workDir: string;
	/** The workshop participant whose run set this host up (its run record says). */
	participant?: string;
	repository?: string;
}

/** This host's set-up as its work folder's run record and settings.xml name it; what cannot be read is left out. */
export async function hostSetup(workDir: string, settingsPath: string, domain: string): Promise<HostSetup> {
	const sources = await readHostConfiguration(workDir, settingsPath).catch(() => undefined);
	const participant = sources?.ledger?.participant;
	const repository = sources && configuredRepository(domain, {...sources, flags: {}})?.repository;
	return {workDir, ...(participant ? {participant} : {}), ...(repository ? {repository} : {})};
}

/**
 * The wizard line that applies a token fix on this host, as it would be pasted here (npx when not
 * installed, the run's target flags), naming the same work folder, participant and repository: a
 * bare `--domain D` would let the wizard choose another repository, or another participant's names.
 */
export function applyLine(domain: string, target: Target, setup?: HostSetup, env: NodeJS.ProcessEnv = process.env): string {
	return [
		invocationName(env),
		...(setup?.participant ? ['--participant', shellQuote(setup.participant)] : []),
		...(setup ? ['--workdir', shellQuote(resolve(setup.workDir))] : []),
		'--domain',
		shellQuote(domain),
		...(setup?.repository ? ['--repository', shellQuote(setup.repository)] : []),
		...targetWords(target, '--sandbox'),
	].join(' ');
}

/** The calls made as this host: --profile names whose credentials to use; otherwise this host's own, as its builds will. */
export function hostApis(aws: AwsApis, target: Target): Pick<AwsApis, 'sts' | 'codeartifact'> {
	return target.kind === 'aws' && target.profile ? aws : aws.buildHost();
}

/**
 * A token asked for as this host, for a domain already found; a refusal is a CliError
 * ('TokenRefused') carrying the wizard's triage and its first fix.
 */
export async function requestHostToken(
	aws: AwsApis,
	options: Pick<HostTokenOptions, 'target' | 'durationSeconds'>,
	found: ConfiguredDomain,
	setupOf?: () => Promise<HostSetup>,
): Promise<HostToken> {
	const asHost = hostApis(aws, options.target);
	const domainOwner = found.domainOwner ?? (await asHost.sts.getCallerIdentity().catch(() => undefined))?.account;
	try {
		const token = await asHost.codeartifact.getAuthorizationToken(found.domain, {
			...(domainOwner ? {domainOwner} : {}),
			...(options.durationSeconds === undefined ? {} : {durationSeconds: options.durationSeconds}),
		});
		return {token, domain: {...found, domainOwner: domainOwner ?? ''}};
	} catch (failure) {
		const host = await aws.metadata.describeHost().catch(() => undefined);
		const setup = await setupOf?.();
		const diagnosis = triageTokenFailure(failure, {
			domain: found.domain,
			domainOwner: domainOwner ?? 'unknown',
			region: aws.region,
			instanceProfile: resourceNames(setup?.participant).instanceProfile,
			host: triageHost(host),
		});
		const [first] = diagnosis.fixes;
		const fix = first ? fixSentence(first, applyLine(found.domain, options.target, setup)) : 'Fix the credentials this host uses, then ask again.';
		throw new CliError(
			'TokenRefused',
			[
				`${diagnosis.title} (domain ${found.domain}, as found in ${found.from}).`,
				...diagnosis.explanation,
				...(diagnosis.awsError ? [`${diagnosis.awsError.code}: ${diagnosis.awsError.message}`] : []),
			].join('\n  '),
			fix,
			{
				cause: failure,
			},
		);
	}
}

async function findDomain(options: HostTokenOptions, workDir: string, settingsPath: string): Promise<ConfiguredDomain> {
	const flags = {
		...(options.domain === undefined ? {} : {domain: options.domain}),
		...(options.domainOwner === undefined ? {} : {domainOwner: options.domainOwner}),
	};
	const named = configuredDomain({flags});
	if (named) return named;
	const found = configuredDomain({flags, ...(await readHostConfiguration(workDir, settingsPath))});
	if (found) return found;
	throw new UsageError(
		'NoDomain',
		`No CodeArtifact domain to ask a token for: no run record in ${workDir} and no CodeArtifact mirror in ${settingsPath}.`,
		'Pass --domain NAME (and --domain-owner ACCOUNT for a domain of another account), or --workdir/--settings where ca-wizard set this host up.',
	);
}
