// A real, unmodified `mvn` builds the demo project through the sandbox's CodeArtifact endpoint,
// cold (empty local repository), with the token only in its environment, as a build host would.
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {
	AssociateExternalConnectionCommand,
	CodeartifactClient,
	CreateDomainCommand,
	CreateRepositoryCommand,
	GetAuthorizationTokenCommand,
	GetRepositoryEndpointCommand,
	ListPackagesCommand,
	ListPackageVersionsCommand,
	type PackageSummary,
} from '@aws-sdk/client-codeartifact';
import {execa} from 'execa';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {copyDemoProject, downloadedFiles, downloadedPackages, mavenUnavailable, writeMavenSettings} from '../../helpers/mvn.js';
import {adminConfig, offlineMavenCentral, temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';

const unavailable = mavenUnavailable();
const inCi = process.env.CI === 'true';
// In CI, Maven and the offline Maven Central are part of the environment: missing them fails the run.
if (unavailable && !inCi) console.warn(`Skipping the mvn build through the sandbox: ${unavailable}.`);

// Deploying needs two more plugins than compiling; the offline Maven Central may lack them.
const deployPlugins = ['org/apache/maven/plugins/maven-jar-plugin/3.4.1', 'org/apache/maven/plugins/maven-deploy-plugin/3.1.2'];
const deployUnavailable =
	unavailable ??
	(deployPlugins.every(path => existsSync(join(offlineMavenCentral, path))) ? undefined : `${offlineMavenCentral} lacks ${deployPlugins.join(' or ')}`);
if (deployUnavailable && !unavailable) console.warn(`Skipping the mvn deploy through the sandbox: ${deployUnavailable}.`);

describe.skipIf(unavailable !== undefined && !inCi)('mvn through the sandbox', () => {
	const sandbox = useSandbox();
	const domain = 'build-corp';
	let work: string;
	let client: CodeartifactClient;
	let token: string;
	let endpoint: string;

	beforeAll(() => {
		work = temporaryDirectory('ca-wizard-mvn-');
		client = new CodeartifactClient(adminConfig(sandbox.current));
	});

	afterAll(() => {
		client?.destroy();
		if (work) rmSync(work, {recursive: true, force: true});
	});

	async function allPackages(repository: string): Promise<PackageSummary[]> {
		const found: PackageSummary[] = [];
		let nextToken: string | undefined;
		do {
			const page = await client.send(new ListPackagesCommand({domain, repository, nextToken}));
			found.push(...(page.packages ?? []));
			nextToken = page.nextToken;
		} while (nextToken);
		return found;
	}

	it('builds the demo project cold, and the repository then lists every package Maven fetched', {timeout: 120_000}, async () => {
		expect(unavailable, 'Maven and the offline Maven Central are required in CI').toBeUndefined();
		await client.send(new CreateDomainCommand({domain}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'maven-central-store'}));
		await client.send(new AssociateExternalConnectionCommand({domain, repository: 'maven-central-store', externalConnection: 'public:maven-central'}));
		await client.send(new CreateRepositoryCommand({domain, repository: 'app', upstreams: [{repositoryName: 'maven-central-store'}]}));
		const {authorizationToken} = await client.send(new GetAuthorizationTokenCommand({domain}));
		const {repositoryEndpoint} = await client.send(new GetRepositoryEndpointCommand({domain, repository: 'app', format: 'maven'}));
		token = authorizationToken!;
		endpoint = repositoryEndpoint!;

		const project = copyDemoProject(join(work, 'project'));
		const localRepository = join(work, 'm2');
		mkdirSync(localRepository);
		const settings = writeMavenSettings(join(work, 'settings.xml'), repositoryEndpoint!);
		expect(readFileSync(settings, 'utf8')).not.toContain(authorizationToken); // the token lives only in the child's environment
		const result = await execa('mvn', ['-B', '-s', settings, `-Dmaven.repo.local=${localRepository}`, 'compile'], {
			cwd: project,
			env: {CODEARTIFACT_AUTH_TOKEN: authorizationToken},
			reject: false,
			all: true,
			timeout: 110_000,
		});
		expect(result.all, `mvn exited with ${result.exitCode}`).toContain('BUILD SUCCESS');
		expect(result.all).not.toContain(authorizationToken);

		const fetched = downloadedPackages(localRepository);
		expect(downloadedFiles(localRepository).length).toBeGreaterThan(50);
		expect(fetched).toEqual(
			expect.arrayContaining([
				'org.apache.commons:commons-lang3',
				'com.fasterxml.jackson.core:jackson-databind',
				'org.apache.maven.plugins:maven-compiler-plugin',
			]),
		);
		for (const repository of ['app', 'maven-central-store']) {
			const listed = await allPackages(repository);
			expect(listed.map(p => `${p.namespace}:${p.package}`).sort()).toEqual(fetched);
			for (const summary of listed) {
				expect(summary, `${summary.namespace}:${summary.package} in ${repository}`).toMatchObject({
					format: 'maven',
					originConfiguration: {restrictions: {publish: 'BLOCK', upstream: 'ALLOW'}},
				});
			}
		}
		const {versions} = await client.send(
			new ListPackageVersionsCommand({domain, repository: 'app', format: 'maven', namespace: 'org.apache.commons', package: 'commons-lang3'}),
		);
		expect(versions?.map(v => v.version)).toContain('3.14.0');
		expect(versions?.every(v => v.origin?.originType === 'EXTERNAL')).toBe(true);
	});

	it.skipIf(deployUnavailable !== undefined)(
		'deploys the demo project with mvn: a Published, INTERNAL version with publish ALLOW / upstream BLOCK',
		{timeout: 120_000},
		async () => {
			expect(token, 'the compile test sets up the repository').toBeDefined();
			const result = await execa(
				'mvn',
				[
					'-B',
					'-s',
					join(work, 'settings.xml'),
					`-Dmaven.repo.local=${join(work, 'm2')}`,
					`-DaltDeploymentRepository=codeartifact::${endpoint}`,
					'compile',
					'org.apache.maven.plugins:maven-jar-plugin:3.4.1:jar',
					'org.apache.maven.plugins:maven-deploy-plugin:3.1.2:deploy',
				],
				{cwd: join(work, 'project'), env: {CODEARTIFACT_AUTH_TOKEN: token}, reject: false, all: true, timeout: 110_000},
			);
			expect(result.all, `mvn exited with ${result.exitCode}`).toContain('BUILD SUCCESS');
			const coordinates = {domain, repository: 'app', format: 'maven' as const, namespace: 'com.example', package: 'ca-wizard-demo'};
			const {versions} = await client.send(new ListPackageVersionsCommand(coordinates));
			expect(versions).toEqual([
				expect.objectContaining({version: '1.0.0', status: 'Published', origin: {domainEntryPoint: {repositoryName: 'app'}, originType: 'INTERNAL'}}),
			]);
			const listed = await allPackages('app');
			expect(listed.find(p => p.package === 'ca-wizard-demo')?.originConfiguration?.restrictions).toEqual({publish: 'ALLOW', upstream: 'BLOCK'});
			// The upload went to app only: its upstream never sees what is published downstream.
			expect((await allPackages('maven-central-store')).some(p => p.package === 'ca-wizard-demo')).toBe(false);
		},
	);
});
