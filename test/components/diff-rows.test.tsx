import {renderInk} from '../helpers/render.js';
import {describe, expect, it} from 'vitest';
import {diffRows} from '../../source/components/diff-rows.js';
import {clipRows, Rows} from '../../source/components/Rows.js';

describe('diffRows', () => {
	it('shows the path and the lines', () => {
		const rows = diffRows({path: '~/.m2/settings.xml', lines: ['  <settings>', '+   <mirrors>', '-   <old/>']}, 100);
		expect(renderInk(<Rows rows={rows} />).frame()).toBe('~/.m2/settings.xml\n    <settings>\n  +   <mirrors>\n  -   <old/>');
	});

	it('a long change shows what fits and counts the rest', () => {
		const lines = Array.from({length: 30}, (_, index) => `line ${index}`);
		const frame = renderInk(<Rows rows={clipRows(diffRows({path: 'settings.xml', lines}, 100), 10, hidden => `… ${hidden} more lines`)} />).frame();
		expect(frame.split('\n')).toHaveLength(10);
		expect(frame).toContain('… 22 more lines');
	});
});
