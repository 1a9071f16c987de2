// `ca-wizard publish`: wires the publish's core (source/publish) to the target. The operator's
// credentials publish (the build host's policy reads only, and gains nothing here); the
// repository comes from the flags, the last run's record or settings.xml, as token's domain does.

import {invocationName} from './invocation-name.js';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import process from 'node:process';
import type {GenericPackage} from '../aws/apis.js';
import {AwsFailure} from '../aws/errors.js';
import {exitCodes, UsageError} from '../errors.js';
import {configuredDomain} from '../host-config/configured-domain.js';
import {configuredRepository} from '../host-config/configured-repository.js';
import {readHostConfiguration} from '../host-config/read-host-configuration.js';
import type {TextSink} from '../host/plain-host.js';
import {packArchive, sha256Hex, unpackArchive} from '../publish/archive.js';
import {nextVersionIfTaken} from '../publish/taken-version.js';
import {downloadAltered, versionTaken, type Coordinates} from '../publish/publish-errors.js';
import {fileListLines, packageTableLines, packedLines, publishedLine, verifiedLines, type PublishedPackage} from '../publish/publish-lines.js';
import {planPublish, sampleText, type PublishPlan, type PublishRequest} from '../publish/publish-plan.js';
import {shellQuote} from '../text/shell-quote.js';
import {connectTarget, type TargetOptions} from './connect-target.js';
import {defaultWorkDirName} from './defaults.js';
import {targetWords} from './host-invocation.js';

export interface PublishCommandOptions extends TargetOptions {
	request: PublishRequest;
	domain?: string;
	repository?: string;
	workdir?: string;
	json: boolean;
}

export async function runPublishCommand(options: PublishCommandOptions, io: {out: TextSink; env?: NodeJS.ProcessEnv} = {out: process.stdout}): Promise<number> {
	const workDir = resolve(options.workdir ?? defaultWorkDirName);
	let connection = await connectTarget(options, workDir, io.env);
	const say = (lines: string[]) => (options.json ? undefined : io.out.write(lines.map(line => `${line}\n`).join('')));
	// One folder holds the sample, the archive, the download and the unpacked copy: kept after a success, removed after any failure.
	const folder = await mkdtemp(join(tmpdir(), 'ca-wizard-publish-'));
	let kept = false;
	try {
		const {domainOwner, ...at} = await whereTo(options, workDir, connection.settingsPath);
		// A run record that names the domain's owner (a domain of another account) is called with it, as --domain-owner would.
		if (domainOwner !== undefined && options.domainOwner === undefined) {
			await connection.close();
			connection = await connectTarget({...options, domainOwner}, workDir, io.env);
		}
		const plan = planPublish(options.request);
		const pkg: GenericPackage = {namespace: plan.namespace, name: plan.name};
		const coordinates: Coordinates = {...at, ...pkg};
		const {codeartifact} = connection.aws;
		const taken = async () => nextVersionIfTaken(codeartifact, coordinates, plan.version);
		const next = await taken();
		if (next) throw versionTaken(coordinates, plan.version, next, retryFlags(options, at), invocationName());

		const source = plan.source.kind === 'path' ? plan.source.path : await writeSample(folder, plan, at);
		const archive = await packArchive(source, folder, plan.assetName);
		say(packedLines({what: resolve(source), assetName: plan.assetName, size: archive.bytes.length, sha256: archive.sha256}));

		await codeartifact
			.publishPackageVersion(at.domain, at.repository, pkg, plan.version, {name: plan.assetName, content: archive.bytes, sha256: archive.sha256})
			.catch(async (error: unknown) => {
				// Published by someone else since the check above: the same explanation, with the version free now.
				const now = error instanceof AwsFailure && error.kind === 'conflict' ? await taken() : undefined;
				throw now ? versionTaken(coordinates, plan.version, now, retryFlags(options, at), invocationName()) : error;
			});
		const generic = {format: 'generic', ...pkg};
		const [version, description] = await Promise.all([
			codeartifact.describePackageVersion(at.domain, at.repository, generic, plan.version),
			codeartifact.describePackage(at.domain, at.repository, generic),
		]);
		const row: PublishedPackage = {
			...pkg,
			version: plan.version,
			...(version.publishedTime ? {publishedTime: version.publishedTime} : {}),
			...(version.originType ? {originType: version.originType} : {}),
			...(description?.publish ? {publish: description.publish} : {}),
			...(description?.upstream ? {upstream: description.upstream} : {}),
		};
		say([publishedLine(row, at), ...packageTableLines(row)]);

		const download = await codeartifact.getPackageVersionAsset(at.domain, at.repository, pkg, plan.version, plan.assetName);
		const downloaded = sha256Hex(download);
		if (downloaded !== archive.sha256) throw downloadAltered(plan.assetName, archive.sha256, downloaded);
		const unpacked = join(folder, 'unpacked');
		await mkdir(unpacked);
		const files = await unpackArchive(download, unpacked, join(folder, `downloaded-${plan.assetName}`));
		say([...verifiedLines(plan.assetName, downloaded), `Unpacked into ${unpacked}:`, ...fileListLines(files)]);
		if (options.json) {
			const {name, ...details} = row; // `package`, as CodeArtifact names it
			const result = {type: 'result', status: 'published', ...at, package: name, ...details, assetName: plan.assetName, size: archive.bytes.length};
			io.out.write(`${JSON.stringify({...result, sha256: archive.sha256, verified: true, unpackedInto: unpacked, files})}\n`);
		}
		kept = true;
		return exitCodes.done;
	} finally {
		if (!kept) await rm(folder, {recursive: true, force: true});
		await connection.close();
	}
}

