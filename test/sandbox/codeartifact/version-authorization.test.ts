import {createHash} from 'node:crypto';
import {
	CodeartifactClient,
	CopyPackageVersionsCommand,
	CreateDomainCommand,
	CreateRepositoryCommand,
	DeletePackageCommand,
	DeletePackageVersionsCommand,
	DisposePackageVersionsCommand,
	GetPackageVersionReadmeCommand,
	ListPackageVersionDependenciesCommand,
	PublishPackageVersionCommand,
	UpdatePackageVersionsStatusCommand,
} from '@aws-sdk/client-codeartifact';
import {beforeAll, describe, expect, it} from 'vitest';
import {adminClient} from './client.js';
import {useSandboxWithRoles} from './role-sessions.js';

// Each package version operation asks IAM for its own action on the package's ARN; a copy asks
// for ReadFromRepository on the source repository and CopyPackageVersions on the destination's package.

const packageArn = (repository: string) => `arn:aws:codeartifact:*:*:package/auth/${repository}/generic/tools/*`;
const {sandbox, configFor} = useSandboxWithRoles({
	cleaner: {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:DeletePackageVersions', Resource: packageArn('releases')}]},
	'copy-only': {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: 'codeartifact:CopyPackageVersions', Resource: packageArn('promoted')}]},
	promoter: {
		Version: '2012-10-17',
		Statement: [
			{Effect: 'Allow', Action: 'codeartifact:CopyPackageVersions', Resource: packageArn('promoted')},
			{Effect: 'Allow', Action: 'codeartifact:ReadFromRepository', Resource: 'arn:aws:codeartifact:*:*:repository/auth/releases'},
		],
	},
});

describe('authorization of the package version operations', () => {
	const domain = 'auth';
	const coordinates = {domain, repository: 'releases', format: 'generic' as const, namespace: 'tools', package: 'cli'};
	const roleClient = (role: 'cleaner' | 'copy-only' | 'promoter') => new CodeartifactClient(configFor(role));
	const copy = {domain, sourceRepository: 'releases', destinationRepository: 'promoted', format: 'generic' as const, namespace: 'tools', package: 'cli'};

	beforeAll(async () => {
		const client = adminClient(sandbox.current);
		await client.send(new CreateDomainCommand({domain}));
		for (const repository of ['releases', 'promoted']) await client.send(new CreateRepositoryCommand({domain, repository}));
		for (const version of ['1.0', '1.1']) {
			const bytes = Buffer.from(version);
			await client.send(
				new PublishPackageVersionCommand({
					...coordinates,
					packageVersion: version,
					assetName: 'cli.bin',
					assetContent: bytes,
					assetSHA256: createHash('sha256').update(bytes).digest('hex'),
				}),
			);
		}
	});

	it('names the action each operation needs on the package', async () => {
		const cleaner = roleClient('cleaner');
		const denied = async (call: () => Promise<unknown>, action: string) =>
			expect(call()).rejects.toMatchObject({
				name: 'AccessDeniedException',
				message: expect.stringMatching(
					new RegExp(
						`is not authorized to perform: codeartifact:${action} on resource: arn:aws:codeartifact:[^:]+:\\d{12}:package/auth/releases/generic/tools/cli`,
					),
				),
			});
		await denied(() => cleaner.send(new DisposePackageVersionsCommand({...coordinates, versions: ['1.0']})), 'DisposePackageVersions');
		await denied(
			() => cleaner.send(new UpdatePackageVersionsStatusCommand({...coordinates, versions: ['1.0'], targetStatus: 'Archived'})),
			'UpdatePackageVersionsStatus',
		);
		await denied(() => cleaner.send(new DeletePackageCommand(coordinates)), 'DeletePackage');
		await denied(() => cleaner.send(new ListPackageVersionDependenciesCommand({...coordinates, packageVersion: '1.0'})), 'ListPackageVersionDependencies');
		await denied(() => cleaner.send(new GetPackageVersionReadmeCommand({...coordinates, packageVersion: '1.0'})), 'GetPackageVersionReadme');
		const deleted = await cleaner.send(new DeletePackageVersionsCommand({...coordinates, versions: ['1.1']}));
		expect(deleted.successfulVersions?.['1.1']?.status).toBe('Deleted');
	});

	it('copies only with ReadFromRepository on the source and CopyPackageVersions on the destination', async () => {
		await expect(roleClient('copy-only').send(new CopyPackageVersionsCommand({...copy, versions: ['1.0']}))).rejects.toMatchObject({
			name: 'AccessDeniedException',
			message: expect.stringContaining('codeartifact:ReadFromRepository on resource: arn:aws:codeartifact:'),
		});
		const copied = await roleClient('promoter').send(new CopyPackageVersionsCommand({...copy, versions: ['1.0']}));
		expect(copied.successfulVersions?.['1.0']?.status).toBe('Published');
	});
});
