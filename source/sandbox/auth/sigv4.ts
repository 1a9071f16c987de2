import {createHash, createHmac, timingSafeEqual} from 'node:crypto';
import {HttpRequest} from '@smithy/protocol-http';
import {SignatureV4} from '@smithy/signature-v4';
import {CommonError} from '../errors.js';

// Replaces a hand-written canonical-request builder: the SDK's own signer recomputes the
// signature, so the sandbox and the clients cannot disagree on canonicalisation rules.

export interface IncomingSigned {
	method: string;
	path: string; // decoded path, without query
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export interface SignedIdentity {
	accessKeyId: string;
	sessionToken?: string;
	service: string;
	region: string;
}

const authorizationPattern =
	/^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;\-.]+), ?Signature=([0-9a-f]{64})$/;
const maximumSkewMs = 15 * 60 * 1000;

/** Reads who claims to sign, before the secret is looked up. */
export function readCredentialScope(
	headers: IncomingSigned['headers'],
): (SignedIdentity & {signedHeaders: string[]; signature: string; date: string}) | undefined {
	const authorization = header(headers, 'authorization');
	if (!authorization) return undefined;
	const match = authorizationPattern.exec(authorization.trim());
	if (!match) throw new CommonError('BadSignature', 'Authorization header requires a valid AWS4-HMAC-SHA256 Credential, SignedHeaders and Signature.');
	const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as string[];
	const sessionToken = header(headers, 'x-amz-security-token');
	return {
		accessKeyId: accessKeyId!,
		region: region!,
		service: service!,
		signedHeaders: signedHeaders!.split(';'),
		signature: signature!,
		date: date!,
		...(sessionToken ? {sessionToken} : {}),
	};
}

/**
 * Checks that a credential scope fits the request before anything else is done with it: the
 * sandbox's region (`regions`), the service being served, and `host` and `x-amz-date` signed.
 * Refusals are the service's signature error, in AWS's words.
 */
export function checkScope(
	scope: {region: string; service: string; signedHeaders: string[]},
	expected: {regions: readonly string[]; service?: string | undefined},
): void {
	if (!expected.regions.includes(scope.region)) throw new CommonError('BadSignature', 'Credential should be scoped to a valid region.');
	if (expected.service !== undefined && scope.service !== expected.service) {
		throw new CommonError('BadSignature', `Credential should be scoped to correct service: '${expected.service}'.`);
	}
	if (!scope.signedHeaders.includes('host')) throw new CommonError('BadSignature', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
	if (!scope.signedHeaders.includes('x-amz-date')) throw new CommonError('BadSignature', "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
}

/**
 * Checks the signature. A declared `x-amz-content-sha256` is signed in place of the body, so
 * the result says whether the body really has that hash: the caller decides what a mismatch
 * means (PublishPackageVersion answers it with its own ValidationException).
 *
 * `UNSIGNED-PAYLOAD` is refused outright. A model lets an operation leave its body unsigned
 * with `"authtype": "v4-unsigned-body"` / the `unsignedPayload` trait, and no operation of
 * CodeArtifact, IAM, STS or EC2 carries it (botocore 1.43 and SDK v3 models: only S3, EBS,
 * Lex runtime, MediaStore data and Omics do). PublishPackageVersion is no exception: its
 * `x-amz-content-sha256` is the asset's SHA-256 (assetSHA256, 64 hex digits), so its body is
 * signed too. These services compute the payload hash themselves, so a signature over
 * UNSIGNED-PAYLOAD is one they cannot reproduce: SignatureDoesNotMatch (InvalidSignature-
 * Exception, AuthFailure on EC2), in the usual words. The refusal needs no byte of the body,
 * so it holds whether the body has been read yet or not.
 */
export async function verifySignature(request: IncomingSigned, secretAccessKey: string, now = new Date()): Promise<{payloadMatches: boolean}> {
	const scope = readCredentialScope(request.headers);
	if (!scope) throw new CommonError('MissingAuthentication', 'Missing Authentication Token');
	const amzDate = header(request.headers, 'x-amz-date') ?? '';
	const signingDate = parseAmzDate(amzDate);
	if (!signingDate || !amzDate.startsWith(scope.date))
		throw new CommonError('BadSignature', 'The request must contain a valid X-Amz-Date matching the credential scope.');
	if (Math.abs(now.getTime() - signingDate.getTime()) > maximumSkewMs) {
		throw new CommonError('BadSignature', `Signature expired: ${amzDate} is now earlier or later than ${formatAmzDate(now)} by more than 15 minutes.`);
	}
	const declared = header(request.headers, 'x-amz-content-sha256');
	if (declared === unsignedPayload) throw signatureMismatch();
	// Without a prototype, a `__proto__` key is a key like any other (not dropped, as `{}` would).
	const signedHeaders = Object.create(null) as Record<string, string>;
	for (const name of scope.signedHeaders) {
		const value = header(request.headers, name);
		if (value === undefined) throw new CommonError('BadSignature', `Signed header ${name} is missing from the request.`);
		signedHeaders[name] = value;
	}
	const query = Object.create(null) as Record<string, string | string[]>;
	for (const key of new Set(request.query.keys())) {
		const values = request.query.getAll(key);
		query[key] = values.length === 1 ? values[0]! : values;
	}
	const signer = new SignatureV4({
		credentials: {
			accessKeyId: scope.accessKeyId,
			secretAccessKey,
			...(scope.sessionToken && 'x-amz-security-token' in signedHeaders ? {sessionToken: scope.sessionToken} : {}),
		},
		region: scope.region,
		service: scope.service,
		sha256: NodeSha256,
		uriEscapePath: scope.service !== 's3',
		applyChecksum: false,
	});
	const unsigned = new HttpRequest({
		method: request.method,
		protocol: 'http:',
		hostname: signedHeaders.host ?? '',
		path: request.path,
		query,
		headers: signedHeaders,
		body: request.body,
	});
	const signed = await signer.sign(unsigned, {
		signingDate,
		signingRegion: scope.region,
		signingService: scope.service,
		signableHeaders: new Set(scope.signedHeaders),
	});
	const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
	if (expected.length !== 64 || !timingSafeEqual(Buffer.from(expected), Buffer.from(scope.signature))) throw signatureMismatch();
	const payloadMatches = declared === undefined || declared === createHash('sha256').update(request.body).digest('hex');
	return {payloadMatches};
}

const unsignedPayload = 'UNSIGNED-PAYLOAD';

function signatureMismatch(): CommonError {
	return new CommonError(
		'BadSignature',
		'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
	);
}

export const payloadMismatchMessage = "The provided 'x-amz-content-sha256' header does not match what was computed.";

export function header(headers: IncomingSigned['headers'], name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string): Date | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
	return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

function formatAmzDate(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
	if (typeof data === 'string') return data;
	if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
	return new Uint8Array(data);
}

/** The signer's Checksum contract over node:crypto (HMAC when given a secret). */
export class NodeSha256 {
	private readonly hash;
	constructor(secret?: SourceData) {
		this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
	}
	update(data: SourceData): void {
		this.hash.update(bytes(data));
	}
	async digest(): Promise<Uint8Array> {
		return new Uint8Array(this.hash.digest());
	}
	reset(): void {}
}
