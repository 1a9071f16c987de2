import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {AwsFailure} from '../../source/aws/errors.js';
import {FileWriteError} from '../../source/files/file-write-error.js';
import type {StepContext} from '../../source/wizard/journey/context.js';
import {create, stopOnAws} from '../../source/wizard/journey/step-helpers.js';
import {RunLedger} from '../../source/wizard/ledger.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// An intent stays in the record only while the create call's outcome is unknown: a call that was
// refused made nothing, and a later run must not claim whatever then exists under that name.

async function attempt(failure: unknown) {
	const ledger = await RunLedger.open(join(temporaryDirectory(), 'run.json'));
	const context = {ledger, facts: {touched: []}, host: {notify: () => {}}, step: 'domain'} as unknown as StepContext;
	await expect(create(context, {kind: 'domain', name: 'demo'}, () => Promise.reject(failure))).rejects.toBe(failure);
	return ledger.pending.map(entry => entry.name);
}

const refusal = (kind: ConstructorParameters<typeof AwsFailure>[0]) => new AwsFailure(kind, 'Code', 'message', 'codeartifact:CreateDomain');

describe('a create call that fails', () => {
	it('refused by AWS or the file system: the intent is forgotten', async () => {
		expect(await attempt(refusal('access-denied'))).toEqual([]);
		expect(await attempt(refusal('conflict'))).toEqual([]);
		expect(await attempt(new FileWriteError('/tmp/settings.xml', Object.assign(new Error('no space'), {code: 'ENOSPC'})))).toEqual([]);
		// The journey wraps an AWS refusal in a stop: its cause still says what happened.
		expect(await attempt(catchStop(refusal('throttled')))).toEqual([]);
	});

	it('with an unknown outcome: the intent stays, for the next run to settle', async () => {
		expect(await attempt(refusal('network'))).toEqual(['demo']);
		expect(await attempt(refusal('service'))).toEqual(['demo']);
		expect(await attempt(new Error('killed'))).toEqual(['demo']);
	});
});

function catchStop(error: AwsFailure): unknown {
	try {
		stopOnAws(error, 'CreateDomainFailed', 'Creating domain demo');
	} catch (stop) {
		return stop;
	}
	throw new Error('stopOnAws returned');
}
