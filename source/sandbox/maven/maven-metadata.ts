/**
 * maven-metadata.xml for a repository: passed through from the external connection when it is
 * in reach (and the package's origin controls allow upstreams), otherwise generated from the
 * versions the repository and its upstreams hold. Never stored as a package version.
 */
import type {SandboxContext} from '../context.js';
import {groupAllows} from '../codeartifact/package-group-store.js';
import {findPackage, type PackageCoordinates} from '../codeartifact/package-store.js';
import type {PackageVersionRecord, SandboxState} from '../state.js';
import {mavenSearchOrder} from './upstream-graph.js';
import {externalConnectionHolder, isServable, mavenCoordinates, upstreamAllowed} from './resolve-artifact.js';

export interface MetadataFile {
	body: Buffer;
	lastModified: Date;
}

/** Which package a metadata path speaks of: artifact level `g/r/o/u/p/artifact/`, or a SNAPSHOT version's `…/artifact/1.0-SNAPSHOT/`. */
export interface MetadataTarget {
	groupId: string;
	artifactId: string;
	/** Set for version-level (SNAPSHOT) metadata. */
	version?: string;
}

/** `path` is decoded and ends in maven-metadata.xml; group-level (plugin prefix) metadata has no single package. */
export function metadataTarget(path: string): MetadataTarget | undefined {
	const folders = path.split('/').slice(0, -1);
	const last = folders.at(-1);
	if (last?.endsWith('-SNAPSHOT') && folders.length >= 3) {
		return {groupId: folders.slice(0, -2).join('.'), artifactId: folders.at(-2)!, version: last};
	}
	if (folders.length < 2) return undefined;
	return {groupId: folders.slice(0, -1).join('.'), artifactId: last!};
}

export async function resolveMetadata(context: SandboxContext, domain: string, repository: string, path: string): Promise<MetadataFile | undefined> {
	const {state} = context.store;
	const target = metadataTarget(path);
	const coordinates = target && mavenCoordinates(domain, repository, target);
	const allowUpstreams = !coordinates || (upstreamAllowed(state, coordinates) && groupAllows(state, domain, coordinates, 'INTERNAL_UPSTREAM', repository));
	const order = allowUpstreams ? mavenSearchOrder(state, domain, repository) : [repository];
	const passedThrough = target?.version === undefined ? await passThrough(context, order, domain, coordinates, path) : undefined;
	if (passedThrough) return passedThrough;
	if (!target || !coordinates) return undefined;
	const versions = visibleVersions(state, coordinates, order);
	if (target.version !== undefined) {
		const record = versions.find(v => v.version === target.version);
		return record && snapshotMetadata(target, record);
	}
	return versions.length === 0 ? undefined : artifactMetadata(target, versions);
}

async function passThrough(
	context: SandboxContext,
	order: string[],
	domain: string,
	coordinates: PackageCoordinates | undefined,
	path: string,
): Promise<MetadataFile | undefined> {
	const {state} = context.store;
	const holder = externalConnectionHolder(state, order, domain);
	if (holder === undefined) return undefined;
	if (coordinates && holder !== coordinates.repository && !upstreamAllowed(state, {...coordinates, repository: holder})) return undefined;
	if (coordinates && !groupAllows(state, domain, coordinates, 'EXTERNAL_UPSTREAM', holder)) return undefined;
	const encoded = path.split('/').map(encodeURIComponent).join('/');
	try {
		const file = await context.mavenCentral.fetch(encoded);
		return file && {body: file.body, lastModified: context.now()};
	} catch (error) {
		context.log(`maven: metadata ${encoded} from ${context.mavenCentral.description} failed (${(error as Error).message}); generating it.`);
		return undefined;
	}
}

/** Servable versions of the package across `order`, one record per version string, oldest first. */
function visibleVersions(state: SandboxState, coordinates: PackageCoordinates, order: string[]): PackageVersionRecord[] {
	const seen = new Map<string, PackageVersionRecord>();
	for (const name of order) {
		for (const version of findPackage(state, {...coordinates, repository: name})?.versions ?? []) {
			if (isServable(version) && !seen.has(version.version)) seen.set(version.version, version);
		}
	}
	return [...seen.values()].sort((a, b) => a.publishedTime - b.publishedTime);
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, c => `&#${c.charCodeAt(0)};`);

