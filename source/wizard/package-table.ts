// Pure helpers for the live package table: one row per package, newest activity on top,
// rows Maven reported ('seen') upgraded once the repository agrees ('confirmed').

import type {PackageRow} from './events.js';
import {compareMavenVersions} from '../maven/maven-version.js';

/** One key per package. CodeArtifact forbids `/` in namespaces and names, so the key is unambiguous. */
export function packageKey(row: {format: string; namespace: string; name: string}): string {
	return `${row.format}/${row.namespace}/${row.name}`;
}

/**
 * Adds or updates one package's row. A changed row moves to the top; an update that changes
 * nothing returns `rows` itself. The higher version wins (Maven ordering); 'confirmed' beats
 * 'seen', and the confirmed row's origin controls win over a seen row's blanks.
 */
export function mergeRow(rows: PackageRow[], incoming: PackageRow): PackageRow[] {
	// Compared field by field, not by packageKey: this runs for every row on every Maven download.
	const index = rows.findIndex(row => row.name === incoming.name && row.namespace === incoming.namespace && row.format === incoming.format);
	const existing = rows[index];
	if (!existing) return [incoming, ...rows];
	const merged = combine(existing, incoming);
	if (sameRow(existing, merged)) return rows;
	return [merged, ...rows.slice(0, index), ...rows.slice(index + 1)];
}

function combine(existing: PackageRow, incoming: PackageRow): PackageRow {
	// Which row's details to prefer: the confirmed one; between equals, the newer report.
	const [strong, weak] = existing.state === 'confirmed' && incoming.state === 'seen' ? [existing, incoming] : [incoming, existing];
	const incomingHigher =
		existing.latestVersion === '' || (incoming.latestVersion !== '' && compareMavenVersions(incoming.latestVersion, existing.latestVersion) > 0);
	const winner = incomingHigher ? incoming : existing;
	// A publish date belongs to a version: keep it only with the version it was read for.
	const dateFor = (row: PackageRow): string | undefined => (row.latestVersion === winner.latestVersion ? row.latestPublishDate : undefined);
	const latestPublishDate = dateFor(strong) ?? dateFor(weak);
	const merged: PackageRow = {
		name: incoming.name,
		namespace: incoming.namespace,
		format: incoming.format,
		latestVersion: winner.latestVersion,
		publish: strong.publish || weak.publish,
		upstream: strong.upstream || weak.upstream,
		state: existing.state === 'confirmed' || incoming.state === 'confirmed' ? 'confirmed' : 'seen',
	};
	return latestPublishDate === undefined ? merged : {...merged, latestPublishDate};
}

function sameRow(a: PackageRow, b: PackageRow): boolean {
	const fields: Array<keyof PackageRow> = ['name', 'namespace', 'format', 'latestVersion', 'latestPublishDate', 'publish', 'upstream', 'state'];
	return fields.every(field => a[field] === b[field]);
}

/**
 * The rows that fit in `capacity` lines. When they do not all fit, the last line is left for
 * a "+N more" note, so `rows.length + (more > 0 ? 1 : 0) <= capacity`.
 */
export function visibleRows(rows: PackageRow[], capacity: number): {rows: PackageRow[]; more: number} {
	const lines = Math.max(0, Math.floor(Number.isFinite(capacity) ? capacity : rows.length));
	if (rows.length <= lines) return {rows, more: 0};
	const shown = rows.slice(0, Math.max(0, lines - 1));
	return {rows: shown, more: rows.length - shown.length};
}

export function rowFromMavenDownload(artifact: {groupId: string; artifactId: string; version: string}): PackageRow {
	return {
		name: artifact.artifactId,
		namespace: artifact.groupId,
		format: 'maven',
		latestVersion: artifact.version,
		publish: '',
		upstream: '',
		state: 'seen',
	};
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * 'just now', '2 minutes ago', '3 hours ago', '4 days ago' within a week; beyond that (or in
 * the future) a short UTC date such as '5 Mar 2024'. '' when there is no usable date.
 */
export function formatPublishDate(iso: string | undefined, now: Date = new Date()): string {
	if (!iso) return '';
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return '';
	const seconds = Math.floor((now.getTime() - date.getTime()) / 1000);
	if (seconds < -60 || seconds >= 7 * 86_400) return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
	if (seconds < 60) return 'just now';
	const [amount, unit] =
		seconds < 3600 ? [Math.floor(seconds / 60), 'minute'] : seconds < 86_400 ? [Math.floor(seconds / 3600), 'hour'] : [Math.floor(seconds / 86_400), 'day'];
	return `${amount} ${unit}${amount === 1 ? '' : 's'} ago`;
}
