/**
 * Pure parsing of a Maven repository path (the part after the repository
 * prefix, still URL-encoded as it arrived on the wire).
 *
 * Security matters here: the result is used to build filesystem paths and
 * package coordinates, so every segment is decoded exactly once and anything
 * that could change the directory structure after decoding is rejected.
 */

import {checkValue, fields} from '../codeartifact/constraints.js';

export type MavenChecksum = 'sha1' | 'md5' | 'sha256' | 'sha512';

export type MavenPath =
	| {
			kind: 'artifact';
			groupId: string;
			artifactId: string;
			version: string;
			/** Decoded file name WITHOUT the checksum suffix. */
			fileName: string;
			checksum?: MavenChecksum;
	  }
	| {
			kind: 'metadata';
			/** Decoded relative path of the maven-metadata.xml, WITHOUT the checksum suffix. */
			path: string;
			checksum?: MavenChecksum;
	  };

export type InvalidMavenPath = {kind: 'invalid'; reason: string};

const checksumSuffixes: readonly MavenChecksum[] = ['sha1', 'md5', 'sha256', 'sha512'];

const metadataFileName = 'maven-metadata.xml';

// Timestamped snapshot file names: artifactId-base-YYYYMMDD.HHMMSS-buildNumber
const snapshotTimestamp = String.raw`-\d{8}\.\d{6}-\d+`;

function invalid(reason: string): InvalidMavenPath {
	return {kind: 'invalid', reason};
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/** Decodes each segment once; returns a reason string when a segment is unsafe. */
function decodeSegments(path: string): string[] | string {
	const decoded: string[] = [];
	for (const raw of path.split('/')) {
		if (raw === '') return 'empty path segment';
		let segment: string;
		try {
			segment = decodeURIComponent(raw);
		} catch {
			return `malformed percent-encoding in segment "${raw}"`;
		}
		// Checked after decoding so that %2e%2e, %2F, %5C and %00 cannot smuggle traversal.
		if (segment === '.' || segment === '..') return `relative segment "${raw}"`;
		if (/[/\\\0]/.test(segment)) return `forbidden character in segment "${raw}"`;
		decoded.push(segment);
	}
	return decoded;
}

function splitChecksum(fileName: string): {base: string; checksum?: MavenChecksum} {
	for (const checksum of checksumSuffixes) {
		const suffix = `.${checksum}`;
		if (fileName.length > suffix.length && fileName.endsWith(suffix)) {
			return {base: fileName.slice(0, -suffix.length), checksum};
		}
	}
	return {base: fileName};
}

/** True when `fileName` belongs to `artifactId:version` (plain or timestamped snapshot). */
function fileNameMatches(fileName: string, artifactId: string, version: string): boolean {
	// After the artifactId-version prefix there must be a classifier ("-...") or an
	// extension ("."): a bare prefix test would accept "foo-1.0X.jar" for version 1.0.
	const prefix = `${artifactId}-${version}`;
	const next = fileName[prefix.length];
	if (fileName.length > prefix.length + 1 && fileName.startsWith(prefix) && (next === '.' || next === '-')) return true;
	if (!version.endsWith('-SNAPSHOT')) return false;
	const base = version.slice(0, -'-SNAPSHOT'.length);
	return new RegExp(`^${escapeRegExp(`${artifactId}-${base}`)}${snapshotTimestamp}[.-].+$`, 's').test(fileName);
}

/**
 * The first of the model's constraints that Maven coordinates (and the file's asset name) break:
 * a package the API could not name (`my lib`, `a#b`, a 300-character version) is never created.
 */
function coordinateProblem(parts: {namespace: string; package: string; version?: string; asset?: string}): string | undefined {
	const checks = [
		checkValue(fields.namespace, 'namespace (groupId)', parts.namespace),
		checkValue(fields.package, 'package (artifactId)', parts.package),
		parts.version === undefined ? [] : checkValue(fields.packageVersion, 'version', parts.version),
		parts.asset === undefined ? [] : checkValue(fields.asset, 'asset (file name)', parts.asset),
	];
	return checks.flat()[0];
}

export function parseMavenPath(path: string): MavenPath | InvalidMavenPath {
	if (path === '') return invalid('empty path');
	if (path.startsWith('/') || path.startsWith('\\')) return invalid('absolute path');
	const segments = decodeSegments(path);
	if (typeof segments === 'string') return invalid(segments);

	const last = segments.at(-1)!;
	const {base, checksum} = splitChecksum(last);
	const withChecksum = checksum ? {checksum} : {};

	if (base === metadataFileName) {
		// Group-level (plugin prefixes), artifact-level or SNAPSHOT version-level metadata;
		// a metadata file at the repository root is meaningless.
		if (segments.length < 2) return invalid('maven-metadata.xml at repository root');
		const folders = segments.slice(0, -1);
		const problem =
			folders.length === 1
				? coordinateProblem({namespace: folders[0]!, package: folders[0]!}) // group-level (plugin prefixes)
				: coordinateProblem({namespace: folders.slice(0, -1).join('.'), package: folders.at(-1)!});
		if (problem) return invalid(problem);
		return {kind: 'metadata', path: [...segments.slice(0, -1), base].join('/'), ...withChecksum};
	}

	if (segments.length < 4) return invalid('artifact path needs group, artifactId, version and file name');
	const version = segments.at(-2)!;
	const artifactId = segments.at(-3)!;
	const groupId = segments.slice(0, -3).join('.');
	const problem = coordinateProblem({namespace: groupId, package: artifactId, version, asset: base});
	if (problem) return invalid(problem);
	if (!fileNameMatches(base, artifactId, version)) {
		return invalid(`file name "${base}" does not belong to ${artifactId}:${version}`);
	}
	return {kind: 'artifact', groupId, artifactId, version, fileName: base, ...withChecksum};
}
