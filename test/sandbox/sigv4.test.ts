import {HttpRequest} from '@smithy/protocol-http';
import {SignatureV4} from '@smithy/signature-v4';
import {describe, expect, it} from 'vitest';
import {NodeSha256} from '../../source/sandbox/auth/sigv4.js';
import {useSandbox} from '../helpers/sandbox.js';

describe('SigV4 verification', () => {
	const sandbox = useSandbox({maxBodyBytes: 4096});

	/** Signs a CodeArtifact ListDomains request the way the SDK does, then lets a test tamper with it. */
	async function signed(options: {body?: string; date?: Date; secret?: string; service?: string} = {}) {
		const url = new URL(sandbox.current.endpoint);
		const body = options.body ?? '{}';
		const request = new HttpRequest({
			method: 'POST',
			protocol: 'http:',
			hostname: url.hostname,
			port: Number(url.port),
			path: '/v1/domains',
			headers: {host: url.host, 'content-type': 'application/json'},
			body,
		});
		const signer = new SignatureV4({
			credentials: {accessKeyId: sandbox.current.admin.accessKeyId, secretAccessKey: options.secret ?? sandbox.current.admin.secretAccessKey},
			region: sandbox.current.region,
			service: options.service ?? 'codeartifact',
			sha256: NodeSha256,
		});
		const result = await signer.sign(request, options.date ? {signingDate: options.date} : {});
		return {headers: result.headers as Record<string, string>, body};
	}

	async function post(headers: Record<string, string>, body: string) {
		const response = await fetch(`${sandbox.current.endpoint}/v1/domains`, {method: 'POST', headers, body});
		return {status: response.status, type: response.headers.get('x-amzn-errortype'), body: (await response.json()) as {message?: string}};
	}

	it('accepts a correctly signed request', async () => {
		const {headers, body} = await signed();
		expect((await post(headers, body)).status).toBe(200);
	});

	it('refuses a body changed after signing', async () => {
		const {headers} = await signed({body: '{"maxResults":1}'});
		const reply = await post(headers, '{"maxResults":2}');
		expect(reply).toMatchObject({status: 403, type: 'InvalidSignatureException'});
		expect(reply.body.message).toContain('does not match');
	});

	it('refuses a wrong secret and an unknown key with the service codes', async () => {
		const wrong = await signed({secret: 'x'.repeat(40)});
		expect(await post(wrong.headers, wrong.body)).toMatchObject({status: 403, type: 'InvalidSignatureException'});
		const unknown = await signed();
		unknown.headers['authorization'] = unknown.headers['authorization']!.replace(sandbox.current.admin.accessKeyId, 'AKIAAAAAAAAAAAAAAAAA');
		expect(await post(unknown.headers, unknown.body)).toMatchObject({status: 403, type: 'UnrecognizedClientException'});
	});

	it('refuses a request signed more than 15 minutes ago', async () => {
		const {headers, body} = await signed({date: new Date(Date.now() - 20 * 60 * 1000)});
		const reply = await post(headers, body);
		expect(reply).toMatchObject({status: 403, type: 'InvalidSignatureException'});
		expect(reply.body.message).toContain('Signature expired');
	});

	it('refuses a request without a signature, or with a malformed one', async () => {
		expect(await post({'content-type': 'application/json'}, '{}')).toMatchObject({status: 403, type: 'MissingAuthenticationTokenException'});
		expect(await post({'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 nonsense'}, '{}')).toMatchObject({
			status: 403,
			type: 'InvalidSignatureException',
		});
	});

	it('refuses a signed header that is missing from the request', async () => {
		const {headers, body} = await signed();
		headers['authorization'] = headers['authorization']!.replace('SignedHeaders=', 'SignedHeaders=x-extra;');
		expect(await post(headers, body)).toMatchObject({status: 403, type: 'InvalidSignatureException'});
	});

	it('refuses an over-size body before reading it all', async () => {
		const big = JSON.stringify({pad: 'x'.repeat(10_000)});
		const {headers} = await signed({body: big});
		const reply = await post(headers, big);
		expect(reply.status).toBe(413);
		expect(reply.body.message).toContain('exceeds the sandbox limit');
	});
});
