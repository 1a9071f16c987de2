import type {CodeArtifactApi, PackageInfo} from '../../aws/apis.js';
import type {PackageOrigin, PackageRow} from '../events.js';
import {inBatches} from '../../aws/in-batches.js';
import {compareMavenVersions} from '../../maven/maven-version.js';
import {packageKey} from '../package-table.js';

/**
 * Confirms rows that Maven reported against the repository itself (ListPackages, then the
 * package's versions), in batches so a burst of downloads costs one listing, not one each.
 */
const confirmConcurrency = 4;

export class PackageConfirmer {
	private readonly pending = new Map<string, PackageRow>();
	/** Confirmed packages and the version their row was confirmed with. */
	private readonly confirmed = new Map<string, string>();
	/** Where each confirmed package's latest version entered the domain, as CodeArtifact says. */
	private readonly entries = new Map<string, PackageOrigin>();
	private running: Promise<void> | undefined;

	constructor(
		private readonly codeartifact: CodeArtifactApi,
		private readonly domain: string,
		private readonly repository: string,
		private readonly publish: (row: PackageRow) => void,
	) {}

	add(row: PackageRow): void {
		const key = packageKey(row);
		// A package seen again at another version (junit-bom 5.10.0, then 5.10.2) is confirmed again.
		if (this.confirmed.get(key) !== row.latestVersion) this.pending.set(key, row);
	}

	get confirmedCount(): number {
		return this.confirmed.size;
	}

	/** Packages seen (by Maven, or in the listing) that the repository has not listed with their version yet. */
	get unconfirmedCount(): number {
		return this.pending.size;
	}

	/** The confirmed packages counted by where they entered the domain, the most first. */
	get origins(): PackageOrigin[] {
		const counts = new Map<string, PackageOrigin>();
		for (const {kind, name} of this.entries.values()) {
			const key = `${kind}\u0000${name}`;
			const counted = counts.get(key);
			counts.set(key, {kind, name, packages: (counted?.packages ?? 0) + 1});
		}
		return [...counts.values()].sort((a, b) => b.packages - a.packages);
	}

	/** One batch; concurrent callers share it. */
	async flush(): Promise<void> {
		this.running ??= this.confirmBatch().finally(() => {
			this.running = undefined;
		});
		return this.running;
	}

	/**
	 * Once, after the build: confirms every package the repository lists, reported by Maven or
	 * not, so the table matches ListPackages.
	 */
	async reconcile(): Promise<number> {
		const packages = await this.codeartifact.listPackages(this.domain, this.repository);
		for (const info of packages) {
			const key = packageKey(rowKeyOf(info));
			if (!this.confirmed.has(key)) this.pending.set(key, placeholderRow(info));
		}
		await this.flush();
		return packages.length;
	}

	private async confirmBatch(): Promise<void> {
		// Per pending package (DescribePackage), never the whole repository: a real one may hold thousands.
		await inBatches([...this.pending], confirmConcurrency, async ([key, row]) => {
			const info = await this.codeartifact.describePackage(this.domain, this.repository, {
				format: row.format,
				...(row.namespace ? {namespace: row.namespace} : {}),
				name: row.name,
			});
			if (info) await this.confirm(key, row, info); // else not ingested yet: next batch
		});
	}

	private async confirm(key: string, row: PackageRow, info: PackageInfo): Promise<void> {
		const coordinates = {format: info.format, ...(info.namespace ? {namespace: info.namespace} : {}), name: info.name};
		// "Latest version" as the table merges it: the highest in Maven's order, not the last fetched.
		const versions = await this.codeartifact.listPackageVersions(this.domain, this.repository, coordinates);
		const newest = versions.reduce<(typeof versions)[number] | undefined>(
			(best, v) => (!best || compareMavenVersions(v.version, best.version) > 0 ? v : best),
			undefined,
		);
		const latest = newest && (await this.codeartifact.describePackageVersion(this.domain, this.repository, coordinates, newest.version));
		if (!latest?.publishedTime) return; // listed before its first version is: ask again next batch
		this.pending.delete(key);
		this.confirmed.set(key, latest.version);
		if (latest.origin) {
			this.entries.set(
				key,
				'externalConnection' in latest.origin
					? {kind: 'external-connection', name: latest.origin.externalConnection, packages: 1}
					: {kind: 'repository', name: latest.origin.repository, packages: 1},
			);
		}
		this.publish({
			...row,
			latestVersion: latest.version,
			latestPublishDate: latest.publishedTime.toISOString(),
			publish: info.publish ?? '',
			upstream: info.upstream ?? '',
			state: 'confirmed',
		});
	}
}

function rowKeyOf(info: PackageInfo): {format: string; namespace: string; name: string} {
	return {format: info.format, namespace: info.namespace ?? '', name: info.name};
}

function placeholderRow(info: PackageInfo): PackageRow {
	return {...rowKeyOf(info), latestVersion: '', publish: info.publish ?? '', upstream: info.upstream ?? '', state: 'seen'};
}
