import {createHash} from 'node:crypto';
import {CodeartifactClient, PublishPackageVersionCommand} from '@aws-sdk/client-codeartifact';
import stringWidth from 'string-width';
import {beforeAll, expect, it} from 'vitest';
import {keys, renderWizard} from '../helpers/render.js';
import {journeyOn} from '../helpers/journey.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {Answer, Question} from '../../source/wizard/questions.js';
import {steps} from '../../source/wizard/steps.js';
import {wrapRows} from '../../source/components/text-rows.js';

// The screens a learner meets on a first run, from the events the real journey sends against
// a fresh sandbox (its refusals worded as AWS words them), drawn at 80×24.
const sandbox = useSandbox();
const journey = journeyOn(sandbox);

/** Keeps, for every question, the events that came before it: the screen it was asked on. */
class TimelineHost extends ScriptedHost {
	readonly asked: {question: Question; before: WizardEvent[]}[] = [];

	override async ask<Q extends Question>(question: Q): Promise<Answer<Q>> {
		this.asked.push({question, before: [...this.events]});
		return super.ask(question);
	}
}

const host = new TimelineHost();

beforeAll(async () => {
	const {result} = await journey(host);
	expect(result.status).toBe('completed');
});

/** The app at 80×24 as it stood when `id` was asked (in `run`), with that question waiting. */
async function wizardAt(id: string, run: TimelineHost = host) {
	const moment = run.asked.find(entry => entry.question.id === id);
	if (!moment) throw new Error(`The journey never asked ${id}`);
	const wizard = renderWizard(moment.before, {columns: 80, rows: 24});
	void wizard.host.ask(moment.question);
	await wizard.waitForText(`? ${moment.question.message.slice(0, 30)}`);
	fits(wizard.frame());
	return wizard;
}

async function screenAt(id: string, run: TimelineHost = host): Promise<string[]> {
	return (await wizardAt(id, run)).frame().split('\n');
}

/** Every frame line fits 80 columns, and the frame 24 rows (with the row Ink keeps for its cursor). */
function fits(frame: string): void {
	const lines = frame.split('\n');
	expect(lines.length).toBeLessThan(24);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
}

