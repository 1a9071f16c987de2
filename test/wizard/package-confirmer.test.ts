import {createHash} from 'node:crypto';
import {beforeAll, describe, expect, it} from 'vitest';
import type {AwsApis, CodeArtifactApi} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import type {PackageRow} from '../../source/wizard/events.js';
import {PackageConfirmer} from '../../source/wizard/journey/package-confirmer.js';
import {useSandbox} from '../helpers/sandbox.js';

// The live table's confirmer against the sandbox, through the real SDK: while Maven runs, one
// ListPackages per refresh confirms the rows it lists (no call per package); after the build,
// each listed package's latest version is read once, for its publish date and origin.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The real adapter, with each call it forwards counted by name. */
function counted(api: CodeArtifactApi): {api: CodeArtifactApi; calls: string[]} {
	const calls: string[] = [];
	const proxy = new Proxy(api, {
		get(target, property, receiver) {
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				calls.push(String(property));
				return (value as (...a: unknown[]) => unknown).apply(target, args);
			};
		},
	});
	return {api: proxy, calls};
}

const row = (name: string, latestVersion: string): PackageRow => ({
	name,
	namespace: 'ca-wizard',
	format: 'generic',
	latestVersion,
	publish: '',
	upstream: '',
	state: 'seen',
});

describe('PackageConfirmer', () => {
	const sandbox = useSandbox();
	const domain = 'confirm';
	const repository = 'generic';
	let aws: AwsApis;

	beforeAll(async () => {
		aws = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		await aws.codeartifact.createDomain(domain);
		await aws.codeartifact.createRepository(domain, repository, {});
		for (const [name, version] of [
			['notes', '1.0.0'],
			['notes', '1.2.0'],
			['held', '3.0.0'],
		] as const) {
			const content = new Uint8Array(Buffer.from(`${name} ${version}\n`));
			await aws.codeartifact.publishPackageVersion(domain, repository, {namespace: 'ca-wizard', name}, version, {
				name: `${name}.tar.gz`,
				content,
				sha256: sha256(content),
			});
		}
	});

	it('confirms the listed rows with one ListPackages per refresh, and reads versions only after the build', async () => {
		const {api, calls} = counted(aws.codeartifact);
		const published: PackageRow[] = [];
		const confirmer = new PackageConfirmer(api, domain, repository, published.push.bind(published));

		await confirmer.flush(); // nothing reported yet: no call
		expect(calls).toEqual([]);

		confirmer.add(row('notes', '1.0.0'));
		confirmer.add(row('missing', '0.1.0'));
		await confirmer.flush();
		expect(calls).toEqual(['listPackages']);
		expect(published).toEqual([{...row('notes', '1.0.0'), publish: 'ALLOW', upstream: 'BLOCK', state: 'confirmed'}]);
		expect(confirmer.unconfirmedCount).toBe(2); // missing is not listed; notes's latest version is not read yet

		// Listed already: a row at another version costs no call either.
		confirmer.add(row('notes', '1.2.0'));
		await confirmer.flush();
		expect(calls).toEqual(['listPackages', 'listPackages']);

		published.length = 0;
		calls.length = 0;
		expect(await confirmer.reconcile()).toBe(2);
		// One listing, then two calls for each listed package: held (which Maven never reported) as well.
		expect(calls.filter(call => call === 'listPackages')).toHaveLength(1);
		expect(calls.filter(call => call !== 'listPackages').sort()).toEqual([
			'describePackageVersion',
			'describePackageVersion',
			'listPackageVersions',
			'listPackageVersions',
		]);
		const byName = new Map(published.map(published => [published.name, published]));
		expect(byName.get('notes')).toMatchObject({latestVersion: '1.2.0', state: 'confirmed', publish: 'ALLOW', upstream: 'BLOCK'});
		expect(byName.get('held')).toMatchObject({latestVersion: '3.0.0', state: 'confirmed'});
		for (const confirmed of published) expect(Number.isNaN(Date.parse(confirmed.latestPublishDate ?? ''))).toBe(false);
		expect(published).toHaveLength(2); // once each: a log shows each package once
		expect(confirmer.unconfirmedCount).toBe(1);
		expect(confirmer.origins).toEqual([{kind: 'repository', name: repository, packages: 2}]);

		// Read once: a second reconcile only lists.
		calls.length = 0;
		await confirmer.reconcile();
		expect(calls).toEqual(['listPackages']);
	});

	it('reads a package new in this build with one call, at the highest version Maven reported', async () => {
		const {api, calls} = counted(aws.codeartifact);
		const published: PackageRow[] = [];
		// The repository held "held" before the build; "notes" came with it.
		const confirmer = new PackageConfirmer(api, domain, repository, published.push.bind(published), key => !key.includes('notes'));
		confirmer.add(row('notes', '1.0.0'));
		confirmer.add(row('notes', '1.2.0'));
		expect(await confirmer.reconcile()).toBe(2);
		expect(calls.filter(call => call !== 'listPackages').sort()).toEqual(['describePackageVersion', 'describePackageVersion', 'listPackageVersions']);
		const byName = new Map(published.map(published => [published.name, published]));
		expect(byName.get('notes')).toMatchObject({latestVersion: '1.2.0', state: 'confirmed'});
		expect(byName.get('held')).toMatchObject({latestVersion: '3.0.0', state: 'confirmed'});
	});

	it('lists the versions after all when the version Maven reported cannot be read', async () => {
		const {api, calls} = counted(aws.codeartifact);
		const published: PackageRow[] = [];
		const confirmer = new PackageConfirmer(api, domain, repository, published.push.bind(published), () => false);
		confirmer.add(row('notes', '9.9.9')); // not in the repository: DescribePackageVersion fails
		await confirmer.reconcile();
		// notes: the failed read, its versions, the newest of them; held (no version reported): its versions, the newest.
		expect(calls.filter(call => call !== 'listPackages').sort()).toEqual([
			'describePackageVersion',
			'describePackageVersion',
			'describePackageVersion',
			'listPackageVersions',
			'listPackageVersions',
		]);
		expect(published.find(confirmed => confirmed.name === 'notes')).toMatchObject({latestVersion: '1.2.0', state: 'confirmed'});
	});
});
