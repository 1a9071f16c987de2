import process from 'node:process';

// Who ends the process on SIGTERM, SIGINT or SIGHUP. Node's default is to die without running
// JavaScript; a listener replaces that default, so whoever listens must end the process itself.
// Counting listeners cannot tell who will: Ink's exit hook (signal-exit) re-raises a signal only
// when it is the last listener, and a folder lock that also deferred to "someone else" left a
// wizard at its screens deaf to kill and to its terminal closing. Code that stops in its own time
// on a signal (the sandbox's shutdown, the wizard's cancel) says so here while it listens.

const owners = new Map<NodeJS.Signals, number>();

/** Whether something in this process ends it on `signal` in its own time. */
export function stopSignalOwned(signal: NodeJS.Signals): boolean {
	return (owners.get(signal) ?? 0) > 0;
}

/** Says this code ends the process itself on these signals; returns the undo (idempotent). */
export function ownStopSignals(signals: readonly NodeJS.Signals[]): () => void {
	for (const signal of signals) owners.set(signal, (owners.get(signal) ?? 0) + 1);
	let released = false;
	return () => {
		if (released) return;
		released = true;
		for (const signal of signals) owners.set(signal, (owners.get(signal) ?? 1) - 1);
	};
}

/** The signals that ask a process to stop: Ctrl-C or kill -INT, kill, and the terminal closing. */
export const stopSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Hears SIGINT, SIGTERM and SIGHUP, owning them (above), until the returned stop. `heard` decides:
 * cancel the work (and end later), or `endBy(signal)`: stop listening and let the signal end the
 * process as it would have, after what else listens (a folder lock's release, Ink's restoring of
 * the terminal) has run.
 */
export function listenForStop(heard: (signal: NodeJS.Signals, endBy: (signal: NodeJS.Signals) => void) => void): () => void {
	const disown = ownStopSignals(stopSignals);
	const stop = (): void => {
		for (const signal of stopSignals) process.off(signal, onSignal);
		disown();
	};
	const endBy = (signal: NodeJS.Signals): void => {
		stop();
		process.kill(process.pid, signal);
	};
	// Heard all along, not once: a once-listener is gone while its signal is handled.
	const onSignal = (signal: NodeJS.Signals): void => heard(signal, endBy);
	for (const signal of stopSignals) process.on(signal, onSignal);
	return stop;
}
