import type {CreatedResource, NextPurpose, PackageOrigin, Summary} from './events.js';
import {mavenCentralConnection} from './topology.js';

// The summary in words, as the plain output and the lines printed after the screens show it;
// the summary screen lays out the same lines, and tells commands by their kind, not their look.

/**
 * A heading (wraps), an item under it (a row of its own), a paragraph under it (wraps, never
 * cut: the account of an automatic fix), a command to copy, or an address to open (neither may
 * be cut or wrapped).
 */
export interface SummaryLine {
	kind: 'heading' | 'item' | 'paragraph' | 'command' | 'link';
	text: string;
}

export function summaryLines({build, published, created, reused, happened = [], files, next, undo, destroy, console: links}: Summary): SummaryLine[] {
	const lines: SummaryLine[] = [];
	const heading = (text: string) => lines.push({kind: 'heading', text});
	const item = (text: string) => lines.push({kind: 'item', text});
	const commands = (texts: string[]) => lines.push(...texts.map(text => ({kind: 'command' as const, text})));
	const commandsFor = (...purposes: NextPurpose[]) => next.filter(command => purposes.includes(command.purpose)).map(command => command.command);

	heading(`Build: ${build.success ? 'BUILD SUCCESS' : 'BUILD FAILURE'} — ${build.packages} packages in ${build.repository}${whereFrom(build)}.`);
	if (published)
		heading(
			`Published: ${published.namespace}/${published.package} ${published.version} to ${published.repository}${published.verified ? ', downloaded back and its SHA-256 checked' : ''}.`,
		);
	heading('Created by ca-wizard:');
	for (const {resource, earlierRun} of created) item(`+ ${named(resource)}${earlierRun ? '  (an earlier run)' : ''}`);
	if (created.length === 0) item('(nothing: everything already existed)');
	if (reused.length > 0) {
		heading('Already there, reused:');
		for (const resource of reused) item(`= ${named(resource)}`);
	}
	if (happened.length > 0) {
		heading('What the automatic fix did:');
		lines.push(...happened.map(account => ({kind: 'paragraph' as const, text: account})));
	}
	if (files.length > 0) {
		heading('Files:');
		for (const file of files) item(`${file.path}${file.backupPath ? ` (backup: ${file.backupPath})` : ''}`);
	}
	if (links) {
		heading(`In the AWS console: the domain, the repository${links.role ? ", its packages and the build host's role:" : ' and its packages:'}`);
		lines.push(...[links.domain, links.repository, links.packages, ...(links.role ? [links.role] : [])].map(text => ({kind: 'link' as const, text})));
	}
	const restart = commandsFor('restart-sandbox');
	if (restart.length > 0) {
		heading('The sandbox stopped, its state kept. Start it in another shell, then eval here:');
		commands(restart);
	}
	// exec first: it is the answer to the 12-hour expiry; the token in a shell is for other tools and CI.
	const token = commandsFor('build', 'export-token');
	if (token.length > 0) {
		heading('A fresh token for every build (a token lasts 12 h), or one in this shell:');
		commands(token);
	}
	if (undo.length > 0) {
		heading('To undo what ca-wizard created here:');
		commands([destroy]);
		heading('or by hand, newest first:');
		commands(undo);
	}
	return lines;
}

/** The summary as plain text lines: headings as they are, items and commands indented. */
export function summaryText(summary: Summary): string[] {
	return summaryLines(summary).map(line => (line.kind === 'heading' ? line.text : `  ${line.text}`));
}

/**
 * Where the packages came from, as CodeArtifact recorded it: Maven Central only when they came
 * through public:maven-central (and it was Maven Central, not a sandbox's offline folder).
 */
function whereFrom({packages, upstream, origins = [], mavenCentralSource}: Summary['build']): string {
	const source = ({kind, name}: PackageOrigin) =>
		kind === 'repository'
			? `published to ${name}`
			: name === mavenCentralConnection
				? `from ${mavenCentralSource ? `${mavenCentralSource}, standing in for Maven Central` : 'Maven Central'}`
				: `from ${name}`;
	const [only] = origins;
	if (packages === 0) return '';
	if (!only) return upstream ? `, fetched through ${upstream}` : '';
	if (origins.length === 1 && only.packages === packages) {
		return only.kind === 'external-connection' && upstream ? `, fetched through ${upstream} ${source(only)}` : `, all ${source(only)}`;
	}
	return `: ${origins.map(origin => `${origin.packages} ${source(origin)}`).join(', ')}`;
}

function named(resource: CreatedResource): string {
	return `${resource.name}${resource.arn ? `  ${resource.arn}` : ''}`;
}
