import {shellQuote} from '../../text/shell-quote.js';
import type {StepContext} from './context.js';
import type {PackageConfirmer} from './package-confirmer.js';
import {note, progress} from './step-helpers.js';

/**
 * After the build: asks the repository for its packages until it lists every one Maven fetched,
 * within options.listingWaitMs, showing the wait. AWS lists a package fetched from an upstream
 * only a while after the fetch (about three minutes at worst, its documentation says), although
 * the build got it at once; when the listing has not caught up by then, a note says so plainly and
 * how to look later. Returns how many packages ListPackages counted last (undefined: it failed).
 */
export async function waitForListing(
	context: StepContext,
	confirmer: PackageConfirmer,
	domain: string,
	repository: string,
	/** A first reading already under way (started when Maven printed its result), taken as the first of the loop's. */
	started?: Promise<number>,
): Promise<number | undefined> {
	const {options} = context;
	const deadline = context.now().getTime() + (options.listingWaitMs ?? 0);
	let explained = false;
	let first = started;
	for (;;) {
		const listed = await (first ?? confirmer.reconcile()).catch(() => undefined);
		first = undefined;
		const unlisted = confirmer.unconfirmedCount;
		if (listed === undefined || unlisted === 0) return listed;
		const left = Math.round((deadline - context.now().getTime()) / 1000);
		if (left <= 0) {
			note(context, lagNote(context, unlisted, domain, repository));
			return listed;
		}
		if (!explained)
			note(
				context,
				'CodeArtifact lists a package it fetched from an upstream a while after the fetch (on AWS up to about three minutes); Maven got it at once.',
			);
		explained = true;
		// Short enough for an 80-column screen, countdown included.
		progress(context, `Waiting for CodeArtifact to list ${unlisted} ${packages(unlisted)} Maven fetched (up to ${left} s more)…`);
		await context.sleep(options.pollIntervalMs, options.signal);
	}
}

function lagNote(context: StepContext, unlisted: number, domain: string, repository: string): string {
	const {options} = context;
	const owner = options.domainOwner ? ` --domain-owner ${shellQuote(options.domainOwner)}` : '';
	const command = `aws codeartifact list-packages --domain ${shellQuote(domain)}${owner} --repository ${shellQuote(repository)}${options.awsCliFlags ?? ''}`;
	return (
		`${unlisted} ${packages(unlisted)} Maven fetched ${unlisted === 1 ? 'is' : 'are'} in ${repository} (the build got ${unlisted === 1 ? 'it' : 'them'}) but not listed yet: ` +
		`AWS lists a package fetched from an upstream up to about three minutes after the fetch. See the listing later with: ${command}`
	);
}

const packages = (count: number) => (count === 1 ? 'package' : 'packages');
