import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {applyLine, hostSetup} from '../../source/commands/host-token.js';
import {parseInvocation} from '../../source/commands/parse-invocation.js';
import {commands, defaultCommand} from '../../source/commands/registry.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// The wizard line a token refusal names as its fix (token, exec, doctor): pasted on a workshop
// participant's host it must reach that participant's set-up, not choose another repository or
// another participant's names.

const installed = {PATH: ''}; // nothing named ca-wizard on it: the line starts as this process would be run

it("names the participant, the work folder and the repository the host's run record holds", async () => {
	const workDir = join(temporaryDirectory(), 'ca-wizard-work-p9');
	mkdirSync(workDir);
	const repository = {kind: 'repository', name: 'p9-maven-repo', state: 'created', details: {domain: 'p9-ca-wizard-demo', repository: 'p9-maven-repo'}};
	const store = {
		kind: 'repository',
		name: 'p9-maven-central-store',
		state: 'created',
		details: {domain: 'p9-ca-wizard-demo', repository: 'p9-maven-central-store'},
	};
	writeFileSync(
		join(workDir, 'ca-wizard-run.json'),
		JSON.stringify({version: 2, startedAt: new Date().toISOString(), participant: 'p9', resources: [repository, store]}),
	);
	const setup = await hostSetup(workDir, join(workDir, 'settings.xml'), 'p9-ca-wizard-demo');
	expect(setup).toEqual({workDir, participant: 'p9', repository: 'p9-maven-repo'});

	const line = applyLine('p9-ca-wizard-demo', {kind: 'sandbox-url', url: 'http://10.0.0.5:7717'}, setup, installed);
	const words = line.split(' ');
	const invocation = parseInvocation(words.slice(words.indexOf('--participant')), commands, defaultCommand);
	expect(invocation).toMatchObject({
		kind: 'run',
		command: {name: ''},
		values: {participant: 'p9', workdir: workDir, domain: 'p9-ca-wizard-demo', repository: 'p9-maven-repo', 'sandbox-url': 'http://10.0.0.5:7717'},
	});
});

it('without a run record: the work folder and the domain, and nothing guessed', async () => {
	const workDir = temporaryDirectory();
	const setup = await hostSetup(workDir, join(workDir, 'settings.xml'), 'acme');
	expect(setup).toEqual({workDir});
	expect(applyLine('acme', {kind: 'aws', profile: 'dev'}, setup, installed)).toMatch(new RegExp(` --workdir ${workDir} --domain acme --profile dev`));
});
