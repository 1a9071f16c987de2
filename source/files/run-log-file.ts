import {chmodSync, closeSync, mkdirSync, openSync, writeSync} from 'node:fs';
import {dirname} from 'node:path';
import type {UntimedRecord} from '../report/run-log.js';
import {writeAll} from './atomic-file.js';
import {FileWriteError} from './file-write-error.js';

// The run log on disk: appended a line at a time with an unbuffered write (a run killed later
// keeps every line before), mode 0600 like the run record. Nothing secret goes in: the events
// carry none, and the canary tests prove it.

export interface RunLogWriter {
	/** Appends one record, stamped with the clock's time. */
	append(record: UntimedRecord): void;
	close(): void;
}

export function openRunLog(path: string, clock: () => Date = () => new Date()): RunLogWriter {
	let fd: number | undefined;
	try {
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		fd = openSync(path, 'a', 0o600);
		chmodSync(path, 0o600); // a log left by an older run with looser bits
	} catch (error) {
		throw new FileWriteError(path, error);
	}
	const open = fd;
	let closed = false;
	return {
		append(record) {
			if (closed) return;
			const line = `${JSON.stringify({time: clock().toISOString(), ...record})}\n`;
			try {
				// A line is written whole in one call (a short write, as on a full disk, goes on with the rest);
				// the string as it is, without a Buffer of its own: this runs for each of Maven's lines.
				const written = writeSync(open, line);
				if (written < Buffer.byteLength(line)) writeAll(open, Buffer.from(line), written);
			} catch (error) {
				throw new FileWriteError(path, error);
			}
		},
		close() {
			if (closed) return;
			closed = true;
			closeSync(open);
		},
	};
}
