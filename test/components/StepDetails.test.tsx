import {renderInk} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import {DiffView} from '../../source/components/DiffView.js';
import {Facts, Resources} from '../../source/components/Facts.js';
import {MavenTail} from '../../source/components/MavenTail.js';
import {PolicyView} from '../../source/components/PolicyView.js';
import {StepFrame} from '../../source/components/StepFrame.js';
import {initialViewState} from '../../source/wizard/view-state.js';

describe('step details', () => {
	it('Facts aligns labels; Resources says created or reused', () => {
		expect(renderInk(<Facts facts={[{label: 'Account', value: '111122223333'}, {label: 'Region', value: 'us-east-1', tone: 'ok'}]} />).frame()).toBe('Account: 111122223333\nRegion:  us-east-1');
		expect(
			renderInk(
				<Resources
					resources={[
						{resource: {kind: 'domain', name: 'shared'}, reused: true},
						{resource: {kind: 'repository', name: 'libs'}, reused: false},
					]}
				/>,
			).frame(),
		).toBe('= reused  domain shared\n+ created repository libs');
	});

	it('PolicyView shows the document and why each part is there', () => {
		const frame = renderInk(<PolicyView policy={{name: 'CodeArtifactRead', document: '{\n  "Version": "2012-10-17"\n}', explanations: ['GetAuthorizationToken: Maven needs a token.']}} />).frame();
		expect(frame).toContain('Policy CodeArtifactRead');
		expect(frame).toContain('"Version": "2012-10-17"');
		expect(frame).toContain('• GetAuthorizationToken: Maven needs a token.');
	});

	it('DiffView shows the path and the lines', () => {
		expect(renderInk(<DiffView diff={{path: '~/.m2/settings.xml', lines: ['  <settings>', '+   <mirrors>', '-   <old/>']}} />).frame()).toBe('~/.m2/settings.xml\n    <settings>\n  +   <mirrors>\n  -   <old/>');
	});

	it('a long document or change shows what fits and counts the rest', () => {
		const document = Array.from({length: 30}, (_, index) => `line ${index}`).join('\n');
		const policy = renderInk(<PolicyView policy={{name: 'P', document, explanations: []}} maxLines={6} />).frame();
		expect(policy).toContain('line 4');
		expect(policy).not.toContain('line 5');
		expect(policy).toContain('… 25 more lines');
		const diff = renderInk(<DiffView diff={{path: 'settings.xml', lines: document.split('\n')}} maxLines={10} />).frame();
		expect(diff.split('\n')).toHaveLength(11);
		expect(diff).toContain('… 21 more lines');
	});

	it('MavenTail shows only the latest lines and the total', () => {
		const tail = Array.from({length: 12}, (_, index) => `[INFO] line ${index}`);
		expect(renderInk(<MavenTail tail={tail} total={250} lines={2} />).frame()).toBe('Maven output (250 lines)\n│ [INFO] line 10\n│ [INFO] line 11');
		expect(renderInk(<MavenTail tail={[]} total={0} />).frame()).toBe('');
	});

	it("StepFrame shows the step's title, concept, notes and progress (a still mark when not a terminal)", () => {
		const view = {...initialViewState.steps.domain, status: 'active' as const, notes: [{tone: 'warning' as const, message: 'Careful.'}], progress: {message: 'Creating domain…', done: false}};
		const frame = renderInk(<StepFrame id="domain" view={view} />).frame();
		expect(frame).toMatch(/^Domain\nA CodeArtifact domain groups repositories/);
		expect(frame).toContain('⚠ Careful.');
		expect(frame).toContain('… Creating domain…');
		const finished = renderInk(<StepFrame id="domain" view={{...view, progress: {message: 'Created.', done: true}}} />).frame();
		expect(finished).toContain('✔ Created.');
	});
});
