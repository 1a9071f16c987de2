import {spawn, type IPty} from 'node-pty';
import {requireE2eProject} from './e2e-only.js';

/**
 * Runs a command under a pseudo-terminal, as a person would: it sees a TTY, renders its
 * screens, and reads keys. Keeps everything it printed; `printed()` waits for what a test looks for.
 */
export class Terminal {
	private output = '';
	private readonly watchers = new Set<() => void>();
	readonly exited: Promise<{exitCode: number; signal?: number}>;
	private readonly pty: IPty;

	/**
	 * `keepOutput`: node-pty may report the exit before the last output has been read, or lose it
	 * (microsoft/node-pty#72): the command then runs under a shell that, once it has ended, prints
	 * its exit status and holds the terminal open until that line is read, so everything the
	 * command printed is read before `exited` resolves. (Not for Ctrl-C tests: the shell would get it too.)
	 */
	constructor(command: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number; keepOutput?: boolean}) {
		requireE2eProject('a pseudo-terminal');
		const [file, argv] = options.keepOutput ? ['/bin/sh', ['-c', `"$0" "$@"; printf '\n${exitMark}%d>>\n' "$?"; read _`, command, ...args]] : [command, args];
		this.pty = spawn(file, argv, {
			name: 'xterm-256color',
			cols: options.cols ?? 120,
			rows: options.rows ?? 45,
			cwd: options.cwd,
			env: options.env as Record<string, string>,
		});
		this.pty.onData(data => {
			this.output += data;
			for (const check of this.watchers) check();
		});
		const ended = new Promise<{exitCode: number; signal?: number}>(resolve => this.pty.onExit(resolve));
		this.exited = options.keepOutput
			? new Promise(resolve => {
					const mark = new RegExp(`${exitMark}(\\d+)>>`);
					const seen = () => {
						const status = mark.exec(this.output)?.[1];
						if (status === undefined) return;
						this.watchers.delete(seen);
						this.pty.write('\r'); // lets the shell end
						resolve({exitCode: Number(status)});
					};
					this.watchers.add(seen);
					void ended.then(exit => resolve(mark.test(this.output) ? {exitCode: Number(mark.exec(this.output)?.[1])} : exit));
				})
			: ended;
	}

	get text(): string {
		return this.output;
	}

	/** What printed since `from` (an offset into text). */
	since(from: number): string {
		return this.output.slice(from);
	}

	press(keys: string): void {
		this.pty.write(keys);
	}

	/** Resolves true once what printed since `from` satisfies `condition`, checked as output arrives; false if the command exits first. */
	printed(condition: (text: string) => boolean, from = 0): Promise<boolean> {
		return new Promise(resolve => {
			const check = () => {
				if (!condition(this.since(from))) return;
				this.watchers.delete(check);
				resolve(true);
			};
			this.watchers.add(check);
			check();
			void this.exited.then(() => {
				this.watchers.delete(check);
				resolve(false);
			});
		});
	}

	/** Sends `signal` to the command, as kill(1) would (SIGHUP: as its terminal closing would). */
	signal(signal: NodeJS.Signals): void {
		this.pty.kill(signal);
	}

	kill(): void {
		try {
			this.pty.kill('SIGKILL');
		} catch {}
	}
}

const exitMark = '<<terminal-test: exit ';

/** Without ANSI escapes: what a person reads. */
export function plain(text: string): string {
	return text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B[()][A-Z0-9]|\u001B[=>]/g, '');
}

/**
 * The lines a terminal still shows once everything was printed, for output that moves only as
 * Ink's does: text, line breaks, a line erased (ESC[2K), the cursor a line up (ESC[1A) or back
 * to the line's start (ESC[G). Other escapes (colours, the cursor shown) change no text.
 */
export function linesLeft(text: string): string[] {
	const lines: string[] = [];
	let row = 0;
	for (const [, escape, character = ''] of text.matchAll(/(\u001B\[[0-9;?]*[ -/]*[@-~])|([^])/g)) {
		if (escape === '\u001B[2K') lines[row] = '';
		else if (escape === '\u001B[1A') row = Math.max(0, row - 1);
		else if (escape !== undefined || character === '\r')
			continue; // ESC[G and \r: the next text overwrites from the start
		else if (character === '\n') row++;
		else lines[row] = (lines[row] ?? '') + character;
	}
	return lines.filter(line => line !== undefined && line.trim() !== '');
}
