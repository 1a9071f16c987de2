import type {IncomingMessage} from 'node:http';
import type {SandboxContext} from './context.js';
import type {WireResponse} from './protocols/wire-response.js';

export async function handleInstanceMetadata(_request: IncomingMessage, _url: URL, _context: SandboxContext): Promise<WireResponse> {
	return {status: 404, headers: {}, body: ''};
}