/** Maven's metadata timestamp: yyyyMMddHHmmss in UTC. */
export function metadataTimestamp(epochSeconds: number): string {
	return new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function render(lines: string[], lastModifiedSeconds: number): MetadataFile {
	const xml = ['<?xml version="1.0" encoding="UTF-8"?>', ...lines, ''].join('\n');
	return {body: Buffer.from(xml), lastModified: new Date(Math.floor(lastModifiedSeconds) * 1000)};
}

function artifactMetadata(target: MetadataTarget, versions: PackageVersionRecord[]): MetadataFile {
	const latest = versions.at(-1)!;
	const release = versions.filter(v => !v.version.endsWith('-SNAPSHOT')).at(-1);
	const updated = Math.max(...versions.map(v => v.publishedTime));
	return render(
		[
			'<metadata modelVersion="1.1.0">',
			`  <groupId>${escapeXml(target.groupId)}</groupId>`,
			`  <artifactId>${escapeXml(target.artifactId)}</artifactId>`,
			'  <versioning>',
			`    <latest>${escapeXml(latest.version)}</latest>`,
			...(release ? [`    <release>${escapeXml(release.version)}</release>`] : []),
			'    <versions>',
			...versions.map(v => `      <version>${escapeXml(v.version)}</version>`),
			'    </versions>',
			`    <lastUpdated>${metadataTimestamp(updated)}</lastUpdated>`,
			'  </versioning>',
			'</metadata>',
		],
		updated,
	);
}

interface SnapshotFile {
	timestamp: string;
	buildNumber: number;
	classifier: string;
	extension: string;
}

function snapshotFiles(target: MetadataTarget, version: PackageVersionRecord): SnapshotFile[] {
	const base = version.version.slice(0, -'-SNAPSHOT'.length);
	const prefix = `${target.artifactId}-${base}-`;
	const files: SnapshotFile[] = [];
	for (const asset of version.assets) {
		if (!asset.name.startsWith(prefix)) continue;
		const match = /^(\d{8}\.\d{6})-(\d+)(?:-([^.]+))?\.(.+)$/.exec(asset.name.slice(prefix.length));
		if (match) files.push({timestamp: match[1]!, buildNumber: Number(match[2]), classifier: match[3] ?? '', extension: match[4]!});
	}
	return files;
}

const newer = (a: SnapshotFile, b: SnapshotFile) => a.timestamp > b.timestamp || (a.timestamp === b.timestamp && a.buildNumber > b.buildNumber);

function snapshotMetadata(target: MetadataTarget, version: PackageVersionRecord): MetadataFile {
	const files = snapshotFiles(target, version);
	const base = version.version.slice(0, -'-SNAPSHOT'.length);
	const latestByKind = new Map<string, SnapshotFile>();
	for (const file of files) {
		const kind = `${file.classifier}\u0000${file.extension}`;
		const known = latestByKind.get(kind);
		if (!known || newer(file, known)) latestByKind.set(kind, file);
	}
	const newest = files.reduce<SnapshotFile | undefined>((best, file) => (!best || newer(file, best) ? file : best), undefined);
	const updated = metadataTimestamp(version.publishedTime);
	const snapshotVersions = [...latestByKind.values()].flatMap(file => [
		'      <snapshotVersion>',
		...(file.classifier ? [`        <classifier>${escapeXml(file.classifier)}</classifier>`] : []),
		`        <extension>${escapeXml(file.extension)}</extension>`,
		`        <value>${escapeXml(`${base}-${file.timestamp}-${file.buildNumber}`)}</value>`,
		`        <updated>${updated}</updated>`,
		'      </snapshotVersion>',
	]);
	return render(
		[
			'<metadata modelVersion="1.1.0">',
			`  <groupId>${escapeXml(target.groupId)}</groupId>`,
			`  <artifactId>${escapeXml(target.artifactId)}</artifactId>`,
			`  <version>${escapeXml(version.version)}</version>`,
			'  <versioning>',
			...(newest
				? ['    <snapshot>', `      <timestamp>${newest.timestamp}</timestamp>`, `      <buildNumber>${newest.buildNumber}</buildNumber>`, '    </snapshot>']
				: []),
			`    <lastUpdated>${updated}</lastUpdated>`,
			...(snapshotVersions.length > 0 ? ['    <snapshotVersions>', ...snapshotVersions, '    </snapshotVersions>'] : []),
			'  </versioning>',
			'</metadata>',
		],
		version.publishedTime,
	);
}
