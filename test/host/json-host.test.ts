import {describe, expect, it} from 'vitest';
import {createJsonHost} from '../../source/host/json-host.js';
import type {Question} from '../../source/wizard/questions.js';
import {exampleSummary} from '../helpers/example-summary.js';
import {refusedMessage, refusedToken} from '../helpers/refused-token.js';

const upstream: Question = {kind: 'confirm', id: 'upstream', message: 'Connect to Maven Central?', default: true};
const repository: Question = {kind: 'text', id: 'repository', message: 'Name the repository', default: 'maven-repo'};

function setup(answers: Record<string, string> = {}, yes = false) {
	let text = '';
	const host = createJsonHost({out: {write: chunk => (text += chunk)}, answers, yes});
	return {
		host,
		lines: () =>
			text
				.trimEnd()
				.split('\n')
				.map(line => JSON.parse(line) as Record<string, unknown>),
	};
}

describe('createJsonHost', () => {
	it('writes each event as one JSON line', () => {
		const {host, lines} = setup();
		host.notify({type: 'step', step: 'build', status: 'active'});
		host.notify({type: 'maven-output', line: '[INFO] "quoted"\tand tabbed'});
		expect(lines()).toEqual([
			{type: 'step', step: 'build', status: 'active'},
			{type: 'maven-output', line: '[INFO] "quoted"\tand tabbed'},
		]);
	});

	it('writes the summary as its structure, not as text lines', () => {
		const {host, lines} = setup();
		host.notify({type: 'summary', summary: exampleSummary});
		expect(lines()).toEqual([{type: 'summary', summary: exampleSummary}]);
	});

	it('answers from flags, then from defaults under --yes, and writes an answer line', async () => {
		const {host, lines} = setup({upstream: 'no'}, true);
		await expect(host.ask(upstream)).resolves.toBe(false);
		await expect(host.ask(repository)).resolves.toBe('maven-repo');
		expect(lines()).toEqual([
			{type: 'answer', id: 'upstream', message: 'Connect to Maven Central?', value: false, from: 'flag'},
			{type: 'answer', id: 'repository', message: 'Name the repository', value: 'maven-repo', from: 'default'},
		]);
	});

	it('refuses at once, naming the flag, when nothing answers', async () => {
		await expect(setup().host.ask(repository)).rejects.toThrow(
			'No terminal to ask "Name the repository": pass --repository VALUE, or --yes to take the defaults.',
		);
	});

	it("carries AWS's own error code and message with a problem, word for word", () => {
		const {host, lines} = setup();
		host.notify(refusedToken);
		expect(lines()[0]).toMatchObject({problem: {awsError: {code: 'AccessDeniedException', message: refusedMessage}}});
	});
});
