import {describe, expect, it} from 'vitest';
import {journeyTools} from '../../source/commands/journey-deps.js';
import {adminAwsCli} from '../helpers/aws-cli.js';
import {journeyOn} from '../helpers/journey.js';
import {mavenUnavailable} from '../helpers/mvn.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// The tenth build host: a team made acme/libs → central-proxy → public:maven-central with the
// aws CLI; `ca-wizard --domain acme --repository libs --yes` onboards this host to it, builds
// green with real mvn, and leaves every repository exactly as it was.

const unavailable = mavenUnavailable();
const inCi = process.env['CI'] === 'true';

describe.skipIf(unavailable !== undefined && !inCi)('onboarding a host to a team repository made with the aws CLI', () => {
	const sandbox = useSandbox();
	const aws = adminAwsCli(sandbox);
	const journey = journeyOn(sandbox);

	/** What the team's repositories are: every field DescribeRepository gives, for each one ListRepositoriesInDomain names. */
	async function topology(): Promise<unknown[]> {
		const {repositories} = (await aws('codeartifact', 'list-repositories-in-domain', '--domain', 'acme')) as {repositories: {name: string}[]};
		const described = [];
		for (const {name} of repositories) described.push(await aws('codeartifact', 'describe-repository', '--domain', 'acme', '--repository', name));
		return described;
	}

	it('has Maven and the offline Maven Central (required in CI)', () => {
		expect(unavailable).toBeUndefined();
	});

	it('changes nothing shared and builds green through the existing chain', {timeout: 300_000}, async () => {
		await aws('codeartifact', 'create-domain', '--domain', 'acme');
		await aws('codeartifact', 'create-repository', '--domain', 'acme', '--repository', 'central-proxy', '--description', 'Maven Central for the team');
		await aws(
			'codeartifact',
			'associate-external-connection',
			'--domain',
			'acme',
			'--repository',
			'central-proxy',
			'--external-connection',
			'public:maven-central',
		);
		await aws(
			'codeartifact',
			'create-repository',
			'--domain',
			'acme',
			'--repository',
			'libs',
			'--description',
			'Team libraries',
			'--upstreams',
			'repositoryName=central-proxy',
		);
		const before = await topology();
		expect(before).toHaveLength(2);

		const host = new ScriptedHost({domain: 'acme', repository: 'libs'}); // --domain acme --repository libs --yes
		const {result} = await journey(host, {tools: journeyTools()});
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(result.facts.build?.success).toBe(true);
		expect(host.of('maven-output').some(event => event.line.includes('BUILD SUCCESS'))).toBe(true);
		expect(host.of('note').map(note => note.message)).toContainEqual(
			expect.stringContaining(
				'acme/libs already reaches Maven Central. This host is onboarded to it as it is, via libs → central-proxy → public:maven-central',
			),
		);
		for (const id of ['description', 'upstream', 'shared-upstream']) expect(host.questions.map(question => question.id)).not.toContain(id);

		expect(await topology()).toEqual(before);
		const {packages} = (await aws('codeartifact', 'list-packages', '--domain', 'acme', '--repository', 'libs')) as {packages: unknown[]};
		expect(packages.length).toBeGreaterThan(20);
	});
});
