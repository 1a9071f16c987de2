import {expect, it} from 'vitest';
import {plainJsonLine, plainText} from '../../source/text/plain-text.js';

it('takes out colours, cursor moves and other control characters, and keeps tabs and the text', () => {
	expect(plainText('\u001b[0m[INFO] \u001b[1mBUILD SUCCESS\u001b[m\r')).toBe('[INFO] BUILD SUCCESS');
	expect(plainText('a\u001b[2K\u001b[1Gb\tc\u0007\u009b')).toBe('ab\tc');
	expect(plainText('日本語 ✔ é')).toBe('日本語 ✔ é');
});

it('writes JSON lines whose strings, however deep, hold no escape codes', () => {
	const line = plainJsonLine({type: 'maven-output', line: '\u001b[0m[INFO] ok', nested: [{message: '\u001b[31mred\u001b[39m'}], count: 3});
	expect(line).toBe('{"type":"maven-output","line":"[INFO] ok","nested":[{"message":"red"}],"count":3}\n');
});
