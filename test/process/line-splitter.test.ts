import {PassThrough} from 'node:stream';
import {once} from 'node:events';
import {describe, expect, it} from 'vitest';
import {splitLines} from '../../source/process/line-splitter.js';

async function linesOf(chunks: Array<string | Buffer>): Promise<string[]> {
	const stream = new PassThrough();
	const lines: string[] = [];
	splitLines(stream, line => lines.push(line));
	for (const chunk of chunks) stream.write(chunk);
	stream.end();
	await once(stream, 'end');
	return lines;
}

describe('splitLines', () => {
	it('gives each line once it is complete, without its terminator, wherever the chunks break', async () => {
		expect(await linesOf(['[INFO] Scan', 'ning\n[INFO] ', '\n', 'Downloaded from x\r\nlast'])).toEqual([
			'[INFO] Scanning',
			'[INFO] ',
			'Downloaded from x',
			'last',
		]);
	});

	it('keeps empty lines, and gives no line for the end of output that ends with a terminator', async () => {
		expect(await linesOf(['a\n\n\nb\n'])).toEqual(['a', '', '', 'b']);
		expect(await linesOf([])).toEqual([]);
	});

	it('decodes a character whose UTF-8 bytes are split between two chunks', async () => {
		const bytes = Buffer.from('naïve → ok\n');
		const cut = bytes.indexOf(Buffer.from('→')) + 1;
		expect(await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['naïve → ok']);
	});

	it('takes a stream that is not there (a closed stdio) as no lines', () => {
		expect(() => splitLines(null, () => {})).not.toThrow();
	});
});
