import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {undoCommands} from '../../source/wizard/journey/undo-commands.js';
import {shellQuote} from '../../source/text/shell-quote.js';

// The undo commands are pasted into a shell: a path with a space must stay one word, or `rm`
// removes something else.

describe('undo commands, ready to paste', () => {
	it('quote a path with spaces or quotes as one word', () => {
		const [restore, remove] = undoCommands(
			[
				{kind: 'file', name: '/tmp/my dir/settings.xml', details: {path: "/tmp/my dir/it's/settings.xml"}},
				{kind: 'file', name: '/tmp/my dir/settings.xml', details: {path: '/tmp/my dir/settings.xml', backupPath: '/tmp/my dir/settings.xml.bak-1'}},
			],
			'',
		);
		expect(restore).toBe("mv '/tmp/my dir/settings.xml.bak-1' '/tmp/my dir/settings.xml'");
		expect(remove).toBe(`rm '/tmp/my dir/it'\\''s/settings.xml'`);
	});

	it('shellQuote gives back exactly the value, as the shell reads it', () => {
		for (const value of ['plain', 'with space', "it's", '$HOME', 'a"b', '', '`x`', 'tab\there']) {
			expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], {encoding: 'utf8'})).toBe(value);
		}
	});

	it('leave AWS names bare', () => {
		expect(undoCommands([{kind: 'domain', name: 'demo', details: {domain: 'demo'}}], ' --region eu-west-1')).toEqual([
			'aws codeartifact delete-domain --domain demo --region eu-west-1',
		]);
	});
});
