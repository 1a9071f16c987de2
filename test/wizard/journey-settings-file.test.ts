import {chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {journeyOn} from '../helpers/journey.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

const placeholder = '${env.CODEARTIFACT_AUTH_TOKEN}';

describe('the settings.xml the journey is given', () => {
	const journey = journeyOn(useSandbox());

	/** The run stops in preflight with a sentence and its fix, creates nothing, and leaves the file as it was. */
	async function refusedUpFront(settings: string | Buffer, code = 'SettingsUnreadable') {
		const host = new ScriptedHost();
		const {result, ledger, settingsPath} = await journey(host, {settings});
		expect(result).toMatchObject({status: 'stopped', step: 'preflight'});
		expect(ledger.resources).toEqual([]);
		expect(host.of('resource')).toEqual([]);
		expect(readFileSync(settingsPath)).toEqual(Buffer.from(settings));
		const {problem} = host.of('problem').at(-1)!;
		expect(problem.code).toBe(code);
		expect(problem.message).toMatch(/Nothing was created or written\.$/);
		expect(problem.fix).toContain('--settings PATH');
		return problem;
	}

	it('a DOCTYPE or a second <servers> (Maven stops on both) is refused before anything is created', async () => {
		expect((await refusedUpFront('<!DOCTYPE settings [<!ENTITY h "/x">]>\n<settings><localRepository>&h;</localRepository></settings>\n')).message).toContain(
			'line 1, column 1: a <!DOCTYPE>',
		);
		expect((await refusedUpFront('<settings>\n  <servers/>\n  <servers/>\n</settings>\n')).message).toContain('line 3, column 3: a second <servers>');
	});

	it("bytes that are not valid in the file's encoding are refused, never rewritten as U+FFFD", async () => {
		const problem = await refusedUpFront(Buffer.from('<settings>\n  <localRepository>/home/jos\xe9/m2</localRepository>\n</settings>\n', 'latin1'));
		expect(problem.message).toContain('line 2 holds bytes that are not valid UTF-8');
		expect(problem.fix).toContain('encoding="ISO-8859-1"');
	});

	it('a folder, or a read-only file, is a sentence with the fix, not a stack trace; the file keeps its mode', async () => {
		const workDir = temporaryDirectory('ca-wizard-steps-');
		const folder = join(workDir, 'settings.xml');
		mkdirSync(folder);
		const host = new ScriptedHost();
		const {result} = await journey(host, {workDir, settingsPath: folder});
		expect(result).toMatchObject({status: 'stopped', step: 'preflight'});
		expect(host.of('problem')[0]!.problem).toMatchObject({
			code: 'SettingsUnreadable',
			message: `${folder}: this is a folder, not a file. Nothing was created or written.`,
		});

		const readOnly = join(temporaryDirectory('ca-wizard-steps-'), 'settings.xml');
		writeFileSync(readOnly, '<settings/>\n', {mode: 0o444});
		const second = new ScriptedHost();
		const stopped = await journey(second, {settingsPath: readOnly});
		expect(stopped.result).toMatchObject({status: 'stopped', step: 'preflight'});
		expect(stopped.ledger.resources).toEqual([]);
		expect(second.of('problem')[0]!.problem).toMatchObject({
			code: 'SettingsNotWritable',
			message: `${readOnly}: this file is read-only, and ca-wizard does not replace a file you protected. Nothing was created or written.`,
			fix: expect.stringContaining(`chmod u+w ${readOnly}`),
		});
		expect(statSync(readOnly).mode & 0o777).toBe(0o444);
		expect(readFileSync(readOnly, 'utf8')).toBe('<settings/>\n');
	});

	it('a read-only file that already has our configuration needs no write: the run goes through and leaves it read-only', async () => {
		const first = await journey(new ScriptedHost());
		expect(first.result.status).toBe('completed');
		chmodSync(first.settingsPath, 0o444);
		const host = new ScriptedHost();
		expect((await journey(host, {workDir: first.workDir})).result.status).toBe('completed');
		expect(host.of('note').map(n => n.message)).toContain(`${first.settingsPath} already has this configuration.`);
		expect(statSync(first.settingsPath).mode & 0o777).toBe(0o444);
	});

	it('ISO-8859-1 is written back in ISO-8859-1, byte for byte outside our block', async () => {
		const head = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<settings>\n  <localRepository>/home/jos\xe9/m2</localRepository>\n';
		const before = Buffer.from(`${head}</settings>\n`, 'latin1');
		const {result, settingsPath} = await journey(new ScriptedHost(), {settings: before});
		expect(result.status).toBe('completed');
		const after = readFileSync(settingsPath);
		expect(after.subarray(0, head.length)).toEqual(before.subarray(0, head.length));
		expect(after.subarray(-'</settings>\n'.length).toString('latin1')).toBe('</settings>\n');
		expect(after.includes(Buffer.from('\ufffd'))).toBe(false);
		expect(after.toString('latin1')).toContain(`<password>${placeholder}</password>`);
		const backup = readdirSync(join(settingsPath, '..')).find(name => name.startsWith('settings.xml.bak-'))!;
		expect(readFileSync(join(settingsPath, '..', backup))).toEqual(before);
	});

	it('someone else\'s "codeartifact" server is kept: ours takes a free id, says so, and a second run finds it again', async () => {
		const theirs = '<server><id>codeartifact</id><username>deploy</username><password>hunter2-literal</password></server>';
		const settings = `<settings>\n  <servers>\n    ${theirs}\n  </servers>\n</settings>\n`;
		const host = new ScriptedHost();
		const {result, settingsPath, workDir} = await journey(host, {settings});
		expect(result.status).toBe('completed');
		const written = readFileSync(settingsPath, 'utf8');
		expect(written).toContain(`    ${theirs}\n`);
		for (const element of ['server', 'mirror', 'profile', 'repository', 'pluginRepository'])
			expect(written).toMatch(new RegExp(`<${element}>\\s*<id>codeartifact-2</id>`));
		expect(written).toContain('<activeProfile>codeartifact-2</activeProfile>');
		expect(
			host
				.of('note')
				.map(n => n.message)
				.join('\n'),
		).toMatch(/already has a server with the id "codeartifact" that ca-wizard did not write.*use the id "codeartifact-2"/);
		// The literal password was in the context of the diff: masked there, as in every event.
		expect(host.of('diff')[0]!.lines).toContain(`     ${theirs.replace('hunter2-literal', '********')}`);
		expect(JSON.stringify(host.events)).not.toContain('hunter2');

		const again = new ScriptedHost();
		expect((await journey(again, {workDir})).result.status).toBe('completed');
		expect(again.of('note').map(n => n.message)).toContain(`${settingsPath} already has this configuration.`);
		expect(readFileSync(settingsPath, 'utf8')).toBe(written);
	});
});
