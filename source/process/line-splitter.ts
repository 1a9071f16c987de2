import type {Readable} from 'node:stream';

/**
 * Calls `onLine` with each line the stream carries, without its terminator (`\n` or `\r\n`), as
 * the lines complete; a last line without a terminator comes when the stream ends. UTF-8 is
 * decoded across chunk boundaries.
 */
export function splitLines(stream: Readable | null, onLine: (line: string) => void): void {
	if (!stream) return;
	let partial = '';
	const emit = (line: string) => onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
	stream.setEncoding('utf8');
	stream.on('data', (chunk: string) => {
		let start = 0;
		for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
			emit(partial + chunk.slice(start, end));
			partial = '';
			start = end + 1;
		}
		partial += chunk.slice(start);
	});
	stream.on('end', () => {
		if (partial !== '') emit(partial);
		partial = '';
	});
}
