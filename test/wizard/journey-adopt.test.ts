import {CodeartifactClient, CreateDomainCommand} from '@aws-sdk/client-codeartifact';
import {describe, expect, it} from 'vitest';
import type {ResourceRecorder} from '../../source/wizard/journey/context.js';
import type {RunLedger} from '../../source/wizard/ledger.js';
import {createdByTag, runTag} from '../../source/wizard/ownership-tags.js';
import {journeyOn, ledgerWith} from '../helpers/journey.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// The domain appears between this run's look-up and its create call (another wizard was
// faster): CreateDomain answers ConflictException, and the run adopts what is there. Its
// ca-wizard:run tag decides whose it is: another run's is reused (no undo command), one made
// under this work folder's own run id is this run's (an earlier attempt whose answer was lost).

const sandbox = useSandbox();

/** The run's ledger, except that someone creates the domain, with `tags`, just before this run's own call. */
function raced(tags: (ledger: RunLedger) => Record<string, string>) {
	return (ledger: RunLedger): ResourceRecorder =>
		ledgerWith(ledger, {
			async intend(resource) {
				await ledger.intend(resource);
				if (resource.kind !== 'domain') return;
				const client = new CodeartifactClient(adminConfig(sandbox.current));
				const list = Object.entries(tags(ledger)).map(([key, value]) => ({key, value}));
				await client.send(new CreateDomainCommand({domain: resource.name, tags: list}));
			},
		});
}

describe('a domain made by someone else while the run creates it', () => {
	const journey = journeyOn(sandbox);

	it('made by another run: adopted and recorded as reused, with no undo command', async () => {
		const host = new ScriptedHost({domain: 'raced-other'});
		const run = await journey(host, {ledger: raced(() => ({[createdByTag]: 'arn:aws:iam::111122223333:user/other', [runTag]: 'another-run'}))});
		expect(run.result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(run.ledger.entries.filter(entry => entry.kind === 'domain').map(entry => entry.state)).toEqual(['reused']);
		const {summary} = host.of('summary')[0] ?? {};
		expect(summary?.reused.map(resource => resource.name)).toContain('raced-other');
		expect(summary?.undo.join('\n')).not.toContain('delete-domain');
		expect(host.of('note').map(note => note.message)).toContainEqual(expect.stringContaining('made by arn:aws:iam::111122223333:user/other'));
	});

	it("made under this work folder's own run id: adopted as this run's, and undone with the rest", async () => {
		const host = new ScriptedHost({domain: 'raced-own'});
		const run = await journey(host, {ledger: raced(ledger => ({[runTag]: ledger.runId}))});
		expect(run.result.status, JSON.stringify(host.of('problem'))).toBe('completed');
		expect(run.ledger.entries.filter(entry => entry.kind === 'domain')).toMatchObject([{state: 'created', confirmedLater: true}]);
		expect(host.of('summary')[0]?.summary.undo.join('\n')).toContain('aws codeartifact delete-domain --domain raced-own');
	});
});
