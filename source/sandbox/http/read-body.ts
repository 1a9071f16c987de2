import type {IncomingMessage} from 'node:http';
import {CommonError} from '../errors.js';

/** Reads a request body, refusing (before buffering it all) one larger than the limit. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
	const declared = Number(request.headers['content-length'] ?? 0);
	if (declared > limit) {
		request.resume();
		throw new CommonError('TooLarge', `The request body of ${declared} bytes exceeds the sandbox limit of ${limit} bytes.`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > limit) {
			request.resume();
			throw new CommonError('TooLarge', `The request body exceeds the sandbox limit of ${limit} bytes.`);
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}
