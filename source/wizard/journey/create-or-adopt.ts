// Several wizards may create the same thing at once (a workshop, ten build hosts set up
// together). "Already exists" is then not a failure: what the other run made is read back,
// checked, and used. Whose it is comes from its ownership tags: made under this work folder's
// run id, it is ours (and undone with the rest); otherwise it is recorded as reused.

import type {Tags} from '../../aws/apis.js';
import {AwsFailure} from '../../aws/errors.js';
import type {CreatedResource, Problem} from '../events.js';
import {createdByTag, ownershipTags, runTag} from '../ownership-tags.js';
import type {StepContext} from './context.js';
import {asMade, create, needs, note, recordMade, reused, stop, stopOnAws, type Learned} from './step-helpers.js';

/** The tags everything this run creates carries: the participant's name (else the caller's principal ARN) and the ledger's run id. */
export function ourTags(context: StepContext): Tags {
	const createdBy = context.options.names.participant ?? needs(context, 'identity').identity.arn;
	return ownershipTags({createdBy, runId: context.ledger.runId});
}

export interface Adoptable<T> {
	/** The create call, its AWS errors left as they are. */
	create: () => Promise<T>;
	made: (result: T) => Learned;
	/** What stands under that name now (undefined: gone again). */
	find: () => Promise<T | undefined>;
	/** Why what stands there cannot serve; undefined when it can. */
	clash?: (found: T) => Problem | undefined | Promise<Problem | undefined>;
	/** Its tags, to tell whose it is; without them (a link, an association) it is never ours. */
	tags?: (found: T) => Promise<Tags>;
	/** Besides "already exists", another refusal that means the same (IAM's LimitExceeded for a profile's one role). */
	alsoExists?: (error: AwsFailure) => boolean;
	/** For a failure: the stop's code and what was being done. */
	code: string;
	doing: string;
}

/** Creates `planned` (intent first, as create() does) or, when it already exists, adopts what is there. */
export async function createOrAdopt<T>(context: StepContext, planned: CreatedResource, spec: Adoptable<T>): Promise<T> {
	const fail = (error: unknown) => stopOnAws(error, spec.code, spec.doing);
	try {
		return await create(context, planned, spec.create, spec.made);
	} catch (error) {
		if (!(error instanceof AwsFailure && (error.kind === 'conflict' || spec.alsoExists?.(error)))) return fail(error);
		const found = (await spec.find().catch(fail)) ?? fail(error);
		const problem = await spec.clash?.(found);
		if (problem) stop(problem, error);
		const tags = spec.tags ? await spec.tags(found).catch(fail) : {};
		const resource = asMade(planned, spec.made(found));
		await context.ledger.drop(planned); // this run's call made nothing (kept only when the refusal looked uncertain)
		if (tags[runTag] === context.ledger.runId) {
			await recordMade(context, resource, {later: true});
		} else {
			await reused(context, resource);
			const maker = tags[createdByTag];
			note(context, `${planned.name} appeared while this run was creating it${maker ? ` (made by ${maker})` : ''}; using it as it is.`);
		}
		return found;
	}
}
