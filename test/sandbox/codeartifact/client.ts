import {createHash} from 'node:crypto';
import {Readable} from 'node:stream';
import {CodeartifactClient, PublishPackageVersionCommand} from '@aws-sdk/client-codeartifact';
import type {RunningSandbox} from '../../../source/sandbox/index.js';
import {outputShapeProblems} from '../../helpers/model-shape.js';
import {adminConfig} from '../../helpers/sandbox.js';

export interface TamperableRequest {
	query: Record<string, string | string[] | null>;
	headers: Record<string, string>;
	body?: unknown;
}

/** The official client, as the sandbox's admin. */
export function adminClient(sandbox: RunningSandbox): CodeartifactClient {
	return new CodeartifactClient(adminConfig(sandbox));
}

/**
 * A client whose requests are altered after serialisation and before signing: how the tests
 * send what the SDK itself never would (a missing required member, a forged token) while
 * still signing like the real SDK.
 */
export function tamperingClient(sandbox: RunningSandbox, tamper: (request: TamperableRequest) => void): CodeartifactClient {
	const client = adminClient(sandbox);
	client.middlewareStack.add(
		next => async args => {
			const request = args.request as TamperableRequest;
			const before = request.body;
			tamper(request);
			// The length was computed from the original body: keep it true, or the server waits for bytes that never come.
			if (request.body !== before) {
				for (const name of Object.keys(request.headers)) if (name.toLowerCase() === 'content-length') delete request.headers[name];
				request.headers['content-length'] = String(Buffer.byteLength(String(request.body ?? '')));
			}
			return next(args);
		},
		{step: 'build', priority: 'low', name: 'tamperForTest'},
	);
	return client;
}

let counter = 0;
/** A fresh, valid name per test so tests in one file never collide. */
export function uniqueName(prefix: string): string {
	counter += 1;
	return `${prefix}-${process.pid % 1000}-${counter}`;
}

/** PublishPackageVersion of one small asset, a.bin, as the generic package tools/PKG: its bytes name it. */
export function publishGenericCommand(
	to: {domain: string; repository: string},
	pkg: string,
	version: string,
	unfinished = false,
): PublishPackageVersionCommand {
	const bytes = Buffer.from(`${pkg}@${version} in ${to.repository}`);
	return new PublishPackageVersionCommand({
		...to,
		format: 'generic',
		namespace: 'tools',
		package: pkg,
		packageVersion: version,
		assetName: 'a.bin',
		assetContent: bytes,
		assetSHA256: createHash('sha256').update(bytes).digest('hex'),
		unfinished,
	});
}

/**
 * The admin client, keeping each reply's JSON body as it came on the wire (`bodies`, in order):
 * the SDK drops members its model lacks, so a shape check of the wire needs the raw body.
 */
export function recordingClient(sandbox: RunningSandbox): {client: CodeartifactClient; bodies: unknown[]} {
	const client = adminClient(sandbox);
	const bodies: unknown[] = [];
	client.middlewareStack.add(
		next => async args => {
			const result = await next(args);
			const response = result.response as {body?: AsyncIterable<Uint8Array>};
			if (response.body) {
				const chunks: Uint8Array[] = [];
				for await (const chunk of response.body) chunks.push(chunk);
				const raw = Buffer.concat(chunks);
				bodies.push(raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : {});
				response.body = Readable.from([raw]);
			}
			return result;
		},
		{step: 'deserialize', priority: 'low', name: 'recordRawBodyForTest'},
	);
	return {client, bodies};
}

/**
 * The admin client, checking every reply against its operation's output shape in the model, both
 * its JSON body as it came on the wire (where a member the model lacks shows, before the SDK drops
 * it) and as the SDK parsed it: a reply that departs fails its call. `answered` notes each
 * operation that replied, so that a tour of the API can show it called every one the model has.
 */
export function shapeCheckingClient(sandbox: RunningSandbox): {client: CodeartifactClient; answered: Set<string>} {
	const client = adminClient(sandbox);
	const answered = new Set<string>();
	const check = (operation: string, reply: unknown, mode: 'sdk' | 'wire') => {
		const problems = outputShapeProblems('codeartifact', operation, reply, mode);
		if (problems.length > 0) throw new Error(`${operation}'s reply departs from the model (${mode}):\n${problems.join('\n')}`);
	};
	const operationOf = (context: {commandName?: string}) => String(context.commandName).replace(/Command$/, '');
	client.middlewareStack.add(
		(next, context) => async args => {
			const result = await next(args);
			check(operationOf(context), result.output, 'sdk');
			answered.add(operationOf(context));
			return result;
		},
		{step: 'initialize', name: 'checkParsedReplyForTest'},
	);
	client.middlewareStack.add(
		(next, context) => async args => {
			const result = await next(args);
			const response = result.response as {statusCode: number; headers: Record<string, string>; body?: AsyncIterable<Uint8Array>};
			// A streamed asset is no JSON body: its members come as headers, which the parsed check covers.
			if (response.statusCode < 300 && response.body && (response.headers['content-type'] ?? '').startsWith('application/json')) {
				const chunks: Uint8Array[] = [];
				for await (const chunk of response.body) chunks.push(chunk);
				const raw = Buffer.concat(chunks);
				check(operationOf(context), raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : {}, 'wire');
				response.body = Readable.from([raw]);
			}
			return result;
		},
		{step: 'deserialize', priority: 'low', name: 'checkWireReplyForTest'},
	);
	return {client, answered};
}
