// The token of `ca-wizard token` and `ca-wizard exec`: asked for as this host (its instance
// role on EC2, else the default credential chain or --profile; in a sandbox, the simulated
// host's metadata credentials), for the domain flags or this host's configuration name. A
// refusal gets the wizard's own triage, as a failure with its fix and a non-zero exit.

import {join, resolve} from 'node:path';
import process from 'node:process';
import type {AuthorizationToken} from '../aws/apis.js';
import {CliError, UsageError} from '../errors.js';
import {configuredDomain, type ConfiguredDomain} from '../host-config/configured-domain.js';
import {readHostConfiguration} from '../host-config/read-host-configuration.js';
import {resourceNames} from '../wizard/resource-names.js';
import {triageHost} from '../wizard/triage-fixes.js';
import {triageTokenFailure} from '../wizard/triage.js';
import {connectTarget, type TargetOptions} from './connect-target.js';
import {defaultWorkDirName} from './defaults.js';

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
		const {aws} = connection;
		// --profile names whose credentials to use; otherwise this host's own, as its builds will.
		const asHost = options.target.kind === 'aws' && options.target.profile ? aws : aws.buildHost();
		const domainOwner = found.domainOwner ?? (await asHost.sts.getCallerIdentity().catch(() => undefined))?.account;
		try {
			const token = await asHost.codeartifact.getAuthorizationToken(found.domain, {
				...(domainOwner ? {domainOwner} : {}),
				...(options.durationSeconds === undefined ? {} : {durationSeconds: options.durationSeconds}),
			});
			return {token, domain: {...found, domainOwner: domainOwner ?? ''}};
		} catch (failure) {
			const host = await aws.metadata.describeHost().catch(() => undefined);
			const diagnosis = triageTokenFailure(failure, {
				domain: found.domain,
				domainOwner: domainOwner ?? 'unknown',
				region: aws.region,
				instanceProfile: resourceNames().instanceProfile,
				host: triageHost(host),
			});
			const [first] = diagnosis.fixes;
			const fix = first
				? `${first.label}. ${first.detail} Running \`ca-wizard --domain ${found.domain}\` on this host applies it.`
				: 'Fix the credentials this host uses, then ask again.';
			throw new CliError(
				'TokenRefused',
				`${diagnosis.title} (domain ${found.domain}, as found in ${found.from}).\n  ${diagnosis.explanation.join('\n  ')}`,
				fix,
				{
					cause: failure,
				},
			);
		}
	} finally {
		await connection.close();
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
