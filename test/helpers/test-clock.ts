import type {SandboxClock} from '../../source/sandbox/context.js';

/**
 * A sandbox clock the test moves on instead of waiting: `advance` is time passing, and a sleep
 * (the latency `--faults` adds) is recorded and moves the clock on at once — or, after `hold()`,
 * only when the test calls `release()`.
 */
export class TestClock implements SandboxClock {
	/** Every sleep the sandbox asked for, in milliseconds. */
	readonly slept: number[] = [];
	// Starts at the real time: the sandbox refuses SigV4 signatures more than 15 minutes off.
	private time = Date.now();
	private held: Array<() => void> | undefined;

	readonly now = (): Date => new Date(this.time);

	readonly sleep = async (ms: number): Promise<void> => {
		this.slept.push(ms);
		const {held} = this;
		if (held) await new Promise<void>(wake => held.push(wake));
		this.time += ms;
	};

	advance(ms: number): void {
		this.time += ms;
	}

	/** Sleeps from now on wait for release(). */
	hold(): void {
		this.held ??= [];
	}

	/** Ends the sleeps held so far, and holding. */
	release(): void {
		const waiting = this.held ?? [];
		this.held = undefined;
		for (const wake of waiting) wake();
	}
}

/**
 * The real time, shifted by what the test sets: a sandbox "in the past" issues a token that has
 * already run out when the clock is set back to now. Sleeps are real.
 */
export class ShiftedClock implements SandboxClock {
	shiftMs = 0;

	readonly now = (): Date => new Date(Date.now() + this.shiftMs);

	readonly sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));
}
