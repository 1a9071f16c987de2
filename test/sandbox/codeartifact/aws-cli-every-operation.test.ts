import {createHash} from 'node:crypto';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {adminAwsCli} from '../../helpers/aws-cli.js';
import {modelOperations, outputShapeProblems} from '../../helpers/model-shape.js';
import {temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {centralFolder, mavenClient, readPolicy} from './tour-fixtures.js';

// Issue 12's promise, through the aws CLI v1: the SDK tour's journey (every-operation.test.ts)
// typed as `aws codeartifact` commands, each printed reply checked against the model's output
// shape as the CLI prints it, and the commands run compared with the model's operations at the
// end. One sandbox, one call per operation where one is enough: each call costs the CLI's start.

/** The CLI's command for each operation of the model (CreateDomain: create-domain), and back. */
const operationOfCommand = new Map(modelOperations('codeartifact').map(operation => [operation.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase(), operation]));

describe('every CodeArtifact operation through the aws CLI, in one tour', () => {
	const central = centralFolder();
	const files = temporaryDirectory('ca-wizard-cli-tour-');
	const sandbox = useSandbox({mavenCentral: central});
	afterAll(() => {
		rmSync(central, {recursive: true, force: true});
		rmSync(files, {recursive: true, force: true});
	});
	const aws = adminAwsCli(sandbox);
	const answered = new Set<string>();
	/** `aws codeartifact COMMAND ARGS`, its printed reply checked against the model, as a plain object. */
	const codeartifact = async (command: string, ...args: string[]): Promise<Record<string, unknown>> => {
		const operation = operationOfCommand.get(command) ?? `no operation for ${command}`;
		// A reply with no members prints nothing.
		const reply = ((await aws('codeartifact', command, ...args)) ?? {}) as Record<string, unknown>;
		expect(outputShapeProblems('codeartifact', operation, reply, 'cli'), `${command}'s printed reply`).toEqual([]);
		answered.add(operation);
		return reply;
	};
	const domain = ['--domain', 'tour'];
	const app = [...domain, '--repository', 'app'];
	const widget = ['--format', 'maven', '--namespace', 'com.example', '--package', 'widget'];
	const cli = ['--format', 'generic', '--namespace', 'tools', '--package', 'cli'];
	const arn = (resource: string) => `arn:aws:codeartifact:${sandbox.current.region}:${sandbox.current.accountId}:${resource}`;
	const now = () => Date.now() / 1000;

	it('creates a domain and repositories with an upstream and an external connection; reads, updates and lists them', {timeout: 60_000}, async () => {
		const created = await codeartifact('create-domain', ...domain, '--tags', 'key=team,value=platform');
		expect(created.domain).toMatchObject({name: 'tour', arn: arn('domain/tour'), status: 'Active', createdTime: expect.closeTo(now(), -2)});
		expect(await codeartifact('describe-domain', ...domain)).toMatchObject({domain: {name: 'tour', repositoryCount: 0}});
		expect(await codeartifact('list-domains')).toMatchObject({domains: [{name: 'tour'}]});
		await codeartifact('create-repository', ...domain, '--repository', 'central-store');
		expect(
			await codeartifact('associate-external-connection', ...domain, '--repository', 'central-store', '--external-connection', 'public:maven-central'),
		).toMatchObject({
			repository: {externalConnections: [{externalConnectionName: 'public:maven-central', status: 'Available'}]},
		});
		expect(await codeartifact('create-repository', ...app, '--upstreams', 'repositoryName=central-store')).toMatchObject({
			repository: {upstreams: [{repositoryName: 'central-store'}]},
		});
		await aws('codeartifact', 'create-repository', ...domain, '--repository', 'promoted');
		expect(await codeartifact('update-repository', ...app, '--description', 'Team libraries')).toMatchObject({repository: {description: 'Team libraries'}});
		expect(await codeartifact('describe-repository', ...app)).toMatchObject({repository: {description: 'Team libraries', domainName: 'tour'}});
		const names = [{name: 'app'}, {name: 'central-store'}, {name: 'promoted'}];
		expect(await codeartifact('list-repositories')).toMatchObject({repositories: names});
		expect(await codeartifact('list-repositories-in-domain', ...domain)).toMatchObject({repositories: names});
	});

	it('publishes through the Maven endpoint and from a file, and reads it all back', {timeout: 90_000}, async () => {
		const token = await codeartifact('get-authorization-token', ...domain, '--duration-seconds', '900');
		expect(token.expiration).toBeCloseTo(now() + 900, -1);
		const {repositoryEndpoint} = await codeartifact('get-repository-endpoint', ...app, '--format', 'maven');
		expect(repositoryEndpoint).toBe(`${sandbox.current.endpoint}/d/tour-${sandbox.current.accountId}/maven/app/`);
		const maven = mavenClient(String(repositoryEndpoint), String(token.authorizationToken));
		expect(await maven.deployWidget()).toEqual([201, 201, 201]);
		expect(await maven.get('org/acme/lib/1.0/lib-1.0.jar')).toEqual({status: 200, text: 'PK central lib'});

		const asset = join(files, 'cli.bin');
		writeFileSync(asset, 'the cli, version 1.0');
		const sha256 = createHash('sha256').update('the cli, version 1.0').digest('hex');
		const upload = ['--asset-content', asset, '--asset-name', 'cli.bin', '--asset-sha256', sha256];
		const published = await codeartifact('publish-package-version', ...app, ...cli, '--package-version', '1.0', ...upload);
		expect(published).toMatchObject({version: '1.0', status: 'Published', asset: {name: 'cli.bin', hashes: {'SHA-256': sha256}}});
		await aws('codeartifact', 'publish-package-version', ...app, ...cli, '--package-version', '1.1', ...upload);
		const downloaded = join(files, 'downloaded.bin');
		const fetched = await codeartifact('get-package-version-asset', ...app, ...cli, '--package-version', '1.0', '--asset', 'cli.bin', downloaded);
		expect(fetched).toEqual({assetName: 'cli.bin', packageVersion: '1.0', packageVersionRevision: published.versionRevision});
		expect(readFileSync(downloaded, 'utf8')).toBe('the cli, version 1.0');

		expect(await codeartifact('list-packages', ...app)).toMatchObject({
			packages: [{package: 'cli'}, {package: 'widget'}, {package: 'lib', originConfiguration: {restrictions: {publish: 'BLOCK', upstream: 'ALLOW'}}}],
		});
		expect(await codeartifact('describe-package', ...app, ...widget)).toMatchObject({package: {originConfiguration: {restrictions: {upstream: 'BLOCK'}}}});
		expect(await codeartifact('list-package-versions', ...app, ...widget)).toMatchObject({versions: [{version: '1.0', status: 'Published'}]});
		const version = [...app, ...widget, '--package-version', '1.0'];
		expect(await codeartifact('describe-package-version', ...version)).toMatchObject({packageVersion: {displayName: 'Widget', summary: 'Makes widgets.'}});
		expect(await codeartifact('list-package-version-assets', ...version)).toMatchObject({assets: [{name: 'widget-1.0.jar'}, {name: 'widget-1.0.pom'}]});
		expect(await codeartifact('get-package-version-readme', ...version)).toMatchObject({readme: 'Makes widgets.'});
		expect(await codeartifact('list-package-version-dependencies', ...version)).toMatchObject({
			dependencies: [{namespace: 'org.acme', package: 'lib', dependencyType: 'compile', versionRequirement: '1.0'}],
		});
	});

	it("changes a package's origin controls and its versions: copy, status, dispose, delete", {timeout: 60_000}, async () => {
		expect(await codeartifact('put-package-origin-configuration', ...app, ...cli, '--restrictions', 'publish=ALLOW,upstream=BLOCK')).toMatchObject({
			originConfiguration: {restrictions: {publish: 'ALLOW', upstream: 'BLOCK'}},
		});
		const copy = ['--source-repository', 'app', '--destination-repository', 'promoted', '--versions', '1.0'];
		expect(await codeartifact('copy-package-versions', ...domain, ...cli, ...copy)).toMatchObject({successfulVersions: {'1.0': {status: 'Published'}}});
		expect(await codeartifact('update-package-versions-status', ...app, ...cli, '--versions', '1.1', '--target-status', 'Archived')).toMatchObject({
			successfulVersions: {'1.1': {status: 'Archived'}},
		});
		expect(await codeartifact('dispose-package-versions', ...domain, '--repository', 'promoted', ...cli, '--versions', '1.0')).toMatchObject({
			successfulVersions: {'1.0': {status: 'Disposed'}},
		});
		expect(await codeartifact('delete-package-versions', ...app, ...cli, '--versions', '1.1')).toMatchObject({
			successfulVersions: {'1.1': {status: 'Deleted'}},
		});
	});

	it('groups packages and restricts who may publish them', {timeout: 60_000}, async () => {
		const parent = ['--package-group', '/maven/com.example~'];
		const child = ['--package-group', '/maven/com.example/widget$'];
		expect(await codeartifact('create-package-group', ...domain, ...parent, '--contact-info', 'team@example.com')).toMatchObject({
			packageGroup: {pattern: '/maven/com.example~', parent: {pattern: '/*'}},
		});
		await aws('codeartifact', 'create-package-group', ...domain, ...child);
		expect(await codeartifact('update-package-group', ...domain, ...parent, '--description', 'Our Maven packages')).toMatchObject({
			packageGroup: {description: 'Our Maven packages'},
		});
		expect(await codeartifact('describe-package-group', ...domain, ...parent)).toMatchObject({packageGroup: {contactInfo: 'team@example.com'}});
		expect(await codeartifact('list-package-groups', ...domain)).toMatchObject({
			packageGroups: [{pattern: '/*'}, {pattern: '/maven/com.example/widget$'}, {pattern: '/maven/com.example~'}],
		});
		expect(await codeartifact('list-sub-package-groups', ...domain, ...parent)).toMatchObject({packageGroups: [{pattern: '/maven/com.example/widget$'}]});
		const restrict = [
			'--restrictions',
			'PUBLISH=ALLOW_SPECIFIC_REPOSITORIES',
			'--add-allowed-repositories',
			'originRestrictionType=PUBLISH,repositoryName=app',
		];
		expect(await codeartifact('update-package-group-origin-configuration', ...domain, ...parent, ...restrict)).toMatchObject({
			allowedRepositoryUpdates: {PUBLISH: {ADDED: ['app']}},
		});
		expect(await codeartifact('list-allowed-repositories-for-group', ...domain, ...parent, '--origin-restriction-type', 'PUBLISH')).toEqual({
			allowedRepositories: ['app'],
		});
		expect(await codeartifact('list-associated-packages', ...domain, ...child)).toMatchObject({packages: [{package: 'widget', associationType: 'STRONG'}]});
		expect(await codeartifact('get-associated-package-group', ...domain, ...widget)).toMatchObject({
			packageGroup: {pattern: '/maven/com.example/widget$'},
			associationType: 'STRONG',
		});
	});

	it('sets, reads and removes permissions policies, and tags', {timeout: 60_000}, async () => {
		const domainPolicy = readPolicy(sandbox.current.accountId, 'codeartifact:GetAuthorizationToken');
		expect(await codeartifact('put-domain-permissions-policy', ...domain, '--policy-document', domainPolicy)).toMatchObject({
			policy: {resourceArn: arn('domain/tour')},
		});
		expect(await codeartifact('get-domain-permissions-policy', ...domain)).toMatchObject({policy: {document: domainPolicy}});
		expect(await codeartifact('delete-domain-permissions-policy', ...domain)).toMatchObject({policy: {document: domainPolicy}});
		const repositoryPolicy = readPolicy(sandbox.current.accountId, 'codeartifact:ReadFromRepository');
		expect(await codeartifact('put-repository-permissions-policy', ...app, '--policy-document', repositoryPolicy)).toMatchObject({
			policy: {resourceArn: arn('repository/tour/app')},
		});
		expect(await codeartifact('get-repository-permissions-policy', ...app)).toMatchObject({policy: {document: repositoryPolicy}});
		expect(await codeartifact('delete-repository-permissions-policy', ...app)).toMatchObject({policy: {document: repositoryPolicy}});

		const resource = ['--resource-arn', arn('repository/tour/app')];
		await codeartifact('tag-resource', ...resource, '--tags', 'key=stage,value=dev', 'key=team,value=platform');
		await codeartifact('untag-resource', ...resource, '--tag-keys', 'stage');
		expect(await codeartifact('list-tags-for-resource', ...resource)).toEqual({tags: [{key: 'team', value: 'platform'}]});
	});

	it('takes it all down', {timeout: 60_000}, async () => {
		expect(
			await codeartifact('disassociate-external-connection', ...domain, '--repository', 'central-store', '--external-connection', 'public:maven-central'),
		).toMatchObject({
			repository: {name: 'central-store', externalConnections: []},
		});
		expect(await codeartifact('delete-package', ...app, ...cli)).toMatchObject({deletedPackage: {package: 'cli'}});
		await aws('codeartifact', 'delete-package-group', ...domain, '--package-group', '/maven/com.example/widget$');
		expect(await codeartifact('delete-package-group', ...domain, '--package-group', '/maven/com.example~')).toMatchObject({
			packageGroup: {pattern: '/maven/com.example~'},
		});
		for (const repository of ['app', 'promoted']) await aws('codeartifact', 'delete-repository', ...domain, '--repository', repository);
		expect(await codeartifact('delete-repository', ...domain, '--repository', 'central-store')).toMatchObject({repository: {name: 'central-store'}});
		expect(await codeartifact('delete-domain', ...domain)).toMatchObject({domain: {name: 'tour', status: 'Deleted', repositoryCount: 0}});
	});

	it("ran every operation of the model, and each one's printed reply matched its output shape", () => {
		expect([...answered].sort()).toEqual(modelOperations('codeartifact'));
	});
});
