import type {IncomingMessage} from 'node:http';
import type {SandboxContext} from '../context.js';
import type {WireResponse} from '../protocols/wire-response.js';

export const mavenPathPrefix = '/d/';

export async function handleMaven(_request: IncomingMessage, _url: URL, _context: SandboxContext, _maxBodyBytes: number): Promise<WireResponse> {
	return {status: 404, headers: {}, body: ''};
}
