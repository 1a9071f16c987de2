// The baseline: a plain HTTP file server over the same local Maven repository the sandbox uses
// as its offline Maven Central. It serves exactly what the sandbox's upstream reader serves
// (maven-metadata-<id>.xml as maven-metadata.xml, no bookkeeping files, checksums computed from
// the bytes), with no authentication, no storage and no bookkeeping of its own.
import {createServer} from 'node:http';

/**
 * @param {{fetch(path: string): Promise<{body: Buffer, contentType: string} | undefined>}} upstream
 * @param {{challenge?: boolean}} options challenge: answer requests without credentials with a
 *   401 Basic challenge, as CodeArtifact does (Maven then repeats each request with them)
 */
export async function startStaticMavenServer(upstream, {challenge = false} = {}, prefix = '/maven/') {
	const server = createServer((request, response) => {
		const path = (request.url ?? '/').split('?')[0] ?? '/';
		if (challenge && !request.headers.authorization) {
			response.writeHead(401, {'www-authenticate': 'Basic realm="static"', 'content-length': '0'}).end();
			return;
		}
		if ((request.method !== 'GET' && request.method !== 'HEAD') || !path.startsWith(prefix)) {
			response.writeHead(404).end();
			return;
		}
		upstream.fetch(path.slice(prefix.length)).then(
			file => {
				if (!file) response.writeHead(404, {'content-length': '0'}).end();
				else
					response
						.writeHead(200, {'content-type': file.contentType, 'content-length': String(file.body.length)})
						.end(request.method === 'HEAD' ? undefined : file.body);
			},
			error => response.writeHead(500).end(String(error)),
		);
	});
	await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}${prefix}`,
		stop: () =>
			new Promise(resolve => {
				server.close(resolve);
				server.closeAllConnections();
			}),
	};
}
