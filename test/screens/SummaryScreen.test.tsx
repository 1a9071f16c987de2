import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('shows what was made until the summary arrives, then the summary', async () => {
	const wizard = renderWizard([
		{type: 'resource', step: 'domain', resource: {kind: 'domain', name: 'my-domain'}, reused: false},
		{type: 'resource', step: 'access', resource: {kind: 'iam-role', name: 'CodeArtifactBuildHost'}, reused: true},
		{type: 'step', step: 'summary', status: 'active'},
	]);
	const frame = await wizard.waitForText('+ created domain my-domain');
	expect(frame).toContain('= reused  iam-role CodeArtifactBuildHost');
	expect(frame.replace(/\s+/g, ' ')).toContain('how to undo it all');
	wizard.host.notify({type: 'summary', lines: ['Your build now pulls through CodeArtifact.', '', 'Undo: ca-wizard destroy']});
	const after = await wizard.waitForText('Undo: ca-wizard destroy');
	expect(after).toContain('Your build now pulls through CodeArtifact.\n\nUndo: ca-wizard destroy');
	expect(after).not.toContain('+ created domain');
});
