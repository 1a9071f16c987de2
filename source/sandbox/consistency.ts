// --consistency: whether the sandbox answers as if every change took effect at once (instant, the
// default: scripts and tests get the same answer every time), or with the delays AWS documents
// (aws: the paths that wait are exercised as they will be on AWS). Each delay has its own option
// too; an explicit one wins over what --consistency aws chooses.

export const consistencies = ['instant', 'aws'] as const;
export type Consistency = (typeof consistencies)[number];

/** The longest delay an option takes: AWS's own take seconds, a few minutes at worst. */
export const maxDelaySeconds = 3600;

/** Why a delay option's value is refused, or undefined when it is fine. */
export function delaySecondsProblem(value: string): string | undefined {
	return /^\d+(\.\d+)?$/.test(value) && Number(value) <= maxDelaySeconds ? undefined : `takes seconds from 0 to ${maxDelaySeconds}, e.g. 5 or 0.5`;
}

export function consistencyProblem(value: string): string | undefined {
	return (consistencies as readonly string[]).includes(value) ? undefined : `use ${consistencies.join(' or ')}`;
}

/**
 * What --consistency aws applies where no option says otherwise.
 * - iam: AWS says IAM changes take "usually seconds" to be usable (policies, attachments,
 *   instance profiles and their associations); ten is what a learner commonly meets.
 * - credentials: after an association has taken effect, EC2 hands the role's credentials to the
 *   instance a little later; instance metadata answers 404 for them until then.
 * - listing: AWS documents that a package fetched from an upstream can take about three minutes to
 *   be listed. A few seconds keep the wizard's sandbox journey quick (its build takes about as
 *   long) while every row of its live table is still seen unlisted first and the wait after the
 *   build still happens; --listing-lag 180 gives AWS's full delay.
 */
export const awsDelaySeconds = {iam: 10, credentials: 5, listing: 5} as const;

export interface DelayOptions {
	consistency?: Consistency;
	iamDelaySeconds?: number;
	listingLagSeconds?: number;
}

/** The sandbox's delays in milliseconds; all zero under instant consistency unless an option sets one. */
export interface SandboxDelays {
	/** An IAM or association change reaches authorisation and instance metadata this late (iam/propagation.ts). */
	iamMs: number;
	/** After that, the role's credentials reach the instance this late (imds/role-credentials.ts). */
	credentialsMs: number;
	/** A package version fetched from an upstream is listed this late (codeartifact/listing-lag.ts). */
	listingMs: number;
}

export function sandboxDelays(options: DelayOptions): SandboxDelays {
	const aws = options.consistency === 'aws';
	const seconds = (given: number | undefined, awsDefault: number) => given ?? (aws ? awsDefault : 0);
	return {
		iamMs: seconds(options.iamDelaySeconds, awsDelaySeconds.iam) * 1000,
		credentialsMs: (aws ? awsDelaySeconds.credentials : 0) * 1000,
		listingMs: seconds(options.listingLagSeconds, awsDelaySeconds.listing) * 1000,
	};
}
