import {renderInk} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import {policyRows} from '../../source/components/policy-rows.js';
import {clipRows, Rows} from '../../source/components/Rows.js';

describe('policyRows', () => {
	it('shows the document and why each part is there', () => {
		const rows = policyRows(
			{name: 'CodeArtifactRead', document: '{\n  "Version": "2012-10-17"\n}', explanations: ['GetAuthorizationToken: Maven needs a token.']},
			100,
		);
		const frame = renderInk(<Rows rows={rows} />).frame();
		expect(frame).toContain('Policy CodeArtifactRead');
		expect(frame).toContain('"Version": "2012-10-17"');
		expect(frame).toContain('• GetAuthorizationToken: Maven needs a token.');
	});

	it('a long document shows what fits and counts the rest', () => {
		const document = Array.from({length: 30}, (_, index) => `line ${index}`).join('\n');
		const frame = renderInk(<Rows rows={clipRows(policyRows({name: 'P', document, explanations: []}, 100), 6, hidden => `… ${hidden} more lines`)} />).frame();
		expect(frame).toContain('line 3');
		expect(frame).not.toContain('line 4');
		expect(frame).toContain('… 26 more lines');
	});

	it('a long line of the document wraps under its gutter, so every row is counted', () => {
		const policy = {
			name: 'P',
			document: `{\n  "Resource": "${'x'.repeat(60)}"\n}`,
			explanations: ['Why: a reason that is long enough to wrap onto a second row here.'],
		};
		const frame = renderInk(<Rows rows={policyRows(policy, 40)} />).frame();
		expect(frame.split('\n')).toEqual(policyRows(policy, 40).map(row => `${row.gutter ?? ''}${row.text}`.trimEnd()));
		expect(frame.split('\n').every(line => line.length <= 40)).toBe(true);
		expect(frame.split('\n').filter(line => line.startsWith('│ '))).toHaveLength(5);
	});
});
