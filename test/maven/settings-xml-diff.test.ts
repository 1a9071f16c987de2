import {describe, expect, test} from 'vitest';
import {unifiedDiff} from '../../source/maven/settings-xml.js';

const lines = (count: number, prefix = 'line'): string => Array.from({length: count}, (_, index) => `${prefix} ${index + 1}\n`).join('');

describe('unifiedDiff', () => {
	test('nothing to show when nothing changes', () => {
		expect(unifiedDiff('a\n', 'a\n', '/home/me/.m2/settings.xml')).toEqual([]);
	});

	test('an insertion with three lines of context', () => {
		const before = lines(10);
		const after = before.replace('line 5\n', 'line 5\nnew a\nnew b\n');
		expect(unifiedDiff(before, after, '/home/me/.m2/settings.xml')).toEqual([
			'--- a/home/me/.m2/settings.xml',
			'+++ b/home/me/.m2/settings.xml',
			'@@ -3,6 +3,8 @@',
			' line 3',
			' line 4',
			' line 5',
			'+new a',
			'+new b',
			' line 6',
			' line 7',
			' line 8',
		]);
	});

	test('changes far apart make separate hunks, close ones share one', () => {
		const before = lines(30);
		const after = before.replace('line 2\n', 'two\n').replace('line 25\n', 'twenty-five\n').replace('line 28\n', 'twenty-eight\n');
		const diff = unifiedDiff(before, after, 'settings.xml');
		expect(diff.filter(line => line.startsWith('@@'))).toEqual(['@@ -1,5 +1,5 @@', '@@ -22,9 +22,9 @@']);
		expect(diff.filter(line => /^[+-][^+-]/.test(line))).toEqual(['-line 2', '+two', '-line 25', '+twenty-five', '-line 28', '+twenty-eight']);
	});

	test('a new file', () => {
		expect(unifiedDiff('', 'a\nb\n', 'settings.xml')).toEqual(['--- /dev/null', '+++ b/settings.xml', '@@ -0,0 +1,2 @@', '+a', '+b']);
	});

	test('CRLF lines print without their carriage return; a missing final newline is marked', () => {
		expect(unifiedDiff('a\r\nb', 'a\r\nc\r\nb', 'settings.xml')).toEqual([
			'--- a/settings.xml',
			'+++ b/settings.xml',
			'@@ -1,2 +1,3 @@',
			' a',
			'+c',
			' b',
			'\\ No newline at end of file',
		]);
		expect(unifiedDiff('a\n', 'a', 'x').slice(2)).toEqual(['@@ -1,1 +1,1 @@', '-a', '+a', '\\ No newline at end of file']);
	});

	test('applying the hunks to the old text gives the new one', () => {
		const before = lines(40);
		const after = lines(40).replace('line 1\n', '').replace('line 20\n', 'x\ny\n').concat('end\n');
		const diff = unifiedDiff(before, after, 'f');
		const old = before.split('\n').slice(0, -1);
		const result: string[] = [];
		let cursor = 0;
		for (const line of diff.slice(2)) {
			const header = /^@@ -(\d+),(\d+)/.exec(line);
			if (header) {
				const start = Math.max(0, Number(header[1]) - (Number(header[2]) === 0 ? 0 : 1));
				result.push(...old.slice(cursor, start));
				cursor = start;
			} else if (line.startsWith('+')) {
				result.push(line.slice(1));
			} else {
				if (line.startsWith(' ')) result.push(line.slice(1));
				cursor++;
			}
		}
		result.push(...old.slice(cursor));
		expect(result.join('\n') + '\n').toBe(after);
	});
});
