import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../../helpers/sandbox.js';
import {TestClock} from '../../helpers/test-clock.js';

describe('instance metadata (IMDSv2) over HTTP', () => {
	const clock = new TestClock();
	const sandbox = useSandbox({scenario: 'access-denied', clock});
	const url = (path: string) => `${sandbox.current.endpoint}${path}`;
	const token = async (ttl = '21600') => {
		const response = await fetch(url('/latest/api/token'), {method: 'PUT', headers: {'x-aws-ec2-metadata-token-ttl-seconds': ttl}});
		expect(response.status).toBe(200);
		expect(response.headers.get('x-aws-ec2-metadata-token-ttl-seconds')).toBe(ttl);
		return response.text();
	};
	const get = async (path: string, headers: Record<string, string> = {}) => {
		const response = await fetch(url(path), {headers: {'x-aws-ec2-metadata-token': await token(), ...headers}});
		return {status: response.status, body: await response.text()};
	};

	it('hands out tokens only for a TTL between 1 and 21600 seconds', async () => {
		const put = (headers: Record<string, string>) => fetch(url('/latest/api/token'), {method: 'PUT', headers}).then(r => r.status);
		expect(await put({})).toBe(400);
		expect(await put({'x-aws-ec2-metadata-token-ttl-seconds': '0'})).toBe(400);
		expect(await put({'x-aws-ec2-metadata-token-ttl-seconds': '21601'})).toBe(400);
		expect(await put({'x-aws-ec2-metadata-token-ttl-seconds': 'ten'})).toBe(400);
		expect(await put({'x-aws-ec2-metadata-token-ttl-seconds': '1'})).toBe(200);
		expect((await fetch(url('/latest/api/token'))).status).toBe(405);
	});

	it('refuses a token request that came through a proxy', async () => {
		const response = await fetch(url('/latest/api/token'), {
			method: 'PUT',
			headers: {'x-aws-ec2-metadata-token-ttl-seconds': '60', 'x-forwarded-for': '10.0.0.1'},
		});
		expect(response.status).toBe(403);
	});

	it('requires a valid token for every read (IMDSv1 is off)', async () => {
		expect((await fetch(url('/latest/meta-data/instance-id'))).status).toBe(401);
		const forged = Buffer.alloc(35, 1).toString('base64');
		expect((await fetch(url('/latest/meta-data/instance-id'), {headers: {'x-aws-ec2-metadata-token': forged}})).status).toBe(401);
		expect((await fetch(url('/latest/meta-data/instance-id'), {headers: {'x-aws-ec2-metadata-token': 'garbage'}})).status).toBe(401);
	});

	it('lets a token expire', async () => {
		const short = await token('1');
		const read = async () => (await fetch(url('/latest/meta-data/instance-id'), {headers: {'x-aws-ec2-metadata-token': short}})).status;
		clock.advance(999);
		expect(await read()).toBe(200);
		clock.advance(1);
		expect(await read()).toBe(401);
	});

	it('serves the instance facts', async () => {
		const {instanceId, region} = sandbox.current;
		expect(await get('/latest/meta-data/instance-id')).toEqual({status: 200, body: instanceId});
		expect((await get('/latest/meta-data/ami-id')).body).toMatch(/^ami-[0-9a-f]{17}$/);
		expect((await get('/latest/meta-data/instance-type')).body).toBe('t3.medium');
		expect((await get('/latest/meta-data/local-ipv4')).body).toBe('172.31.20.17');
		expect((await get('/latest/meta-data/placement/region')).body).toBe(region);
		expect((await get('/latest/meta-data/placement/availability-zone')).body).toBe(`${region}a`);
		const listing = (await get('/latest/meta-data/')).body.split('\n');
		expect(listing).toEqual(expect.arrayContaining(['ami-id', 'iam/', 'instance-id', 'instance-type', 'local-ipv4', 'placement/']));
		expect((await get('/latest/meta-data/placement/')).body.split('\n').sort()).toEqual(['availability-zone', 'region']);
		expect((await get('/latest/meta-data/no-such-thing')).status).toBe(404);
	});

	it('serves the instance identity document', async () => {
		const document = JSON.parse((await get('/latest/dynamic/instance-identity/document')).body) as Record<string, unknown>;
		expect(document).toMatchObject({
			accountId: sandbox.current.accountId,
			instanceId: sandbox.current.instanceId,
			region: sandbox.current.region,
			availabilityZone: `${sandbox.current.region}a`,
			instanceType: 't3.medium',
			privateIp: '172.31.20.17',
		});
	});

	it('describes the instance profile', async () => {
		const info = JSON.parse((await get('/latest/meta-data/iam/info')).body) as Record<string, string>;
		expect(info).toMatchObject({
			Code: 'Success',
			InstanceProfileArn: `arn:aws:iam::${sandbox.current.accountId}:instance-profile/build-host-profile`,
			InstanceProfileId: expect.stringMatching(/^AIPA/),
		});
		expect(info['LastUpdated']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	it('hands out role credentials, the same ones until they near expiry', async () => {
		expect((await get('/latest/meta-data/iam/security-credentials/')).body).toBe('build-host-role');
		const first = await get('/latest/meta-data/iam/security-credentials/build-host-role');
		expect(first.status).toBe(200);
		const credentials = JSON.parse(first.body) as Record<string, string>;
		expect(credentials).toMatchObject({Code: 'Success', Type: 'AWS-HMAC'});
		expect(credentials['AccessKeyId']).toMatch(/^ASIA[A-Z2-7]{16}$/);
		expect(credentials['SecretAccessKey']).toHaveLength(40);
		expect(credentials['Token']?.length).toBeGreaterThan(400);
		expect(credentials['Expiration']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const hours = (Date.parse(credentials['Expiration'] ?? '') - clock.now().getTime()) / 3_600_000;
		expect(hours).toBeGreaterThan(5.9);
		expect(hours).toBeLessThanOrEqual(6);
		const again = JSON.parse((await get('/latest/meta-data/iam/security-credentials/build-host-role')).body) as Record<string, string>;
		expect(again['AccessKeyId']).toBe(credentials['AccessKeyId']);
		expect(again['Token']).toBe(credentials['Token']);
	});

	it('knows no other role, and no extended credentials', async () => {
		expect((await get('/latest/meta-data/iam/security-credentials/other-role')).status).toBe(404);
		expect((await get('/latest/meta-data/iam/security-credentials-extended/build-host-role')).status).toBe(404);
		expect((await get('/latest/meta-data/iam/security-credentials-extended/')).status).toBe(404);
	});

	it('issues credentials that sign API calls as the assumed role', async () => {
		const credentials = JSON.parse((await get('/latest/meta-data/iam/security-credentials/build-host-role')).body) as Record<string, string>;
		const sts = new STSClient({
			endpoint: sandbox.current.endpoint,
			region: sandbox.current.region,
			maxAttempts: 1,
			credentials: {
				accessKeyId: credentials['AccessKeyId'] ?? '',
				secretAccessKey: credentials['SecretAccessKey'] ?? '',
				sessionToken: credentials['Token'] ?? '',
			},
		});
		const identity = await sts.send(new GetCallerIdentityCommand({}));
		expect(identity.Arn).toBe(`arn:aws:sts::${sandbox.current.accountId}:assumed-role/build-host-role/${sandbox.current.instanceId}`);
		expect(identity.UserId).toMatch(new RegExp(`^AROA[A-Z2-7]+:${sandbox.current.instanceId}$`));
	});
});