/** The domain and repository: the flags, else the last run's record, else settings.xml. */
async function whereTo(
	options: PublishCommandOptions,
	workDir: string,
	settingsPath: string,
): Promise<{domain: string; domainOwner?: string; repository: string}> {
	const flags = {
		...(options.domain === undefined ? {} : {domain: options.domain}),
		...(options.repository === undefined ? {} : {repository: options.repository}),
	};
	const sources = options.domain !== undefined && options.repository !== undefined ? {} : await readHostConfiguration(workDir, settingsPath);
	const found = configuredDomain({flags, ...sources});
	const domain = found?.domain;
	const repository = domain === undefined ? undefined : configuredRepository(domain, {flags, ...sources})?.repository;
	if (domain !== undefined && repository !== undefined)
		return {domain, repository, ...(found?.domainOwner === undefined ? {} : {domainOwner: found.domainOwner})};
	throw new UsageError(
		'NoRepository',
		`No CodeArtifact repository to publish to: no run record in ${workDir} and no CodeArtifact mirror in ${settingsPath} names one${domain === undefined ? '' : ` in domain ${domain}`}.`,
		'Pass --domain NAME and --repository NAME, or --workdir/--settings where ca-wizard set this host up.',
	);
}

/** The flags of this publish again, without --version: the fix's command adds the free one. */
function retryFlags(options: PublishCommandOptions, at: {domain: string; repository: string}): string {
	const {file, namespace, package: name} = options.request;
	const words = [
		...(file === undefined ? [] : [`--file ${shellQuote(file)}`]),
		...(namespace === undefined ? [] : [`--namespace ${shellQuote(namespace)}`]),
		...(name === undefined ? [] : [`--package ${shellQuote(name)}`]),
		...(options.domain === undefined ? [] : [`--domain ${shellQuote(at.domain)}`]),
		...(options.repository === undefined ? [] : [`--repository ${shellQuote(at.repository)}`]),
		...(options.workdir === undefined ? [] : [`--workdir ${shellQuote(options.workdir)}`]),
		...targetWords(options.target, '--sandbox'),
	];
	return words.map(word => ` ${word}`).join('');
}

async function writeSample(folder: string, plan: PublishPlan, at: {domain: string; repository: string}): Promise<string> {
	if (plan.source.kind !== 'sample') return plan.source.path;
	const sample = join(folder, 'sample');
	await mkdir(sample);
	const path = join(sample, plan.source.fileName);
	await writeFile(path, sampleText(plan, at, new Date()));
	return path;
}
