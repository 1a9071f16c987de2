import type {SandboxState} from '../state.js';

/**
 * On EC2 a role's credentials reach the instance a while after its profile's association has
 * taken effect (--consistency aws); instance metadata answers 404 for them until then. Each
 * association is noted when a commit first holds it, on the sandbox's clock; those the data
 * folder held at start count as long there. In memory only, as IAM's propagation notes are.
 */
export class CredentialsArrival {
	private readonly madeAt = new Map<string, number>();
	private readonly known: Set<string>;

	/** `delayMs`: from the association to its credentials (IAM's delay, then the credentials' own). */
	constructor(
		private readonly delayMs: number,
		state: SandboxState,
	) {
		this.known = new Set(Object.keys(state.associations));
	}

	/** After every commit: notes the associations it made. */
	committed(state: SandboxState, now: Date): void {
		for (const id of Object.keys(state.associations)) {
			if (this.known.has(id)) continue;
			this.known.add(id);
			this.madeAt.set(id, now.getTime());
		}
	}

	arrived(associationId: string, now: Date): boolean {
		const made = this.madeAt.get(associationId);
		return made === undefined || made + this.delayMs <= now.getTime();
	}
}