/** A paragraph's words, however it was wrapped. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

it("the token's refusal: AWS's own code and message, verbatim, under the plain explanation; the asking marked refused", async () => {
	const lines = await screenAt('token-fix');
	const inside = lines.filter(line => line.startsWith('│ ')).map(line => line.slice(2).replace(/\s*│$/, ''));
	const aws = inside.findIndex(row => row.startsWith('AccessDeniedException: '));
	expect(aws).toBeGreaterThan(inside.findIndex(row => row.startsWith('Role build-host-role may not call codeartifact:GetAuthorizationToken.')));
	const said = inside.slice(aws).join(' ');
	expect(said).toMatch(
		/^AccessDeniedException: User: arn:aws:sts::\d{12}:assumed-role\/build-host-role\/i-\w+ is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:\d{12}:domain\/ca-wizard-demo/,
	);
	// Exactly the words the real journey reported, nothing cut.
	const problem = host.of('warning').find(event => event.step === 'token')?.problem;
	expect(said).toBe(`${problem?.awsError?.code}: ${problem?.awsError?.message}`);
	expect(lines.join('\n')).not.toMatch(/✔ Asked|… \d+ more lines/);
});

it('an account with no domain yet: a neutral mark, not "✔ 0 domains found"', async () => {
	const lines = await screenAt('domain');
	expect(lines).toContain(`ℹ No domains yet in this account and ${sandbox.current.region}`);
	expect(lines.join('\n')).not.toMatch(/✔ 0 /);
	const repository = await screenAt('repository');
	expect(repository).toContain('ℹ No repositories yet in ca-wizard-demo');
});

it('explanations are not cut to one line: the IAM one is whole beside the policy; where a screen has no room, v shows it whole', async () => {
	const access = (await screenAt('create-access')).join('\n');
	expect(words(access)).toContain(words(steps.access.concept));
	expect(access).toContain('v view all');

	const token = await wizardAt('token-fix');
	expect(words(token.frame())).not.toContain(words(steps.token.concept));
	expect(token.frame()).toContain('v view all');
	await token.press('v');
	await token.waitForText('v close');
	const seen: string[] = [];
	for (let page = 0; page < 10; page++) {
		seen.push(
			...token
				.frame()
				.split('\n')
				.map(line => line.trim()),
		);
		fits(token.frame());
		if (/lines \d+–(\d+) of \1\b/.test(token.frame()) || !token.frame().includes('lines ')) break;
		await token.press(keys.pageDown);
	}
	// Every row of the explanation, wrapped to the terminal, was on screen in the view.
	for (const row of wrapRows(steps.token.concept, 80)) expect(seen).toContain(row.trim());
	// The question waits all along.
	expect(token.frame()).toContain('? How should the wizard fix this?');
});

it('a warning that bears on the question is on screen before it at 80×24, and v starts with it', async () => {
	const corporate = new TimelineHost();
	const {result} = await journey(corporate, {
		settings: [
			'<?xml version="1.0" encoding="UTF-8"?>',
			'<settings>',
			'  <mirrors>',
			'    <mirror>',
			'      <id>corporate-nexus</id>',
			'      <mirrorOf>*</mirrorOf>',
			'      <url>https://nexus.example.com/repository/maven-public/</url>',
			'    </mirror>',
			'  </mirrors>',
			'</settings>',
			'',
		].join('\n'),
	});
	expect(result.status).toBe('completed');
	const warning = corporate.of('note').find(note => note.step === 'settings' && note.tone === 'warning')?.message ?? '';
	expect(warning).toContain('The mirror "corporate-nexus"');
	const wizard = await wizardAt('write-settings', corporate);
	const frame = wizard.frame();
	const at = frame.indexOf('⚠ The mirror "corporate-nexus"');
	expect(at).toBeGreaterThan(-1);
	expect(at).toBeLessThan(frame.indexOf('? Write this change to'));
	expect(words(frame.slice(at + 2, frame.indexOf('? Write this change to')))).toContain(words(warning));
	await wizard.press('v');
	await wizard.waitForText('v close');
	fits(wizard.frame());
	// The view's first row, under the step's title, is the warning.
	const lines = wizard.frame().split('\n');
	expect(lines[lines.indexOf('settings.xml') + 1]).toMatch(/^⚠ The mirror "corporate-nexus"/);
});

it('a repository that already holds packages shows its own count, not "Packages (0)"', async () => {
	const client = new CodeartifactClient(adminConfig(sandbox.current));
	for (const name of ['kit', 'tools', 'templates']) {
		const bytes = Buffer.from(`${name} bytes`);
		await client.send(
			new PublishPackageVersionCommand({
				domain: 'ca-wizard-demo',
				repository: 'maven-repo',
				format: 'generic',
				namespace: 'team',
				package: name,
				packageVersion: '1.0.0',
				assetName: `${name}.tar.gz`,
				assetContent: bytes,
				assetSHA256: createHash('sha256').update(bytes).digest('hex'),
			}),
		);
	}
	const again = new TimelineHost();
	expect((await journey(again, {mavenCentralSource: true})).result.status).toBe('completed');
	// The sandbox's offline folder is named as what it is, for packages that come through public:maven-central.
	expect(again.of('summary')[0]?.summary.build.mavenCentralSource).toBe(sandbox.current.mavenCentralSource());
	expect(sandbox.current.mavenCentralSource()).toMatch(/^local Maven repository \//);
	const lines = await screenAt('local-repository', again);
	// The three, and the sample package the first journey here published.
	expect(lines).toContain('Packages (4)');
	expect(lines).toContain('4 already in the repository; those Maven fetches appear here.');
	expect(lines.join('\n')).not.toContain('Packages (0)');

	// The summary names where they came from as CodeArtifact recorded it: published there, not "from Maven Central".
	const summary = renderWizard(again.events, {columns: 80, rows: 24});
	const frame = await summary.waitForText('Created by ca-wizard');
	fits(frame);
	expect(words(frame)).toContain('Build: BUILD SUCCESS — 4 packages in maven-repo, all published to maven-repo.');
	expect(frame).not.toContain('Maven Central');
});
