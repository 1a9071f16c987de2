// The publish's plain lines: the archive and its SHA-256 with what the hash is for, the package
// as the repository lists it, the check of the downloaded copy and the unpacked files. Pure: the
// command prints them, and the journey step and the report can use them as they are.

import {fit} from '../wizard/destroy/list-lines.js';
import type {PublishedEvent, VerifiedEvent} from '../wizard/events.js';

// The explanations are one sentence each, in lines that fit 80 columns under a two-space indent.

export const sha256Explanation = [
	'CodeArtifact computes the SHA-256 of the bytes it receives and keeps them only',
	'if it matches this one, so a file altered or cut short in transit is refused.',
];

export const originExplanation = [
	'origin INTERNAL: this version was published to the repository, not fetched',
	'through an upstream or an external connection.',
];

export const restrictionsExplanation = [
	'publish ALLOW / upstream BLOCK: new versions of this package come only from',
	'publishing here; no upstream can slip in a version of the same name.',
];

const indented = (lines: readonly string[]) => lines.map(line => `  ${line}`);

export interface PublishedPackage {
	namespace: string;
	name: string;
	version: string;
	/** undefined when the repository did not say. */
	publishedTime?: Date;
	originType?: string;
	publish?: string;
	upstream?: string;
}

export interface ArchiveFile {
	/** Relative to the archive's root, `/`-separated. */
	path: string;
	/** Unknown (not shown) when only the names were kept, as in the journey's event. */
	size?: number;
}

/** 512 B, 1.5 KiB, 2.0 MiB: the size as a person reads it. */
export function sizeText(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const kib = bytes / 1024;
	return kib < 1024 ? `${kib.toFixed(1)} KiB` : `${(kib / 1024).toFixed(1)} MiB`;
}

export function packedLines(packed: {what: string; assetName: string; size: number; sha256: string}): string[] {
	return [`Packed ${packed.what} into ${packed.assetName} (${sizeText(packed.size)}).`, `SHA-256 ${packed.sha256}`, ...indented(sha256Explanation)];
}

export function publishedLine(row: Pick<PublishedPackage, 'namespace' | 'name' | 'version'>, at: {domain: string; repository: string}): string {
	return `Published ${row.namespace}/${row.name} ${row.version} to ${at.domain}/${at.repository}:`;
}

/**
 * The package as a small table within `columns` (the name cut in the middle when it must be;
 * the publish date without its time, so that a name of 28 characters fits 80), then what
 * origin and restrictions mean.
 */
export function packageTableLines(row: PublishedPackage, columns = 80): string[] {
	const published = row.publishedTime ? row.publishedTime.toISOString().slice(0, 10) : '–';
	const cells = [row.version, published, row.originType ?? '–', row.publish ?? '–', row.upstream ?? '–'];
	const headings = ['version', 'published', 'origin', 'publish', 'upstream'];
	const widths = cells.map((cell, index) => Math.max(cell.length, headings[index]?.length ?? 0));
	const rest = widths.reduce((sum, width) => sum + width + 2, 0);
	const name = `${row.namespace}/${row.name}`;
	const nameWidth = Math.max(7, Math.min(name.length, columns - 2 - rest));
	const line = (first: string, others: string[]) =>
		`  ${fit(first, nameWidth).padEnd(nameWidth)}${others.map((cell, index) => `  ${cell.padEnd(widths[index] ?? 0)}`).join('')}`.trimEnd();
	return [line('package', headings), line(name, cells), ...indented(originExplanation), ...indented(restrictionsExplanation)];
}

export function verifiedLines(assetName: string, sha256: string): string[] {
	return [`Downloaded ${assetName} back from the repository:`, `  its SHA-256 matches the published one (${sha256.slice(0, 12)}…).`];
}

/** The unpacked files, sorted, with their sizes; past `max` lines, how many more there are. */
export function fileListLines(files: readonly ArchiveFile[], max = 10): string[] {
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const shown = sorted.length > max ? sorted.slice(0, max - 1) : sorted;
	const width = Math.min(60, Math.max(0, ...shown.map(file => file.path.length)));
	const lines = shown.map(file => (file.size === undefined ? `  ${fit(file.path, 60)}` : `  ${fit(file.path, 60).padEnd(width)}  ${sizeText(file.size)}`));
	const more = sorted.length - shown.length;
	if (more > 0) lines.push(`  … and ${more} more file${more === 1 ? '' : 's'}`);
	if (sorted.length === 0) lines.push('  (no files: the archive holds only folders)');
	return lines;
}

/** The journey's publish as lines (plain output and the step's screen): the archive and its hash, then the package as listed. */
export function publishedEventLines(event: PublishedEvent, columns = 80): string[] {
	const row: PublishedPackage = {
		namespace: event.namespace,
		name: event.package,
		version: event.version,
		...(event.publishedTime ? {publishedTime: new Date(event.publishedTime)} : {}),
		...(event.origin ? {originType: event.origin} : {}),
		...(event.publish ? {publish: event.publish} : {}),
		...(event.upstream ? {upstream: event.upstream} : {}),
	};
	const {asset} = event;
	// The row first: on a short screen it is what stays in view; the explanations come after.
	const [heading = '', listed = '', ...explained] = packageTableLines(row, columns);
	return [
		publishedLine(row, event),
		heading,
		listed,
		`${asset.name} (${sizeText(asset.bytes)}), SHA-256:`,
		`  ${asset.sha256}`,
		...indented(sha256Explanation),
		...explained,
	];
}

/** The download's check and the unpacked files, from the journey's event. */
export function verifiedEventLines(event: VerifiedEvent): string[] {
	const check = [
		`Downloaded ${event.package} ${event.version} back from the repository:`,
		event.matches
			? `  its SHA-256 matches the published one (${event.sha256.slice(0, 12)}…).`
			: `  its SHA-256 (${event.sha256.slice(0, 12)}…) does NOT match the published one: nothing was unpacked.`,
	];
	if (!event.matches) return check;
	return [...check, `Unpacked into ${event.unpackedInto ?? 'a temporary folder'}:`, ...fileListLines(event.files.map(path => ({path})))];
}
