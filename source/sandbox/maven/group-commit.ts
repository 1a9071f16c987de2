import type {SandboxStore} from '../store/sandbox-store.js';

const scheduled = new WeakMap<SandboxStore, Promise<void>>();

/**
 * Persists the store before the caller replies, sharing one snapshot among the requests that
 * changed it in the same turn of the event loop: Maven downloads several files at once, and a
 * snapshot costs about a millisecond once a build's worth of packages is recorded.
 */
export function commitSoon(store: SandboxStore): Promise<void> {
	let commit = scheduled.get(store);
	if (!commit) {
		commit = new Promise<void>((resolve, reject) => {
			setImmediate(() => {
				scheduled.delete(store);
				try {
					store.commit();
					resolve();
				} catch (error) {
					reject(error as Error);
				}
			});
		});
		scheduled.set(store, commit);
	}
	return commit;
}
