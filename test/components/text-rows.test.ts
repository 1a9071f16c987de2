import {describe, expect, it} from 'vitest';
import {codeRows, gutterRows, rowCount, wrapRows} from '../../source/components/text-rows.js';

describe('wrapRows: rows as Ink wraps a text', () => {
	it('breaks between words, keeping the space at the start of the next row when the row is full', () => {
		expect(wrapRows('the quick brown fox', 10)).toEqual(['the quick ', 'brown fox']);
		expect(wrapRows('abcde fghij', 5)).toEqual(['abcde', ' ', 'fghij']);
		expect(wrapRows('short', 80)).toEqual(['short']);
		expect(wrapRows('', 10)).toEqual(['']);
	});

	it('cuts a word longer than the row', () => {
		expect(wrapRows('see https://example.com/a/very/long/path', 12)).toEqual(['see ', 'https://exam', 'ple.com/a/ve', 'ry/long/path']);
	});

	it('counts wide characters and emoji as two columns, as the terminal draws them', () => {
		expect(wrapRows('日本語のテキスト', 5)).toEqual(['日本', '語の', 'テキ', 'スト']);
		expect(wrapRows('ok 👍🏽 done', 4)).toEqual(['ok ', '👍🏽 ', 'done']);
		expect(rowCount('构建主机 ✔', 6)).toBe(2);
	});

	it('keeps line breaks', () => {
		expect(rowCount('one\ntwo three', 5)).toBe(3);
	});

	it('gutterRows wraps under a gutter', () => {
		expect(gutterRows('alpha beta gamma', 10, '• ', '  ')).toEqual([
			{text: 'alpha ', gutter: '• '},
			{text: 'beta ', gutter: '  '},
			{text: 'gamma', gutter: '  '},
		]);
	});
});

describe('codeRows: a line of a document', () => {
	it('wraps under its own indentation, within the width', () => {
		const rows = codeRows('      "Resource": "arn:aws:codeartifact:1:d/demo"', 40, '│ ');
		expect(rows.map(row => `${row.gutter}${row.text}`)).toEqual(['│       "Resource": ', '│       "arn:aws:codeartifact:1:d/demo"']);
		const cut = codeRows(`    "${'x'.repeat(70)}"`, 40, '│ ');
		expect(cut.map(row => row.gutter)).toEqual(['│ ', '│     ', '│     ']);
		expect(rows.every(row => `${row.gutter}${row.text}`.length <= 40)).toBe(true);
	});

	it('keeps a short line as it is', () => {
		expect(codeRows('+  <id>x</id>', 40, '  ', {color: 'green'})).toEqual([{text: '+  <id>x</id>', gutter: '  ', color: 'green'}]);
	});
});
