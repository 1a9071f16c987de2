import {join} from 'node:path';
import {AwsFailure} from '../../aws/errors.js';
import {sha256Hex} from '../../publish/archive.js';
import {versionProblem} from '../../publish/names.js';
import {downloadAltered, versionTaken, type Coordinates} from '../../publish/publish-errors.js';
import {planPublish, sampleText, type PublishPlan} from '../../publish/publish-plan.js';
import type {PackedArchive} from '../../publish/archive.js';
import {nextVersionIfTaken} from '../../publish/taken-version.js';
import type {Problem, PublishedEvent} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {offerHostPublish} from './host-publish.js';
import {answer, create, needs, note, progress, stop, stopOnAws} from './step-helpers.js';

/**
 * The learner becomes a publisher: a sample text file (in the work folder) packed into a
 * .tar.gz, published as a generic package with the operator's credentials (the build host's
 * policy gains nothing unless asked, host-publish.ts), shown as the repository lists it,
 * downloaded back, its SHA-256 checked and unpacked into a temporary folder.
 */
export async function publishStep(context: StepContext): Promise<StepOutcome> {
	const {options, aws, files} = context;
	const wanted = await answer(context, {
		kind: 'confirm',
		id: 'publish',
		message: 'Publish your own package?',
		detail: 'A small text file, packed into a .tar.gz, published as a generic package, then downloaded back and checked.',
		default: true,
	});
	if (!wanted) {
		note(context, 'Nothing published. ca-wizard publish does it any time.', 'info');
		return 'next';
	}
	const facts = needs(context, 'domain', 'repository');
	const at = {domain: facts.domain, repository: facts.repository};
	const first = planPublish({});
	const coordinates: Coordinates = {...at, namespace: first.namespace, name: first.name};
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'PublishFailed', doing);
	const free = await freeVersion(context, coordinates, first.version);

	if (options.dryRun) {
		// The dry-run adapter plans the call; nothing is packed or written.
		const planned = planPublish({version: free});
		const pkg = {namespace: planned.namespace, name: planned.name};
		await aws.codeartifact.publishPackageVersion(at.domain, at.repository, pkg, free, {name: planned.assetName, content: new Uint8Array(), sha256: ''});
		note(context, `Planned in a dry run: ${pkg.namespace}/${pkg.name} ${free} would be published to ${at.domain}/${at.repository}.`, 'info');
		return 'next';
	}

	const {plan, archive} = await packAndPublish(context, coordinates, free);
	const {version} = plan;
	const pkg = {namespace: plan.namespace, name: plan.name};
	const generic = {format: 'generic', ...pkg};
	const [described, origin] = await Promise.all([
		aws.codeartifact.describePackageVersion(at.domain, at.repository, generic, version),
		aws.codeartifact.describePackage(at.domain, at.repository, generic),
	]).catch(fail('Reading the published package'));
	const published: PublishedEvent = {
		type: 'published',
		step: context.step,
		...at,
		format: 'generic',
		namespace: plan.namespace,
		package: plan.name,
		version,
		asset: {name: plan.assetName, bytes: archive.bytes.length, sha256: archive.sha256},
		...(described.originType ? {origin: described.originType} : {}),
		...(origin?.publish ? {publish: origin.publish} : {}),
		...(origin?.upstream ? {upstream: origin.upstream} : {}),
		...(described.publishedTime ? {publishedTime: described.publishedTime.toISOString()} : {}),
	};
	context.host.notify(published);

	progress(context, `Downloading ${plan.assetName} back…`);
	const download = await aws.codeartifact.getPackageVersionAsset(at.domain, at.repository, pkg, version, plan.assetName).catch(fail('Downloading the package'));
	const downloaded = sha256Hex(download);
	const verified = {type: 'verified', step: context.step, package: plan.name, version, sha256: downloaded} as const;
	if (downloaded !== archive.sha256) {
		context.host.notify({...verified, matches: false, files: []});
		const altered = downloadAltered(plan.assetName, archive.sha256, downloaded);
		stop({code: altered.code, message: altered.message, ...(altered.fix ? {fix: altered.fix} : {})});
	}
	const unpacked = await files.makeTemporaryDirectory('ca-wizard-unpacked-');
	const found = await files.unpackArchive(download, unpacked, join(publishFolder(options.workDir), `downloaded-${plan.assetName}`));
	context.host.notify({...verified, matches: true, files: found.map(file => file.path), unpackedInto: unpacked});
	progress(context, `Unpacked ${found.length} file${found.length === 1 ? '' : 's'} into ${unpacked}`, true);
	facts.published = {namespace: plan.namespace, package: plan.name, version, repository: at.repository, verified: true};
	note(context, `Published ${plan.namespace}/${plan.name} ${version}, downloaded it back and checked its SHA-256.`, 'success');
	await offerHostPublish(context);
	return 'next';
}

