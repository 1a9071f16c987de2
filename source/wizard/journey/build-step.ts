import {join} from 'node:path';
import {firstErrorLines, parseMavenLine} from '../../maven/maven-log.js';
import {ProcessError} from '../../process/process-error.js';
import type {PackageRow} from '../events.js';
import {packageKey, rowFromMavenDownload} from '../package-table.js';
import type {StepContext, StepOutcome} from './context.js';
import {waitForListing} from './listing-wait.js';
import {PackageConfirmer} from './package-confirmer.js';
import {answer, needs, note, progress, stop} from './step-helpers.js';

/**
 * How often, while Maven runs, one listing confirms the rows it reported. Each is a paginated
 * ListPackages (a request rate CodeArtifact throttles) and CPU the wizard takes from Maven: at 3 s
 * instead of 1.5 s the wizard's CPU during the demo build went from a median of 180 to 160 ms
 * (10 runs alternated under a pty), and a row still turns from "not listed yet" within seconds.
 */
const confirmEveryMs = 3000;

/** Runs mvn compile through CodeArtifact and fills the package table as Maven downloads. */
export async function buildStep(context: StepContext): Promise<StepOutcome> {
	const {files, options, tools} = context;
	if (options.dryRun) {
		note(context, 'Skipped in a dry run: mvn compile needs what the plan would create.', 'info');
		return 'next';
	}
	const facts = needs(context, 'domain', 'repository', 'projectDir', 'settingsWritten', 'token', 'endpoint');
	const count = await countPackages(context, facts.domain, facts.repository);
	// A sandbox run never touches the user's own ~/.m2: its "keep" choice lives in the work folder.
	const keptRepository = options.target === 'sandbox' ? join(options.workDir, 'm2-repository') : undefined;
	// No Esc here: the steps before would only pass again and come straight back.
	const where = await answer(context, {
		kind: 'select',
		id: 'local-repository',
		message: 'Which local Maven repository should the build use?',
		choices: [
			{value: 'throwaway', label: 'A new, empty one', hint: 'every dependency really travels through CodeArtifact'},
			{
				value: 'user',
				label: keptRepository ? `A kept one in ${keptRepository}` : 'Your own ~/.m2/repository',
				hint: 'faster next time; only missing artifacts are fetched',
			},
		],
		default: 'throwaway',
	});
	const localRepository = where === 'throwaway' ? await files.makeTemporaryDirectory('ca-wizard-m2-') : keptRepository;
	const confirmer = new PackageConfirmer(
		context.aws.codeartifact,
		facts.domain,
		facts.repository,
		row => context.host.notify({type: 'package', row}),
		count && (key => count.heldBefore(key)),
	);

	// The repository is read once Maven says BUILD SUCCESS: its JVM takes a while more to exit, and every package is fetched by then.
	let readAfterSuccess: Promise<number> | undefined;
	const run = async () => {
		const lines: string[] = [];
		let notFound = false;
		const timer = setInterval(() => void confirmer.flush().catch(() => {}), confirmEveryMs);
		try {
			progress(context, 'Running mvn compile…');
			const result = await tools.runMaven({
				projectDir: facts.projectDir,
				settingsPath: facts.settingsWritten.path,
				...(localRepository ? {localRepository} : {}),
				goals: ['compile'],
				token: facts.token.token,
				signal: options.signal,
				onLine(line) {
					lines.push(line);
					context.host.notify({type: 'maven-output', line});
					const event = parseMavenLine(line, facts.endpoint);
					if (event.kind === 'downloaded' && event.artifact) {
						const row = rowFromMavenDownload(event.artifact);
						context.host.notify({type: 'package', row});
						confirmer.add(row);
						count?.saw(row);
					}
					if (event.kind === 'result' && event.success && !readAfterSuccess) {
						readAfterSuccess = confirmer.reconcile();
						readAfterSuccess.catch(() => {}); // waitForListing takes its failure; a run stopped before then has none to take
					}
					if (event.kind === 'http-status' && event.status === 404) notFound = true;
					if (event.kind === 'error' && /Could not find artifact|was not found in/.test(event.line)) notFound = true;
				},
			});
			return {...result, lines, notFound};
		} finally {
			clearInterval(timer);
		}
	};

	// A throwaway repository has done its job once the packages are in CodeArtifact.
	const removeThrowaway = async () => {
		if (where === 'throwaway' && localRepository) await files.removeDirectory(localRepository).catch(() => {});
	};
	let result;
	try {
		result = await run();
		if (!result.success && result.notFound) {
			// CodeArtifact can answer 404 while it is still fetching a package from Maven Central
			// for the first time; the next request finds it.
			note(context, 'CodeArtifact answered 404 for a package it was probably still fetching from Maven Central. Running the build once more…', 'warning');
			result = await run();
		}
	} catch (error) {
		await removeThrowaway();
		if (!(error instanceof ProcessError) || options.signal.aborted) throw error;
		stop({
			code: 'MavenDidNotRun',
			message: `Maven could not run: ${error.message}`,
			fix: error.fix ?? 'Install Maven 3.8+ and a JDK 17+, then run ca-wizard again: it reuses everything it created.',
		});
	}
	// Its files go while the repository is checked (the two wait on different things: the disk, the network).
	const removed = removeThrowaway();
	progress(context, result.success ? 'BUILD SUCCESS' : 'BUILD FAILURE', true);
	progress(context, 'Checking the repository for every package Maven fetched…');
	const listed = await waitForListing(context, confirmer, facts.domain, facts.repository, result.success ? readAfterSuccess : undefined).finally(() => removed);
	// What the listing does not show yet is in the repository all the same: the build got it.
	const packages = Math.max(listed ?? confirmer.confirmedCount, count?.known ?? 0);
	if (listed !== undefined) count?.is(packages);
	progress(context, `${packages} packages in ${facts.repository}`, true);
	facts.build = {success: result.success, packages, origins: confirmer.origins};
	if (!result.success) {
		stop({
			code: 'BuildFailed',
			message: `mvn compile failed (exit code ${result.exitCode}).`,
			details: firstErrorLines(result.lines, 8),
			fix: "Read Maven's first error lines below; fix the project or the settings, then run ca-wizard again: it reuses everything it created.",
		});
	}
	note(context, `BUILD SUCCESS: ${packages} packages now in ${facts.repository}${facts.upstream ? `, fetched through ${facts.upstream}` : ''}.`, 'success');
	return 'next';
}

/**
 * The repository's own package count, from ListPackages before the build, then one more for
 * each package Maven fetches that it did not hold: a repository that already holds 41 shows 41,
 * not the few this build pulled. Undefined (and nothing reported) when the listing fails.
 */
async function countPackages(context: StepContext, domain: string, repository: string) {
	const held = await context.aws.codeartifact.listPackages(domain, repository).catch(() => undefined);
	if (!held) return undefined;
	const heldAtStart: ReadonlySet<string> = new Set(held.map(info => packageKey({format: info.format, namespace: info.namespace ?? '', name: info.name})));
	const keys = new Set(heldAtStart);
	const report = () => context.host.notify({type: 'package-count', repository, count: keys.size});
	report();
	return {
		saw(row: PackageRow) {
			const before = keys.size;
			keys.add(packageKey(row));
			if (keys.size > before) report();
		},
		heldBefore: (key: string) => heldAtStart.has(key),
		/** The packages held before the build and those Maven fetched. */
		get known() {
			return keys.size;
		},
		/** The count after the build (ListPackages', or more while its listing lags). */
		is(count: number) {
			context.host.notify({type: 'package-count', repository, count});
		},
	};
}
