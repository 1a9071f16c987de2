import {
	AddRoleToInstanceProfileCommand,
	CreateInstanceProfileCommand,
	CreateRoleCommand,
	DeleteInstanceProfileCommand,
	DeleteRoleCommand,
	GetInstanceProfileCommand,
	IAMClient,
	ListInstanceProfilesCommand,
	ListInstanceProfilesForRoleCommand,
	RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import {describe, expect, it} from 'vitest';
import {adminConfig, useSandbox} from '../../helpers/sandbox.js';
import {ec2Trust} from '../../helpers/trust-policies.js';

describe('IAM instance profiles through the real SDK', () => {
	const sandbox = useSandbox({scenario: 'access-denied'});
	const iam = () => new IAMClient(adminConfig(sandbox.current));

	it('shows the scenario profile with its role', async () => {
		const {InstanceProfile: profile} = await iam().send(new GetInstanceProfileCommand({InstanceProfileName: 'build-host-profile'}));
		expect(profile).toMatchObject({
			InstanceProfileName: 'build-host-profile',
			Arn: `arn:aws:iam::${sandbox.current.accountId}:instance-profile/build-host-profile`,
			Roles: [expect.objectContaining({RoleName: 'build-host-role'})],
		});
	});

	it('creates an empty profile and adds one role, and only one', async () => {
		await iam().send(new CreateRoleCommand({RoleName: 'second-role', AssumeRolePolicyDocument: ec2Trust}));
		await iam().send(new CreateRoleCommand({RoleName: 'third-role', AssumeRolePolicyDocument: ec2Trust}));
		const created = await iam().send(new CreateInstanceProfileCommand({InstanceProfileName: 'second-profile', Path: '/hosts/'}));
		expect(created.InstanceProfile).toMatchObject({InstanceProfileName: 'second-profile', Path: '/hosts/', Roles: []});
		expect(created.InstanceProfile?.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
		await iam().send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'second-profile', RoleName: 'second-role'}));
		await expect(iam().send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'second-profile', RoleName: 'third-role'}))).rejects.toMatchObject({
			name: 'LimitExceededException',
			message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
			$metadata: {httpStatusCode: 409},
		});
		const {InstanceProfile: profile} = await iam().send(new GetInstanceProfileCommand({InstanceProfileName: 'second-profile'}));
		expect(profile?.Roles?.map(r => r.RoleName)).toEqual(['second-role']);
	});

	it('refuses duplicates and unknown names', async () => {
		await expect(iam().send(new CreateInstanceProfileCommand({InstanceProfileName: 'second-profile'}))).rejects.toMatchObject({
			name: 'EntityAlreadyExistsException',
			message: 'Instance Profile second-profile already exists.',
		});
		await expect(iam().send(new GetInstanceProfileCommand({InstanceProfileName: 'nope'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
			message: 'Instance Profile nope cannot be found.',
		});
		await expect(iam().send(new AddRoleToInstanceProfileCommand({InstanceProfileName: 'nope', RoleName: 'second-role'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
		});
		await expect(iam().send(new CreateInstanceProfileCommand({InstanceProfileName: 'bad/name'}))).rejects.toMatchObject({name: 'ValidationError'});
	});

	it('lists profiles, with pagination, and the profiles of a role', async () => {
		const all = await iam().send(new ListInstanceProfilesCommand({}));
		expect(all.InstanceProfiles?.map(p => p.InstanceProfileName)).toEqual(['build-host-profile', 'second-profile']);
		const page = await iam().send(new ListInstanceProfilesCommand({MaxItems: 1}));
		expect(page).toMatchObject({IsTruncated: true, InstanceProfiles: [expect.objectContaining({InstanceProfileName: 'build-host-profile'})]});
		const next = await iam().send(new ListInstanceProfilesCommand({MaxItems: 1, Marker: page.Marker}));
		expect(next).toMatchObject({IsTruncated: false, InstanceProfiles: [expect.objectContaining({InstanceProfileName: 'second-profile'})]});
		expect((await iam().send(new ListInstanceProfilesCommand({PathPrefix: '/hosts/'}))).InstanceProfiles?.map(p => p.InstanceProfileName)).toEqual([
			'second-profile',
		]);
		const forRole = await iam().send(new ListInstanceProfilesForRoleCommand({RoleName: 'second-role'}));
		expect(forRole.InstanceProfiles?.map(p => p.InstanceProfileName)).toEqual(['second-profile']);
		expect((await iam().send(new ListInstanceProfilesForRoleCommand({RoleName: 'third-role'}))).InstanceProfiles).toEqual([]);
	});

	it('keeps a role and its profile from being deleted while linked', async () => {
		await expect(iam().send(new DeleteRoleCommand({RoleName: 'second-role'}))).rejects.toMatchObject({
			name: 'DeleteConflictException',
			message: 'Cannot delete entity, must remove roles from instance profile first.',
		});
		await expect(iam().send(new DeleteInstanceProfileCommand({InstanceProfileName: 'second-profile'}))).rejects.toMatchObject({
			name: 'DeleteConflictException',
			message: 'Cannot delete entity, must remove roles from instance profile first.',
		});
		await expect(iam().send(new RemoveRoleFromInstanceProfileCommand({InstanceProfileName: 'second-profile', RoleName: 'third-role'}))).rejects.toMatchObject({
			name: 'NoSuchEntityException',
		});
		await iam().send(new RemoveRoleFromInstanceProfileCommand({InstanceProfileName: 'second-profile', RoleName: 'second-role'}));
		await iam().send(new DeleteInstanceProfileCommand({InstanceProfileName: 'second-profile'}));
		await iam().send(new DeleteRoleCommand({RoleName: 'second-role'}));
		await expect(iam().send(new GetInstanceProfileCommand({InstanceProfileName: 'second-profile'}))).rejects.toMatchObject({name: 'NoSuchEntityException'});
	});
});
