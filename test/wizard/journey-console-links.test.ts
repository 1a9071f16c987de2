import {expect, it} from 'vitest';
import {consoleLinks} from '../../source/wizard/console-links.js';
import {journeyOn} from '../helpers/journey.js';
import {useSandbox} from '../helpers/sandbox.js';
import {ScriptedHost} from '../helpers/scripted-host.js';

// The sandbox answers as AWS does: a run that takes it for real AWS shows what a real run's summary
// links to, built from what the run learned (its region, the domain's owner, the build host's role).
const sandbox = useSandbox();
const journey = journeyOn(sandbox);

it("a real-AWS run's summary links the console: the domain, the repository, its packages and the build host's role", async () => {
	const host = new ScriptedHost({domain: 'linked'});
	const {result} = await journey(host, {target: 'aws'});
	expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
	const owner = result.facts.domainOwner!;
	expect(host.of('summary')[0]!.summary.console).toEqual(
		consoleLinks({region: sandbox.current.region, account: owner, domain: 'linked', repository: 'maven-repo', role: 'build-host-role'}),
	);
});

it('a sandbox run links nothing: the console would point at nothing', async () => {
	const host = new ScriptedHost({domain: 'unlinked'});
	const {result} = await journey(host);
	expect(result.status, JSON.stringify(host.of('problem'))).toBe('completed');
	expect(host.of('summary')[0]!.summary).not.toHaveProperty('console');
});
