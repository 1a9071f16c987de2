import type {SandboxState} from '../state.js';

/** What propagation delays: IAM (policies, roles, instance profiles) and the instances' profile associations. */
type Propagated = Pick<SandboxState, 'iam' | 'associations'>;

interface Noted {
	/** When it was committed (epoch ms); the world at start counts as always there. */
	at: number;
	world: Propagated;
	text: string;
}

/**
 * AWS's IAM is eventually consistent: a policy attached, a role put in an instance profile, a
 * profile associated with an instance reach the services that authorise requests — and the
 * credentials instance metadata hands out — seconds later, while IAM's own reads show the change
 * at once. With --iam-delay the sandbox does the same: every commit that changes IAM or the
 * associations is noted with its time, and authorisation and instance metadata see the newest
 * noted world that is at least the delay old. The notes live in memory only: a restarted
 * sandbox starts with everything in effect.
 */
export class IamPropagation {
	private readonly noted: Noted[];

	constructor(
		private readonly delayMs: number,
		state: SandboxState,
	) {
		this.noted = [{...copy(state), at: Number.NEGATIVE_INFINITY}];
	}

	/** After every commit: notes the world, when the commit changed it. */
	committed(state: SandboxState, now: Date): void {
		const latest = copy(state);
		if (latest.text !== this.noted.at(-1)?.text) this.noted.push({...latest, at: now.getTime()});
	}

	/** The state as authorisation and instance metadata see it at `now`: everything live but IAM and the associations, which lag. */
	seenAt(state: SandboxState, now: Date): SandboxState {
		const reached = now.getTime() - this.delayMs;
		const index = this.noted.findLastIndex(note => note.at <= reached);
		// Older notes are never seen again: the clock does not go back.
		if (index > 0) this.noted.splice(0, index);
		// Everything noted has taken effect: the live state is the newest note.
		if (this.noted.length === 1) return state;
		const {world} = this.noted[0] as Noted;
		// Sessions, instances and the rest stay the live objects: credentials issued on this view are the sandbox's own.
		return {...state, iam: world.iam, associations: world.associations};
	}
}

function copy(state: SandboxState): {world: Propagated; text: string} {
	const text = JSON.stringify({iam: state.iam, associations: state.associations});
	// JSON.parse makes `__proto__` (a name IAM allows) an own key, which entry() finds as any other.
	return {world: JSON.parse(text) as Propagated, text};
}
