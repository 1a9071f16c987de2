// The tags ca-wizard puts on every resource it creates, so its own things can be told apart
// from everyone else's (adopting under concurrency, `destroy`, `list`) even without the ledger.

/** Who made the resource: the workshop participant's name (--participant), else the caller's principal ARN. */
export const createdByTag = 'ca-wizard:created-by';

/** Which run made it: the run id a work folder keeps in its ledger file. */
export const runTag = 'ca-wizard:run';

/** The ownership tags for one run, as key/value pairs (the form both AWS services take). */
export function ownershipTags(owner: {createdBy: string; runId: string}): Record<string, string> {
	return {[createdByTag]: owner.createdBy, [runTag]: owner.runId};
}

/** Whether tags read back from a resource say ca-wizard made it (any run, anyone's). */
export function madeByCaWizard(tags: Readonly<Record<string, string>>): boolean {
	return Object.hasOwn(tags, createdByTag) || Object.hasOwn(tags, runTag);
}
