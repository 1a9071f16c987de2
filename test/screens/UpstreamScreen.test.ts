import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('asks yes or no, and n answers no', async () => {
	const wizard = renderWizard([{type: 'step', step: 'upstream', status: 'active'}]);
	const answer = wizard.host.ask({kind: 'confirm', id: 'upstream', message: 'Connect maven-repo to Maven Central through maven-central-store?', default: true});
	const frame = await wizard.waitForText('› (Y/n)');
	expect(frame).toContain('public:maven-central');
	expect(frame).toContain('y/n · Enter yes · q quit');
	await wizard.press('n');
	await expect(answer).resolves.toBe(false);
});

it('shows the connection and the link it made', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'upstream', status: 'active'},
		{type: 'resource', step: 'upstream', resource: {kind: 'external-connection', name: 'public:maven-central on maven-central-store'}, reused: true},
		{type: 'resource', step: 'upstream', resource: {kind: 'upstream-link', name: 'maven-repo → maven-central-store'}, reused: false},
	]);
	const frame = await wizard.waitForText('upstream link');
	expect(frame).toContain('= Reused external connection public:maven-central on maven-central-store');
	expect(frame).toContain('+ Created upstream link maven-repo → maven-central-store');
});
