import {expect, it} from 'vitest';
import {mergeSettings, settingsDiff} from '../../source/maven/settings-xml.js';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {Plan} from '../../source/wizard/plan.js';
import {keys, renderWizard} from '../helpers/render.js';
import {reachStep} from './journey-fixtures.js';

// A dry run's last screen: the plan, cut to fit 80×24 with the usual "v view all", which opens all of it.

const merged = mergeSettings(undefined, {id: 'codeartifact', url: 'http://127.0.0.1:7717/d/ca-wizard-demo-549480709600/maven/maven-repo/'});
const plan: Plan = {
	calls: [
		{service: 'codeartifact', operation: 'CreateDomain', parameters: {domain: 'ca-wizard-demo'}},
		{service: 'codeartifact', operation: 'CreateRepository', parameters: {domain: 'ca-wizard-demo', repository: 'maven-repo'}},
		{service: 'codeartifact', operation: 'CreateRepository', parameters: {domain: 'ca-wizard-demo', repository: 'maven-central-store'}},
		{
			service: 'codeartifact',
			operation: 'AssociateExternalConnection',
			parameters: {domain: 'ca-wizard-demo', repository: 'maven-central-store', externalConnection: 'public:maven-central'},
		},
		{
			service: 'codeartifact',
			operation: 'UpdateRepository',
			parameters: {domain: 'ca-wizard-demo', repository: 'maven-repo', upstreams: 'maven-central-store'},
		},
		{service: 'iam', operation: 'CreatePolicy', parameters: {policyName: 'ca-wizard-codeartifact-read-ca-wizard-demo'}},
		{
			service: 'iam',
			operation: 'AttachRolePolicy',
			parameters: {roleName: 'build-host-role', policyArn: 'arn:aws:iam::549480709600:policy/ca-wizard-codeartifact-read-ca-wizard-demo'},
		},
	],
	files: [{path: '/tmp/work/settings.xml', change: 'create', lines: merged.ok ? settingsDiff('', merged.text, '/tmp/work/settings.xml') : []}],
};
const events: WizardEvent[] = [...reachStep('summary'), {type: 'plan', plan}];

it('fits 80×24, and v shows the whole plan, down to the end of the settings.xml diff', async () => {
	const wizard = renderWizard(events, {columns: 80, rows: 24});
	const frame = await wizard.waitForText('v view all');
	expect(frame).toContain('Dry run: nothing was created, changed or written.');
	expect(frame).toContain('1. codeartifact CreateDomain domain=ca-wizard-demo');
	expect(frame).not.toContain('</settings>');
	expect(wizard.height()).toBeLessThan(24);
	await wizard.press('v');
	await wizard.press(...Array.from({length: 8}, () => keys.pageDown));
	const end = await wizard.waitForText('</settings>');
	expect(end).toContain('+</settings>');
	expect(wizard.height()).toBeLessThan(24);
});
