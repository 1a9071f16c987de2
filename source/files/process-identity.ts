import {readFileSync} from 'node:fs';

/**
 * A process, told apart from a later one that reuses its pid: on Linux by its start time
 * (field 22 of /proc/PID/stat, clock ticks since boot) and the boot id; elsewhere by the pid
 * alone (a reused pid then looks alive, and the lock's message says which file to delete).
 */
export interface Owner {
	pid: number;
	start?: string;
	boot?: string;
}

export function identify(pid: number): Owner {
	const start = startTime(pid);
	const boot = bootId();
	return {pid, ...(start === undefined ? {} : {start}), ...(boot === undefined ? {} : {boot})};
}

/** Whether `owner` is still running: its pid exists and, where known, is the same process. */
export function isAlive(owner: Owner): boolean {
	if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
	try {
		process.kill(owner.pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: it exists, as another user's
	}
	if (owner.boot !== undefined && bootId() !== undefined && owner.boot !== bootId()) return false; // written before a reboot
	if (owner.start === undefined || process.platform !== 'linux') return true;
	return startTime(owner.pid) === owner.start; // undefined: it exited just now
}

export function describeOwner(owner: Owner): string {
	return owner.start === undefined ? `pid ${owner.pid}` : `pid ${owner.pid} started at tick ${owner.start} since boot`;
}

function startTime(pid: number): string | undefined {
	if (process.platform !== 'linux') return undefined;
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (comm) state ppid …": comm may hold spaces and parentheses, so count from the last ')'.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

let boot: string | null | undefined;
function bootId(): string | undefined {
	if (boot === undefined) {
		try {
			boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
		} catch {
			boot = null;
		}
	}
	return boot ?? undefined;
}
