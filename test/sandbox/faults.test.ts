import {CodeartifactClient, CreateDomainCommand, ListDomainsCommand} from '@aws-sdk/client-codeartifact';
import {describe, expect, it} from 'vitest';
import {decideFault, parseFaults} from '../../source/sandbox/faults.js';
import {adminConfig, useSandbox} from '../helpers/sandbox.js';
import {TestClock} from '../helpers/test-clock.js';

describe('--faults parsing', () => {
	it('reads the documented form and refuses typos with the fix', () => {
		expect(parseFaults('throttle=0.2,error=0.05,latency=200')).toEqual({throttle: 0.2, error: 0.05, latency: 200});
		expect(parseFaults(undefined)).toEqual({throttle: 0, error: 0, latency: 0});
		expect(() => parseFaults('throtle=0.2')).toThrow(/--faults throttle=0.2,error=0.05,latency=200/);
		expect(() => parseFaults('throttle=2')).toThrow(/from 0 to 1/);
		expect(() => parseFaults('throttle=0.7,error=0.5')).toThrow(/cannot exceed 1/);
	});

	it('shares requests out as asked', () => {
		const faults = parseFaults('throttle=0.2,error=0.1');
		expect(decideFault(faults, () => 0.1)).toBe('Throttling');
		expect(decideFault(faults, () => 0.25)).toBe('Internal');
		expect(decideFault(faults, () => 0.5)).toBe('none');
	});
});

describe('a sandbox that throttles every request', () => {
	const sandbox = useSandbox({faults: 'throttle=1'});

	it('answers ThrottlingException 429 with Retry-After, on the API and the Maven endpoint', async () => {
		const error = await new CodeartifactClient(adminConfig(sandbox.current)).send(new ListDomainsCommand({})).catch((e: unknown) => e);
		expect(error).toMatchObject({name: 'ThrottlingException', $metadata: {httpStatusCode: 429}});
		const maven = await fetch(`${sandbox.current.endpoint}/d/any-123456789012/maven/repo/a/b/1/b-1.pom`);
		expect(maven.status).toBe(429);
		expect(maven.headers.get('retry-after')).toBe('1');
	});
});

describe('a sandbox that fails every request', () => {
	const sandbox = useSandbox({faults: 'error=1'});

	it('answers InternalServerException 500', async () => {
		const error = await new CodeartifactClient(adminConfig(sandbox.current)).send(new ListDomainsCommand({})).catch((e: unknown) => e);
		expect(error).toMatchObject({name: 'InternalServerException', $metadata: {httpStatusCode: 500}});
	});
});

describe('a sandbox with latency and occasional throttling', () => {
	// The sandbox sleeps on a test clock: what is checked is that each request waits out the
	// latency before its answer, not how long a machine took.
	const clock = new TestClock();
	const sandbox = useSandbox({faults: 'throttle=0.3,latency=100', clock});

	it('holds each request for the latency before it handles it', async () => {
		clock.hold();
		const created = new CodeartifactClient({...adminConfig(sandbox.current), maxAttempts: 20}).send(new CreateDomainCommand({domain: 'late'}));
		await expect.poll(() => clock.slept).toEqual([100]);
		const released = clock.now().getTime();
		clock.release();
		// Handled once the sleep was over: the clock had moved on by then.
		expect((await created).domain?.createdTime?.getTime()).toBeGreaterThanOrEqual(released + 100);
	});

	it("adds the latency to every request, and the SDK's own retries get through the throttling", async () => {
		const client = new CodeartifactClient({...adminConfig(sandbox.current), maxAttempts: 20});
		const before = clock.slept.length;
		for (let call = 0; call < 5; call++) await client.send(new ListDomainsCommand({}));
		const slept = clock.slept.slice(before);
		expect(slept.length).toBeGreaterThanOrEqual(5); // one per request the sandbox received, throttled ones too
		expect(new Set(slept)).toEqual(new Set([100]));
	});
});
