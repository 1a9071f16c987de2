import {describe, expect, it} from 'vitest';
import {consoleLinks} from '../../source/wizard/console-links.js';
import type {Summary} from '../../source/wizard/events.js';
import {summaryLines, summaryText} from '../../source/wizard/summary-lines.js';
import {exampleSummary} from '../helpers/example-summary.js';

it('words the summary as the plain output and the lines after the screens show it', () => {
	expect(summaryText(exampleSummary)).toEqual([
		'Build: BUILD SUCCESS — 42 packages in maven-repo, fetched through maven-central-store from Maven Central.',
		'Created by ca-wizard:',
		'  + ca-wizard-demo  arn:aws:codeartifact:us-east-1:549480709600:domain/ca-wizard-demo',
		'  + ca-wizard-build-host  (an earlier run)',
		'Already there, reused:',
		'  = maven-repo  arn:aws:codeartifact:us-east-1:549480709600:repository/ca-wizard-demo/maven-repo',
		'Files:',
		'  /tmp/work/settings.xml (backup: /tmp/work/settings.xml.bak)',
		'The sandbox stopped, its state kept. Start it in another shell, then eval here:',
		'  ca-wizard sandbox --data /tmp/work/sandbox --port 7717',
		'  eval "$(ca-wizard sandbox env --data /tmp/work/sandbox)"',
		'A fresh token for every build (a token lasts 12 h), or one in this shell:',
		`  ${exampleSummary.next[2]!.command}`,
		`  ${exampleSummary.next[3]!.command}`,
		'To undo what ca-wizard created here:',
		'  ca-wizard destroy --workdir /tmp/work --sandbox',
		'or by hand, newest first:',
		'  aws iam delete-role --role-name ca-wizard-build-host --region us-east-1',
		'  aws codeartifact delete-domain --domain ca-wizard-demo --region us-east-1',
	]);
});

it('marks the commands, and only them, as commands', () => {
	const commands = summaryLines(exampleSummary)
		.filter(line => line.kind === 'command')
		.map(line => line.text);
	expect(commands).toEqual([...exampleSummary.next.map(next => next.command), exampleSummary.destroy, ...exampleSummary.undo]);
});

it('says when nothing was created, and leaves out the sections it has nothing for', () => {
	const text = summaryText({...exampleSummary, created: [], reused: [], files: [], next: exampleSummary.next.slice(2), undo: []});
	expect(text.slice(1, 3)).toEqual(['Created by ca-wizard:', '  (nothing: everything already existed)']);
	expect(text.join('\n')).not.toMatch(/reused:|Files:|sandbox stopped|To undo/);
});

it("names no upstream for a repository the run left without one (someone else's, declined)", () => {
	const {upstream: _none, origins: _unknown, ...build} = exampleSummary.build;
	expect(summaryText({...exampleSummary, build})[0]).toBe('Build: BUILD SUCCESS — 42 packages in maven-repo.');
});

it('a real-AWS summary links the console (domain, repository, its packages, the role), each whole on a line of its own; a sandbox one does not', () => {
	const links = consoleLinks({region: 'eu-west-1', account: '123456789012', domain: 'ca-wizard-demo', repository: 'maven-repo', role: 'build-host-role'});
	const lines = summaryLines({...exampleSummary, console: links});
	expect(lines.filter(line => line.kind === 'link').map(line => line.text)).toEqual([links.domain, links.repository, links.packages, links.role]);
	const text = summaryText({...exampleSummary, console: links});
	const heading = text.indexOf("In the AWS console: the domain, the repository, its packages and the build host's role:");
	expect(text.slice(heading + 1, heading + 5)).toEqual([`  ${links.domain}`, `  ${links.repository}`, `  ${links.packages}`, `  ${links.role}`]);
	expect(summaryText(exampleSummary).join('\n')).not.toContain('console');
	const {role: _none, ...withoutRole} = links;
	expect(summaryText({...exampleSummary, console: withoutRole})).toContain('In the AWS console: the domain, the repository and its packages:');
});

describe('where the packages came from, as CodeArtifact recorded it', () => {
	const heading = (build: Partial<Summary['build']>) => summaryText({...exampleSummary, build: {...exampleSummary.build, ...build}})[0];
	const central = {kind: 'external-connection' as const, name: 'public:maven-central'};

	it('Maven Central only when every package came through public:maven-central from Maven Central itself', () => {
		expect(heading({})).toBe('Build: BUILD SUCCESS — 42 packages in maven-repo, fetched through maven-central-store from Maven Central.');
		expect(heading({mavenCentralSource: 'local Maven repository /home/me/.m2/repository'})).toBe(
			'Build: BUILD SUCCESS — 42 packages in maven-repo, fetched through maven-central-store from local Maven repository /home/me/.m2/repository, standing in for Maven Central.',
		);
	});

	it('names each origin with its count when they differ: another upstream, packages published to a repository', () => {
		expect(
			heading({
				origins: [
					{...central, packages: 30},
					{kind: 'repository', name: 'team-libs', packages: 10},
					{kind: 'external-connection', name: 'public:npmjs', packages: 2},
				],
			}),
		).toBe('Build: BUILD SUCCESS — 42 packages in maven-repo: 30 from Maven Central, 10 published to team-libs, 2 from public:npmjs.');
		expect(heading({origins: [{kind: 'repository', name: 'maven-repo', packages: 42}]})).toBe(
			'Build: BUILD SUCCESS — 42 packages in maven-repo, all published to maven-repo.',
		);
	});

	it('claims no origin it does not know', () => {
		expect(heading({origins: []})).toBe('Build: BUILD SUCCESS — 42 packages in maven-repo, fetched through maven-central-store.');
		expect(heading({origins: [{...central, packages: 40}]})).toBe('Build: BUILD SUCCESS — 42 packages in maven-repo: 40 from Maven Central.');
		expect(heading({packages: 0, origins: []})).toBe('Build: BUILD SUCCESS — 0 packages in maven-repo.');
	});
});
