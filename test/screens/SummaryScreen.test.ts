import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {isCommandLine} from '../../source/screens/SummaryScreen.js';

it('shows what was made until the summary arrives', async () => {
	const wizard = renderWizard([
		{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'my-domain'}, reused: false},
		{type: 'resource', step: 'access', resource: {kind: 'iam-role', name: 'CodeArtifactBuildHost'}, reused: true},
		{type: 'step', step: 'summary', status: 'active'},
	]);
	const frame = await wizard.waitForText('+ created domain my-domain');
	expect(frame).toContain('= reused  iam-role CodeArtifactBuildHost');
	expect(frame.replace(/\s+/g, ' ')).toContain('how to undo it all');
});

const summary = [
	'Build: BUILD SUCCESS — 42 packages in maven-repo, fetched through maven-central-store from Maven Central.',
	'Created:',
	'  + ca-wizard-demo  arn:aws:codeartifact:us-east-1:549480709600:domain/ca-wizard-demo',
	'Files:',
	'  /tmp/work/settings.xml (backup: /tmp/work/settings.xml.bak)',
	'The sandbox stopped with the wizard; its state is kept. To use it again, in another shell:',
	'  ca-wizard sandbox --data /tmp/work/sandbox --port 7717 --print-env',
	'  then, in your shell, the export lines it prints (eval "$(… | grep ^export)").',
	'A token in a new shell (valid 12 h):',
	'  export CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain ca-wizard-demo --domain-owner 549480709600 --query authorizationToken --output text --region us-east-1)',
	'  mvn -s /tmp/work/settings.xml compile',
	'To undo, newest first:',
	'  mv /tmp/work/settings.xml.bak /tmp/work/settings.xml',
	'  aws codeartifact delete-domain --domain ca-wizard-demo --region us-east-1',
];

it('shows the summary without its commands, which are printed below the last frame where they can be copied', async () => {
	const wizard = renderWizard([{type: 'step', step: 'summary', status: 'active'}, {type: 'summary', lines: summary}], {columns: 80, rows: 40});
	const frame = await wizard.waitForText('ready to copy');
	expect(frame).toContain('Created:\n  + ca-wizard-demo');
	expect(frame).toContain('  /tmp/work/settings.xml (backup: /tmp/work/settings.xml.bak)');
	expect(frame).toContain('  then, in your shell, the export lines it prints');
	expect(frame).toContain('A token in a new shell (valid 12 h):\n  ↓ 2 commands, printed below\nTo undo, newest first:\n  ↓ 2 commands, printed below');
	expect(frame).not.toContain('get-authorization-token');
	expect(frame).not.toContain('delete-domain');
	expect(frame).not.toContain('ca-wizard sandbox --data');
	expect(frame).toContain('Commands are printed below the screen, ready to copy.');
	expect(frame).not.toContain('+ created domain');
});

it('tells commands from the other indented lines', () => {
	expect(summary.filter(isCommandLine)).toEqual([summary[6], summary[9], summary[10], summary[12], summary[13]]);
});

it('when rows are few, the lists of what was made are shortened first: headings, command lines and the note stay', async () => {
	const created = Array.from({length: 15}, (_, index) => `  + resource-${index}  arn:aws:codeartifact:us-east-1:549480709600:repository/demo/resource-${index}`);
	const wizard = renderWizard([{type: 'step', step: 'summary', status: 'active'}, {type: 'summary', lines: [summary[0]!, 'Created:', ...created, ...summary.slice(3)]}], {columns: 80, rows: 30});
	const frame = await wizard.waitForText('ready to copy');
	expect(frame).toContain('Created:\n  + resource-0');
	expect(frame).toMatch(/ {2}… \d+ more, printed below\nFiles:/);
	expect(frame).toContain('To undo, newest first:\n  ↓ 2 commands, printed below');
	expect(wizard.height()).toBeLessThan(30);
});
