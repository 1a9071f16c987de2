import type {CodeArtifactApi, PackageInfo, PackageVersionInfo} from '../../aws/apis.js';
import type {PackageOrigin, PackageRow} from '../events.js';
import {mapConcurrently} from '../../aws/map-concurrently.js';
import {compareMavenVersions} from '../../maven/maven-version.js';
import {packageKey} from '../package-table.js';

/**
 * Confirms the rows Maven reported against the repository itself. While Maven runs, one
 * ListPackages per refresh confirms every row it lists (no call per package: each SDK call costs
 * the wizard CPU that Maven would use); what it does not list yet stays "not listed yet". Once,
 * after the build, each listed package's latest version is read (its publish date and where it
 * entered the domain), which the listing does not carry: for a package the repository did not
 * hold before the build, every version it has came from this build, so the highest Maven
 * reported is its latest and one call reads it; for any other, its versions are listed first.
 * Eight at a time: the demo build's forty-odd reads are the wait between BUILD SUCCESS and the
 * summary (four at a time took ~60 ms against the sandbox), and eight stay far below the
 * per-account request rates CodeArtifact allows for these read calls.
 */
const detailConcurrency = 8;

type Coordinates = {format: string; namespace: string; name: string};

export class PackageConfirmer {
	/** Rows Maven reported that the listing has not shown yet, at the highest version reported. */
	private readonly pending = new Map<string, PackageRow>();
	/** Listed packages: the row they were confirmed with (its version is Maven's until read). */
	private readonly listed = new Map<string, PackageRow>();
	/** Listed packages whose latest version has been read, and that version. */
	private readonly detailed = new Map<string, string>();
	/** Where each detailed package's latest version entered the domain, as CodeArtifact says. */
	private readonly entries = new Map<string, PackageOrigin>();
	private running: Promise<void> | undefined;

	constructor(
		private readonly codeartifact: CodeArtifactApi,
		private readonly domain: string,
		private readonly repository: string,
		private readonly publish: (row: PackageRow) => void,
		/** Whether the repository held the package before the build; unknown (undefined) counts as held. */
		private readonly heldBefore: (key: string) => boolean = () => true,
	) {}

	add(row: PackageRow): void {
		const key = packageKey(row);
		const listed = this.listed.get(key);
		if (listed) {
			// Listed already: the listing confirms the package; its latest version is read after the build.
			if (isHigher(row.latestVersion, listed.latestVersion)) this.listed.set(key, {...listed, latestVersion: row.latestVersion});
			return;
		}
		const waiting = this.pending.get(key);
		if (!waiting || isHigher(row.latestVersion, waiting.latestVersion)) this.pending.set(key, row);
	}

	get confirmedCount(): number {
		return this.listed.size;
	}

	/** Packages seen (by Maven, or in the listing) that are not confirmed yet: not listed, or listed without a readable latest version. */
	get unconfirmedCount(): number {
		let unread = 0;
		for (const key of this.listed.keys()) if (!this.detailed.has(key)) unread++;
		return this.pending.size + unread;
	}

	/** The detailed packages counted by where they entered the domain, the most first. */
	get origins(): PackageOrigin[] {
		const counts = new Map<string, PackageOrigin>();
		for (const {kind, name} of this.entries.values()) {
			const key = `${kind}\u0000${name}`;
			const counted = counts.get(key);
			counts.set(key, {kind, name, packages: (counted?.packages ?? 0) + 1});
		}
		return [...counts.values()].sort((a, b) => b.packages - a.packages);
	}

	/** While Maven runs: one listing confirms what it shows of the waiting rows. Concurrent callers share it; nothing waiting, no call. */
	async flush(): Promise<void> {
		if (this.pending.size === 0) return this.running;
		this.running ??= this.codeartifact
			.listPackages(this.domain, this.repository)
			.then(packages => this.confirmListed(packages, true))
			.finally(() => {
				this.running = undefined;
			});
		return this.running;
	}

	/**
	 * After the build (again while the listing lags): one listing confirms every package it
	 * shows, reported by Maven or not, so the table matches ListPackages; then each listed
	 * package's latest version is read, once. Returns how many packages the listing holds.
	 */
	async reconcile(): Promise<number> {
		await this.running?.catch(() => {}); // a refresh that failed is the listing below's to retry
		const packages = await this.codeartifact.listPackages(this.domain, this.repository);
		// Drawn once, with what the versions say: a row confirmed here and again a moment later would show twice in a log.
		this.confirmListed(packages, false);
		const unread = [...this.listed].filter(([key]) => !this.detailed.has(key));
		await mapConcurrently(unread, detailConcurrency, ([key, row]) => this.readLatest(key, row));
		return packages.length;
	}

	private confirmListed(packages: PackageInfo[], draw: boolean): void {
		for (const info of packages) {
			const coordinates = coordinatesOf(info);
			const key = packageKey(coordinates);
			if (this.listed.has(key)) continue;
			const seen = this.pending.get(key);
			// A package Maven did not report (the repository held it already) is confirmed all the same: its version comes with its details.
			if (!seen && draw) continue;
			const row: PackageRow = {
				...(seen ?? {...coordinates, latestVersion: ''}),
				publish: info.publish ?? '',
				upstream: info.upstream ?? '',
				state: 'confirmed',
			};
			this.pending.delete(key);
			this.listed.set(key, row);
			if (draw) this.publish(row);
		}
	}

	private async readLatest(key: string, row: PackageRow): Promise<void> {
		const coordinates = {format: row.format, ...(row.namespace ? {namespace: row.namespace} : {}), name: row.name};
		const describe = (version: string) => this.codeartifact.describePackageVersion(this.domain, this.repository, coordinates, version);
		let latest: PackageVersionInfo | undefined;
		if (row.latestVersion !== '' && !this.heldBefore(key)) latest = await describe(row.latestVersion).catch(() => undefined);
		if (!latest) {
			// "Latest version" as the table merges it: the highest in Maven's order, not the last fetched.
			const versions = await this.codeartifact.listPackageVersions(this.domain, this.repository, coordinates);
			const newest = versions.reduce<(typeof versions)[number] | undefined>((best, v) => (!best || isHigher(v.version, best.version) ? v : best), undefined);
			latest = newest && (await describe(newest.version));
		}
		if (!latest?.publishedTime) return; // listed before its first version is: read again next time
		this.detailed.set(key, latest.version);
		if (latest.origin) {
			this.entries.set(
				key,
				'externalConnection' in latest.origin
					? {kind: 'external-connection', name: latest.origin.externalConnection, packages: 1}
					: {kind: 'repository', name: latest.origin.repository, packages: 1},
			);
		}
		this.publish({...row, latestVersion: latest.version, latestPublishDate: latest.publishedTime.toISOString(), state: 'confirmed'});
	}
}

function isHigher(version: string, than: string): boolean {
	return than === '' || (version !== '' && compareMavenVersions(version, than) > 0);
}

function coordinatesOf(info: PackageInfo): Coordinates {
	return {format: info.format, namespace: info.namespace ?? '', name: info.name};
}
