import type {ServerResponse} from 'node:http';

export interface WireResponse {
	status: number;
	headers: Record<string, string>;
	body: Buffer | string;
}

export function send(response: ServerResponse, reply: WireResponse, method = 'GET'): void {
	const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
	response.writeHead(reply.status, {...reply.headers, 'content-length': String(body.length)});
	response.end(method === 'HEAD' ? undefined : body);
}
