import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';

it('shows the concept and what preflight found', async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'preflight', status: 'active'},
		{
			type: 'facts',
			step: 'preflight',
			facts: [
				{label: 'Identity', value: 'arn:aws:iam::111122223333:user/admin'},
				{label: 'Region', value: 'us-east-1'},
				{label: 'Maven', value: 'not found', tone: 'bad'},
			],
		},
		{type: 'progress', step: 'preflight', message: 'Looking for Java…'},
	]);
	const frame = await wizard.waitForText('Preflight');
	expect(frame).toContain('Who am I in AWS, in which region, on which machine?');
	expect(frame).toContain('Identity: arn:aws:iam::111122223333:user/admin');
	expect(frame).toContain('Maven:    not found');
	expect(frame).toContain('… Looking for Java…');
	expect(frame).toContain('● Preflight');
	expect(frame.trimEnd().split('\n').at(-1)).toBe('q quit');
});
