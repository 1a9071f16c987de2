import {execFile} from 'node:child_process';
import {existsSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {CreateDomainCommand, CreateRepositoryCommand} from '@aws-sdk/client-codeartifact';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {requireE2eProject} from '../../helpers/e2e-only.js';
import {temporaryDirectory, useSandbox} from '../../helpers/sandbox.js';
import {adminClient} from './client.js';

const run = promisify(execFile);

describe('the aws CLI v1 asking for a format the sandbox does not serve', () => {
	const sandbox = useSandbox();
	const home = temporaryDirectory('ca-wizard-cli-home-');
	afterAll(() => rmSync(home, {recursive: true, force: true}));
	beforeAll(async () => {
		await adminClient(sandbox.current).send(new CreateDomainCommand({domain: 'learner'}));
		await adminClient(sandbox.current).send(new CreateRepositoryCommand({domain: 'learner', repository: 'app'}));
	});

	/** `aws --endpoint-url URL codeartifact ARGS` as the admin: its exit code and stderr (the token is never printed). */
	async function aws(...args: string[]): Promise<{code: number; stderr: string}> {
		requireE2eProject('the aws CLI');
		const {env, endpoint, region} = sandbox.current;
		return run('aws', ['--endpoint-url', endpoint, 'codeartifact', ...args], {
			env: {
				PATH: process.env.PATH ?? '/usr/bin:/bin',
				HOME: home,
				AWS_CONFIG_FILE: join(home, 'no-config'),
				AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
				...env,
				AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION ?? region,
			},
			timeout: 60_000,
		}).then(
			({stderr}) => ({code: 0, stderr}),
			(error: {code?: number; stderr?: string}) => ({code: error.code ?? -1, stderr: error.stderr ?? ''}),
		);
	}

	it('login --tool npm fails visibly, naming what is served, and configures nothing', {timeout: 90_000}, async () => {
		const login = await aws('login', '--tool', 'npm', '--domain', 'learner', '--repository', 'app');
		expect(login.code).not.toBe(0);
		expect(login.stderr).toContain('An error occurred (NotImplementedException) when calling the GetRepositoryEndpoint operation');
		expect(login.stderr).toContain('serves the maven and generic formats only');
		expect(existsSync(join(home, '.npmrc'))).toBe(false);
	});

	it('associate-external-connection public:pypi fails, naming the connection', {timeout: 90_000}, async () => {
		const associate = await aws('associate-external-connection', '--domain', 'learner', '--repository', 'app', '--external-connection', 'public:pypi');
		expect(associate.code).not.toBe(0);
		expect(associate.stderr).toContain('An error occurred (NotImplementedException) when calling the AssociateExternalConnection operation');
		expect(associate.stderr).toContain('public:pypi (pypi) is not emulated');
	});
});
