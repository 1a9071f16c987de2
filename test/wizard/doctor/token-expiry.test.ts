import {describe, expect, it} from 'vitest';
import {checkEnvToken} from '../../../source/wizard/doctor/token-and-tools.js';
import {roughSpan, tokenExpiry} from '../../../source/wizard/doctor/token-expiry.js';

/** A token shaped as AWS's: a JWE whose protected header (readable) holds ver, isu and exp, then four opaque segments. */
function awsShapedToken(exp: number): string {
	const header = Buffer.from(JSON.stringify({ver: 1, isu: exp - 43_200, enc: 'A128GCM', tag: 'x', exp, alg: 'A128GCMKW', iv: 'y'})).toString('base64url');
	return `${header}.a2V5.aXY.Y2lwaGVy.dGFn`;
}

describe('tokenExpiry', () => {
	it("reads exp from an AWS-shaped token's header, and nothing from anything else", () => {
		expect(tokenExpiry(awsShapedToken(1_800_000_000))).toEqual(new Date(1_800_000_000_000));
		expect(tokenExpiry('not-a-token')).toBeUndefined();
		expect(tokenExpiry(`${Buffer.from('{"exp":"soon"}').toString('base64url')}.x`)).toBeUndefined();
		expect(tokenExpiry('')).toBeUndefined();
	});

	it('rounds spans to minutes, hours or days', () => {
		expect(roughSpan(59_000)).toBe('1 min');
		expect(roughSpan(3 * 3_600_000)).toBe('3 h');
		expect(roughSpan(3 * 86_400_000)).toBe('3 d');
	});
});

describe('checkEnvToken', () => {
	const now = new Date('2026-12-02T16:00:00Z');
	const never = async () => {
		throw new Error('an expired token is not sent anywhere');
	};

	it('names the expiry of an expired token, and how to get a fresh one, without asking the repository', async () => {
		const result = await checkEnvToken(awsShapedToken(now.getTime() / 1000 - 600), now, 'FRESH', never);
		expect(result).toEqual({id: 'env-token', status: 'fail', message: 'the token in this shell expired at 2026-12-02 15:50 UTC (10 min ago).', fix: 'FRESH'});
	});

	it('asks the repository about a token still valid, and says what it answered', async () => {
		const token = awsShapedToken(now.getTime() / 1000 + 7200);
		const ok = await checkEnvToken(token, now, 'FRESH', async () => ({ok: true, message: 'answered 200'}));
		expect(ok).toMatchObject({status: 'ok', message: 'valid until 2026-12-02 18:00 UTC (2 h left); answered 200'});
		const refused = await checkEnvToken(token, now, 'FRESH', async () => ({ok: false, message: 'answered 403', fix: 'READ'}));
		expect(refused).toMatchObject({status: 'fail', fix: 'READ'});
		expect(JSON.stringify([ok, refused])).not.toContain(token);
	});
});