/** The sample, its archive and the downloaded copy: in the work folder, with the run's other files. */
const publishFolder = (workDir: string) => join(workDir, 'publish');

/** Runs at once (a workshop on one domain) may take the same version between the check and the call: each time, the next one. */
const racesTolerated = 20;

/** The sample for `wanted`, written in the work folder, packed and published; published by another run meanwhile, the next free version instead. */
async function packAndPublish(context: StepContext, at: Coordinates, wanted: string): Promise<{plan: PublishPlan; archive: PackedArchive}> {
	const {aws, files, options} = context;
	let version = wanted;
	for (let attempt = 1; ; attempt++) {
		const plan = planPublish({version});
		const folder = publishFolder(options.workDir);
		const samplePath = join(folder, plan.source.kind === 'sample' ? plan.source.fileName : 'sample.txt');
		// The run's id makes each work folder's bytes its own: an identical re-send would succeed, and two runs would both claim the version.
		await files.writeText(samplePath, `${sampleText(plan, at, context.now())}Published by the ca-wizard run ${context.ledger.runId}.\n`);
		const archive = await files.packArchive(samplePath, folder, plan.assetName);
		progress(context, `Packed ${samplePath} into ${plan.assetName}`, true);
		progress(context, `Publishing ${plan.namespace}/${plan.name} ${version}…`);
		const pkg = {namespace: plan.namespace, name: plan.name};
		const details = {domain: at.domain, repository: at.repository, format: 'generic', namespace: plan.namespace, package: plan.name, version};
		try {
			await create(context, {kind: 'package-version', name: `${plan.namespace}/${plan.name} ${version}`, details}, () =>
				aws.codeartifact.publishPackageVersion(at.domain, at.repository, pkg, version, {name: plan.assetName, content: archive.bytes, sha256: archive.sha256}),
			);
			return {plan, archive};
		} catch (error) {
			const next = error instanceof AwsFailure && error.kind === 'conflict' ? await nextVersionIfTaken(aws.codeartifact, at, version) : undefined;
			if (!next) return stopOnAws(error, 'PublishFailed', 'Publishing the package');
			if (attempt >= racesTolerated) stop(takenProblem(at, version, next), error);
			note(context, `${version} was published by another run a moment ago; publishing ${next} instead.`, 'warning');
			version = next;
		}
	}
}

/** `version`, or when it is published already the one the user takes instead (the next free one by default). */
async function freeVersion(context: StepContext, at: Coordinates, version: string): Promise<string> {
	const look = (wanted: string) =>
		nextVersionIfTaken(context.aws.codeartifact, at, wanted).catch((error: unknown) => stopOnAws(error, 'PublishFailed', 'Listing the package versions'));
	const next = await look(version);
	if (!next) return version;
	note(context, versionTaken(at, version, next, '').message, 'warning');
	const chosen = await answer(context, {
		kind: 'text',
		id: 'publish-version',
		message: `Publish it as which version? (${version} is taken)`,
		default: next,
		validate: versionProblem,
	});
	const again = chosen === next ? undefined : await look(chosen);
	// Asked again, a flag would give the same taken version for ever: the run stops and names a free one.
	if (again) stop(takenProblem(at, chosen, again));
	return chosen;
}

/** A taken version in the journey: the command's explanation, with the journey's own flag as the fix. */
function takenProblem(at: Coordinates, version: string, next: string): Problem {
	return {code: 'VersionExists', message: versionTaken(at, version, next, '').message, fix: `Run ca-wizard again with --publish-version ${next}.`};
}
