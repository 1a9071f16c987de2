import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// The publish step against the sandbox: the operator's credentials publish a sample generic
// package, the repository lists it as published here (origin INTERNAL, publish ALLOW /
// upstream BLOCK), the download's SHA-256 is checked and the archive unpacked. A second run in
// the same folder finds 1.0.0 taken and takes the next free version.

const sandbox = useSandbox();

describe('the publish step', () => {
	const journey = journeyOn(sandbox);

	it('publishes, lists the row, checks the download; a second run takes the next version', {timeout: 60_000}, async () => {
		const host = new ScriptedHost();
		const run = await journey(host);
		expect(run.result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(host.questions.find(question => question.id === 'publish')?.default).toBe(true);

		const [published] = host.of('published');
		expect(published).toMatchObject({
			format: 'generic',
			namespace: 'ca-wizard',
			package: 'hello-ca-wizard',
			version: '1.0.0',
			origin: 'INTERNAL',
			publish: 'ALLOW',
			upstream: 'BLOCK',
			asset: {name: 'hello-ca-wizard-1.0.0.tar.gz', sha256: expect.stringMatching(/^[0-9a-f]{64}$/)},
		});
		const [verified] = host.of('verified');
		expect(verified).toMatchObject({matches: true, sha256: published?.asset.sha256, files: ['hello-ca-wizard.txt']});
		const unpacked = join(verified?.unpackedInto ?? '', 'hello-ca-wizard.txt');
		expect(readFileSync(unpacked, 'utf8')).toBe(readFileSync(join(run.workDir, 'publish', 'hello-ca-wizard.txt'), 'utf8'));

		// Recorded, so the summary lists it and undo names the command that deletes it.
		expect(run.ledger.resources.filter(resource => resource.kind === 'package-version').map(resource => resource.name)).toEqual([
			'ca-wizard/hello-ca-wizard 1.0.0',
		]);
		const summary = host.of('summary')[0]?.summary;
		expect(summary?.published).toEqual({namespace: 'ca-wizard', package: 'hello-ca-wizard', version: '1.0.0', repository: 'maven-repo', verified: true});
		expect(summary?.undo.join('\n')).toContain('aws codeartifact delete-package-versions');
		// The build host's policy was not touched: the question defaults to no.
		expect(host.questions.find(question => question.id === 'host-publish')?.default).toBe(false);
		expect(run.ledger.resources.some(resource => resource.name.endsWith('(publish statement)'))).toBe(false);

		const again = new ScriptedHost();
		const second = await journey(again, {workDir: run.workDir});
		expect(second.result.status, JSON.stringify(again.of('problem'))).toBe('completed');
		const asked = again.questions.find(question => question.id === 'publish-version');
		expect(asked?.default).toBe('1.0.1');
		expect(again.of('note').map(note => note.message)).toContainEqual(expect.stringContaining('1.0.0 is already published'));
		expect(again.of('published')[0]).toMatchObject({version: '1.0.1', origin: 'INTERNAL'});
	});

	it('--publish no skips it: nothing published, nothing recorded', {timeout: 60_000}, async () => {
		const host = new ScriptedHost({publish: false});
		const run = await journey(host);
		expect(run.result.status).toBe('completed');
		expect(host.of('published')).toEqual([]);
		expect(run.ledger.resources.some(resource => resource.kind === 'package-version')).toBe(false);
		expect(existsSync(join(run.workDir, 'publish'))).toBe(false);
		expect(host.of('summary')[0]?.summary.published).toBeUndefined();
	});

	it('a yes to host-publish adds the named statement to the wizard policy as a new version', {timeout: 60_000}, async () => {
		// A domain of its own: its policy is this run's (another run's policy is never offered the statement).
		const host = new ScriptedHost({domain: 'publish-host', 'host-publish': true});
		const run = await journey(host);
		expect(run.result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(host.questions.map(question => question.id)).toContain('host-publish');
		const policyArn = run.ledger.resources.find(resource => resource.kind === 'iam-policy')?.arn ?? '';
		const document = JSON.parse((await run.aws.iam.getPolicyDocument(policyArn)) ?? '{}') as {Statement: {Sid: string; Action: string[]}[]};
		expect(document.Statement.map(statement => statement.Sid)).toContain('PublishGenericPackages');
		expect(document.Statement.find(statement => statement.Sid === 'PublishGenericPackages')?.Action).toContain('codeartifact:PublishPackageVersion');
		expect(run.ledger.resources).toContainEqual(expect.objectContaining({kind: 'iam-policy', details: expect.objectContaining({versionOf: policyArn})}));
	});
});
