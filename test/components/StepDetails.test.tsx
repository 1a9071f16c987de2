import {renderInk} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import {MavenTail} from '../../source/components/MavenTail.js';
import {StepFrame} from '../../source/components/StepFrame.js';
import {StepLog} from '../../source/components/StepLog.js';
import {initialViewState} from '../../source/wizard/view-state.js';

describe('step details', () => {
	it('MavenTail shows only the latest lines and the total', () => {
		const tail = Array.from({length: 12}, (_, index) => `[INFO] line ${index}`);
		expect(renderInk(<MavenTail tail={tail} total={250} lines={2} />).frame()).toBe('Maven output (250 lines)\n│ [INFO] line 10\n│ [INFO] line 11');
		expect(renderInk(<MavenTail tail={[]} total={0} />).frame()).toBe('');
	});

	it("MavenTail shows a download's artifact path, not the repository URL every line repeats", () => {
		const tail = [
			'[INFO] Downloading from codeartifact: https://dom-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/maven-repo/org/apache/maven/plugins/maven-resources-plugin/2.6/maven-resources-plugin-2.6.pom',
			'[INFO] Downloaded from codeartifact: http://127.0.0.1:7717/d/dom-1/maven/maven-repo/junit/junit/4.13.2/junit-4.13.2.jar (385 kB at 1.2 MB/s)',
		];
		const [, downloading, downloaded] = renderInk(<MavenTail tail={tail} total={2} />)
			.frame()
			.split('\n');
		expect(downloading).toMatch(/^│ \[INFO\] Downloading from codeartifact: org\/apache\/maven\/plugins\/maven-resources-plugin\/2\.6\//);
		expect(downloaded).toBe('│ [INFO] Downloaded from codeartifact: junit/junit/4.13.2/junit-4.13.2.jar (385 kB at 1.2 MB/s)');
	});

	it("StepFrame shows the step's title, concept, notes and progress (a still mark when not a terminal)", () => {
		const view = {
			...initialViewState.steps.domain,
			status: 'active' as const,
			notes: [{tone: 'warning' as const, message: 'Careful.'}],
			progress: {message: 'Creating domain…', done: false},
		};
		const frame = renderInk(<StepFrame id="domain" columns={100} view={view} />).frame();
		expect(frame).toMatch(/^Domain\nA CodeArtifact domain groups repositories/);
		expect(frame).toContain('⚠ Careful.');
		expect(frame).toContain('… Creating domain…');
		const finished = renderInk(<StepFrame id="domain" columns={100} view={{...view, progress: {message: 'Created.', done: true}}} />).frame();
		expect(finished).toContain('✔ Created.');
	});

	it('StepFrame marks a warning ⚠ and a success ✔', () => {
		const view = {
			...initialViewState.steps.token,
			status: 'active' as const,
			notes: [
				{tone: 'warning' as const, message: 'The build host was refused a token (see below).'},
				{tone: 'success' as const, message: 'Token valid.'},
			],
		};
		const frame = renderInk(<StepFrame id="token" columns={100} view={view} />).frame();
		expect(frame).toContain('⚠ The build host was refused a token (see below).\n✔ Token valid.');
	});

	it('StepFrame stops the spinner while a question waits: the step waits for the user', () => {
		const view = {...initialViewState.steps.token, status: 'active' as const, progress: {message: 'Asking for a token…', done: false}};
		expect(renderInk(<StepFrame id="token" columns={100} view={view} waiting />).frame()).toContain('· Asking for a token…');
	});

	it('StepLog shows the latest finished steps, one line each', () => {
		const log = [
			{step: 'preflight' as const, result: 'project: /tmp/demo'},
			{step: 'token' as const, result: 'token valid until 10:39 (12 h)'},
			{step: 'access' as const, result: ''},
		];
		expect(renderInk(<StepLog log={log} rows={2} columns={100} />).frame()).toBe('✔ Token check — token valid until 10:39 (12 h)\n✔ Build host access');
		expect(renderInk(<StepLog log={log} rows={0} columns={100} />).frame()).toBe('');
	});
});
