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

	constructor(command: string, args: string[], options: {cwd: string; env: NodeJS.ProcessEnv; cols?: number; rows?: number}) {
		requireE2eProject('a pseudo-terminal');
		this.pty = spawn(command, args, {
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
		this.exited = new Promise(resolve => this.pty.onExit(resolve));
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

	kill(): void {
		try {
			this.pty.kill('SIGKILL');
		} catch {}
	}
}

/** Without ANSI escapes: what a person reads. */
export function plain(text: string): string {
	return text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B[()][A-Z0-9]|\u001B[=>]/g, '');
}
