import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {CodeartifactClient, GetRepositoryEndpointCommand} from '@aws-sdk/client-codeartifact';
import {describe, expect, it} from 'vitest';
import {awsDelaySeconds} from '../../source/sandbox/consistency.js';
import type {JourneyTools} from '../../source/wizard/journey/context.js';
import {noMaven, journeyOn} from '../helpers/journey.js';
import {adminConfig, offlineMavenCentral, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import {TestClock} from '../helpers/test-clock.js';

// The journey on a sandbox started with --consistency aws: its waits move the sandbox's clock on
// instead of passing, so AWS's delays cost no time here. What is checked is that every wait is
// waited out, and shown, and that a listing that does not catch up is said plainly.

const iamMs = awsDelaySeconds.iam * 1000;
const credentialsMs = awsDelaySeconds.credentials * 1000;
const listingMs = awsDelaySeconds.listing * 1000;
/** As the CLI waits on an embedded sandbox with these delays. */
const credentialWaitMs = 15_000 + iamMs + credentialsMs;

/** The journey's sleeps, as time passing on the sandbox's clock. */
function clockedWaits(clock: TestClock) {
	return {now: clock.now, sleep: async (ms: number) => clock.advance(ms)};
}

function progressLines(host: ScriptedHost): string[] {
	return host.of('progress').map(event => event.message);
}

describe('--consistency aws, a build host with no instance profile', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({scenario: 'no-profile', consistency: 'aws', clock});
	const journey = journeyOn(sandbox);

	it('waits for EC2 to know the new instance profile, then for its credentials to reach the host, showing each wait', async () => {
		const host = new ScriptedHost({domain: 'late-profile'});
		const {result} = await journey(host, {...clockedWaits(clock), waits: {credentialWaitMs}});
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		const lines = progressLines(host);
		const profileWait = lines.findIndex(line => /^Waiting for EC2 to know the new instance profile \S+ \(up to \d+ s more\)…$/.test(line));
		const associating = lines.findLastIndex(line => line.startsWith('Associating '));
		const credentialsWait = lines.findIndex(line => /^Waiting for the change to reach the build host \(up to \d+ s more\)…$/.test(line));
		const granted = lines.indexOf('The build host got a token');
		expect(profileWait, lines.join('\n')).toBeGreaterThan(associating);
		expect(credentialsWait).toBeGreaterThan(profileWait);
		expect(granted).toBeGreaterThan(credentialsWait);
	});
});

const lang3 = 'org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom';

describe.runIf(existsSync(join(offlineMavenCentral, lang3)) || process.env.CI === 'true')('--consistency aws, the build step and the listing lag', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({consistency: 'aws', clock});
	const journey = journeyOn(sandbox);

	/**
	 * Maven stood in for by one real download through the repository's endpoint, reported as
	 * Maven reports it: the build is not the point here, the listing of what it fetched is.
	 */
	function fetchingMaven(domain: string): JourneyTools {
		return {
			...noMaven,
			async runMaven({token, onLine}) {
				const admin = new CodeartifactClient(adminConfig(sandbox.current));
				const {repositoryEndpoint = ''} = await admin.send(new GetRepositoryEndpointCommand({domain, repository: 'maven-repo', format: 'maven'}));
				const url = `${repositoryEndpoint}${lang3}`;
				const response = await fetch(url, {headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`}});
				if (!response.ok) return {exitCode: 1, success: false};
				onLine(`[INFO] Downloaded from codeartifact: ${url} (28 kB at 1.2 MB/s)`);
				onLine('[INFO] BUILD SUCCESS');
				return {exitCode: 0, success: true};
			},
		};
	}

	it('shows the row Maven fetched at once, waits with a countdown until the repository lists it, then confirms it', async () => {
		const host = new ScriptedHost({domain: 'listed-later'});
		const {result} = await journey(host, {
			tools: fetchingMaven('listed-later'),
			...clockedWaits(clock),
			waits: {credentialWaitMs, listingWaitMs: 15_000 + listingMs},
		});
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		const rows = host.of('package').map(event => event.row);
		expect(rows.map(row => `${row.name} ${row.state}`)).toEqual(['commons-lang3 seen', 'commons-lang3 confirmed']);
		const lines = progressLines(host);
		expect(lines).toContain('Waiting for CodeArtifact to list 1 package Maven fetched (up to 20 s more)…');
		expect(lines.indexOf('1 packages in maven-repo')).toBeGreaterThan(lines.findIndex(line => line.startsWith('Waiting for CodeArtifact to list')));
		expect(host.of('note').map(note => note.message)).toContain(
			'CodeArtifact lists a package it fetched from an upstream a while after the fetch (on AWS up to about three minutes); Maven got it at once.',
		);
		expect(result.facts.build?.packages).toBe(1);
	});

	it('when the listing has not caught up by the end of the wait, says so plainly and how to look later; the build still counts the package', async () => {
		const host = new ScriptedHost({domain: 'still-unlisted'});
		const {result} = await journey(host, {
			tools: fetchingMaven('still-unlisted'),
			...clockedWaits(clock),
			waits: {credentialWaitMs, listingWaitMs: listingMs / 2},
		});
		expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(host.of('package').map(event => event.row.state)).toEqual(['seen']);
		expect(host.of('note').map(note => note.message)).toContain(
			'1 package Maven fetched is in maven-repo (the build got it) but not listed yet: AWS lists a package fetched from an upstream up to about three minutes after the fetch. ' +
				'See the listing later with: aws codeartifact list-packages --domain still-unlisted --repository maven-repo --endpoint-url "$AWS_ENDPOINT_URL"',
		);
		expect(result.facts.build?.packages).toBe(1);
		expect(host.of('note').map(note => note.message)).toContain('BUILD SUCCESS: 1 packages now in maven-repo, fetched through maven-central-store.');
	});
});
