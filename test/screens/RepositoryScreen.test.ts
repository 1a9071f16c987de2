import {keys, renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('asks for the repository name, offering the default, and shows the repository', async () => {
	const wizard = renderWizard([{type: 'step', step: 'repository', status: 'active'}]);
	const answer = wizard.host.ask({
		kind: 'select',
		id: 'repository',
		message: 'Name the new repository',
		choices: [],
		default: 'maven-repo',
		custom: {label: 'Create a new repository…', default: 'maven-repo', validate: () => undefined},
	});
	const frame = await wizard.waitForText('› maven-repo');
	expect(frame).toContain('A repository is what your build talks to');
	await wizard.press(keys.enter);
	await expect(answer).resolves.toBe('maven-repo');
	wizard.host.notify({type: 'resource', step: 'repository', resource: {kind: 'repository', name: 'maven-repo'}, reused: false});
	wizard.host.notify({
		type: 'facts',
		step: 'repository',
		facts: [{label: 'Endpoint', value: 'https://d-1.d.codeartifact.us-east-1.amazonaws.com/maven/maven-repo/'}],
	});
	const after = await wizard.waitForText('+ Created repository maven-repo');
	expect(after).toContain('Endpoint: https://d-1.d.codeartifact.us-east-1.amazonaws.com/maven/maven-repo/');
});
