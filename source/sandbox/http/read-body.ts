import type {IncomingMessage} from 'node:http';
import {CommonError} from '../errors.js';

/**
 * The connection closed before the body was whole: the client went away (a dropped `mvn
 * deploy`, a Ctrl-C) or sent too slowly for the request timeout (server.ts). Not the
 * sandbox's failure, and there is nobody left to answer.
 */
export class BodyAborted extends Error {
	constructor(
		readonly received: number,
		readonly declared: number | undefined,
	) {
		super(`the connection closed after ${received}${declared === undefined ? '' : ` of ${declared}`} bytes of the body`);
		this.name = 'BodyAborted';
	}
}

/** Reads a request body, refusing (before buffering it all) one larger than the limit. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
	const declared = request.headers['content-length'] === undefined ? undefined : Number(request.headers['content-length']);
	if (declared !== undefined && declared > limit) {
		request.resume();
		throw new CommonError('TooLarge', `The request body of ${declared} bytes exceeds the sandbox limit of ${limit} bytes.`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of request) {
			size += (chunk as Buffer).length;
			if (size > limit) {
				request.resume();
				throw new CommonError('TooLarge', `The request body exceeds the sandbox limit of ${limit} bytes.`);
			}
			chunks.push(chunk as Buffer);
		}
	} catch (error) {
		if (error instanceof CommonError) throw error;
		// Node ends the stream with an error ("aborted", ECONNRESET) when the socket closes early.
		if (!request.complete) throw new BodyAborted(size, declared);
		throw error;
	}
	return Buffer.concat(chunks);
}
