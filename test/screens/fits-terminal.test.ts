import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {renderWizard} from '../helpers/render.js';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {Question} from '../../source/wizard/questions.js';
import {accessEvents, createAccess, hostPublish, publishEvents, reachStep, settingsEvents, tokenEvents, tokenFix, writeSettings} from './journey-fixtures.js';

// Whatever the screen, the frame fits the terminal: the rail stays on top, the question and
// the keys at the bottom (Ink redraws a taller frame from the top of the screen, rail gone).

const preflight: WizardEvent[] = [
	...reachStep('preflight'),
	{
		type: 'facts',
		step: 'preflight',
		facts: [
			{label: 'Identity', value: 'arn:aws:iam::549480709600:user/sandbox-admin'},
			{label: 'Account', value: '549480709600'},
			{label: 'Region', value: 'us-east-1'},
			{label: 'EC2 build host', value: 'i-4394d90c444055828 (us-east-1a)'},
			{label: 'Instance profile', value: 'arn:aws:iam::549480709600:instance-profile/build-host-profile'},
			{label: 'Instance role', value: 'build-host-role'},
			{label: 'Java', value: 'openjdk version "17.0.15" 2025-04-15'},
			{label: 'Maven', value: 'Apache Maven 3.8.7'},
		],
	},
	{
		type: 'note',
		step: 'preflight',
		tone: 'warning',
		message: 'Maven was not found: the AWS steps work, but the build step will need Maven (3.8+) on the PATH.',
	},
];
const project: Question = {
	kind: 'select',
	id: 'project-choice',
	message: 'Which Maven project should the build step compile?',
	choices: [{value: 'demo', label: 'The bundled demo project', hint: 'Copied to /tmp/ui-check-1/demo-project, and built there.'}],
	default: 'demo',
};
const domains: Question = {
	kind: 'select',
	id: 'domain',
	message: 'Use an existing domain, or create one?',
	choices: Array.from({length: 12}, (_, index) => ({value: `domain-${index}`, label: `domain-${index}`, hint: `owned by 549480709600, ${index} repositories`})),
	default: 'domain-0',
	custom: {label: 'Create a new domain…', default: 'ca-wizard-demo', validate: () => undefined},
	canGoBack: true,
};

// Wide characters take two columns: a screen planned one column per code point overflows.
const wide: WizardEvent[] = [
	...reachStep('preflight'),
	{
		type: 'facts',
		step: 'preflight',
		facts: [
			{label: 'Identity', value: 'arn:aws:iam::549480709600:user/开发者-构建主机-管理员-账户-二〇二六年十二月'},
			{label: 'Project', value: '/home/ユーザー/プロジェクト/マイクロサービス/在庫管理システム/バックエンド/pom.xml'},
		],
	},
	{type: 'note', step: 'preflight', tone: 'warning', message: '🚧🚧 構築ホストの設定を確認してください 🚧🚧 '.repeat(4)},
];
const wideProject: Question = {
	kind: 'select',
	id: 'project-choice',
	message: 'Which Maven project should the build step compile?',
	choices: [
		{value: 'current', label: `このフォルダーのプロジェクト ${'📦'.repeat(30)}`},
		{value: 'demo', label: 'デモプロジェクト'},
	],
	default: 'current',
};

const scenarios: Array<{name: string; events: WizardEvent[]; question?: Question}> = [
	{name: 'preflight', events: preflight, question: project},
	{name: 'preflight with wide characters', events: wide, question: wideProject},
	{
		name: 'domain with many domains',
		events: [...reachStep('domain'), {type: 'progress', step: 'domain', message: '12 domains found', done: true}],
		question: domains,
	},
	{
		name: "upstream of someone else's repository",
		events: [
			...reachStep('upstream'),
			{type: 'progress', step: 'upstream', message: 'team-libraries-for-every-service does not reach public:maven-central yet', done: true},
		],
		question: {
			kind: 'confirm',
			id: 'shared-upstream',
			message: 'Change team-libraries-for-every-service, which ca-wizard did not create, by adding maven-central-store as its upstream?',
			detail: `12 repositories list team-libraries-for-every-service as an upstream (${Array.from({length: 5}, (_, index) => `service-${index}-builds`).join(', ')}, …). Every build that uses team-libraries-for-every-service or them will then fetch from Maven Central through maven-central-store. No leaves it as it is.`,
			default: false,
			canGoBack: true,
		},
	},
	{
		name: 'upstream already reached',
		events: [
			...reachStep('upstream'),
			{type: 'resource', step: 'upstream', resource: {kind: 'repository', name: 'central-proxy'}, reused: true},
			{type: 'resource', step: 'upstream', resource: {kind: 'upstream-link', name: 'libs → central-proxy'}, reused: true},
			{
				type: 'note',
				step: 'upstream',
				tone: 'success',
				message:
					'acme/libs already reaches Maven Central. This host is onboarded to it as it is, via libs → team-proxy → central-proxy → public:maven-central; nothing shared is changed.',
			},
		],
	},
	{name: 'access', events: accessEvents, question: createAccess},
	{name: 'token refused', events: tokenEvents, question: tokenFix},
	{name: 'settings', events: settingsEvents, question: writeSettings},
	{
		name: 'build',
		events: [
			...reachStep('build'),
			{type: 'progress', step: 'build', message: 'Running mvn compile…'},
			...Array.from({length: 20}, (_, index): WizardEvent => ({type: 'maven-output', line: `[INFO] line ${index}`})),
			...Array.from({length: 40}, (_, index): WizardEvent => ({
				type: 'package',
				row: {name: `artifact-${index}`, namespace: 'org.example', format: 'maven', latestVersion: '1.0', publish: '', upstream: '', state: 'seen'},
			})),
		],
	},
	{name: 'publish', events: publishEvents, question: hostPublish},
];

describe.each([
	{columns: 80, rows: 24},
	{columns: 120, rows: 45},
	{columns: 100, rows: 30},
])('at $columns×$rows', size => {
	it.each(scenarios)('$name fits, with the rail on top and the keys last', async ({events, question}) => {
		const wizard = renderWizard(events, size);
		if (question) void wizard.host.ask(question);
		const frame = await wizard.waitForText(question ? `? ${question.message.slice(0, 20)}` : 'q quit');
		const lines = frame.split('\n');
		expect(lines[0]).toMatch(/^ca-wizard · step \d{1,2} of 10$/);
		expect(lines.at(-1)).toMatch(/q quit$/);
		expect(wizard.height()).toBeLessThan(size.rows);
		expect(lines.filter(line => stringWidth(line) > size.columns)).toEqual([]);
		// Where something was cut, v shows the step's whole text in a window that fits too.
		if (!frame.includes('v view all')) return;
		await wizard.press('v');
		const open = await wizard.waitForText('v close');
		expect(open.split('\n')[0]).toMatch(/^ca-wizard · step \d{1,2} of 10$/);
		expect(wizard.height()).toBeLessThan(size.rows);
		expect(open.split('\n').filter(line => stringWidth(line) > size.columns)).toEqual([]);
	});
});
