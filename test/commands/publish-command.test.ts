import {invocationName} from '../../source/commands/invocation-name.js';
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, request, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {dirname, join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AwsApis} from '../../source/aws/apis.js';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {CliError} from '../../source/errors.js';
import {runPublishCommand, type PublishCommandOptions} from '../../source/commands/publish-command.js';
import {temporaryDirectory, useSandbox} from '../helpers/sandbox.js';

// The publish command in process, through the real SDK over HTTP to a started sandbox: the
// round trip (what went up comes back byte for byte, and unpacks into the same files), a version
// that exists already, and a download altered on its way back.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Result {
	sha256: string;
	assetName: string;
	originType: string;
	publish: string;
	upstream: string;
	unpackedInto: string;
	files: {path: string; size: number}[];
}

describe('ca-wizard publish against the sandbox', () => {
	const sandbox = useSandbox();
	const domain = 'team';
	const repository = 'releases';
	// The command's temporary folders land here, so a test can see what was kept.
	const temporary = temporaryDirectory('ca-wizard-publish-tmp-');
	const savedTmp = process.env['TMPDIR'];
	let aws: AwsApis;

	beforeAll(async () => {
		process.env['TMPDIR'] = temporary;
		aws = await createAwsApis({kind: 'sandbox', ...sandbox.current});
		await aws.codeartifact.createDomain(domain);
		await aws.codeartifact.createRepository(domain, repository, {});
	});
	afterAll(() => {
		if (savedTmp === undefined) delete process.env['TMPDIR'];
		else process.env['TMPDIR'] = savedTmp;
		rmSync(temporary, {recursive: true, force: true});
	});

	async function publish(request: PublishCommandOptions['request'], endpoint = sandbox.current.endpoint): Promise<{code: number; result: Result}> {
		let out = '';
		const code = await runPublishCommand(
			{target: {kind: 'sandbox-url', url: endpoint}, request, domain, repository, json: true},
			{out: {write: (text: string) => (out += text)}, env: sandbox.current.env},
		);
		return {code, result: JSON.parse(out) as Result};
	}

	it('round-trips a folder: the same bytes and hash come back, origin INTERNAL, publish ALLOW / upstream BLOCK, the unpacked files identical', async () => {
		const source = join(temporary, 'source', 'site');
		mkdirSync(join(source, 'css'), {recursive: true});
		writeFileSync(join(source, 'index.html'), '<h1>published</h1>\n');
		writeFileSync(join(source, 'css', 'site.css'), 'h1 { color: teal }\n'.repeat(30));

		const {code, result} = await publish({file: source, version: '2.0.0'});
		expect(code).toBe(0);
		expect(result).toMatchObject({
			type: 'result',
			status: 'published',
			domain,
			repository,
			namespace: 'ca-wizard',
			package: 'site',
			version: '2.0.0',
			assetName: 'site-2.0.0.tar.gz',
			originType: 'INTERNAL',
			publish: 'ALLOW',
			upstream: 'BLOCK',
			verified: true,
		});
		const packed = readFileSync(join(dirname(result.unpackedInto), result.assetName));
		expect(result.sha256).toBe(sha256(packed));
		const stored = await aws.codeartifact.getPackageVersionAsset(domain, repository, {namespace: 'ca-wizard', name: 'site'}, '2.0.0', result.assetName);
		expect(Buffer.from(stored).equals(packed)).toBe(true);
		expect(result.files.map(file => file.path).sort()).toEqual(['site/css/site.css', 'site/index.html']);
		for (const file of ['index.html', 'css/site.css'])
			expect(readFileSync(join(result.unpackedInto, 'site', file)).equals(readFileSync(join(source, file)))).toBe(true);
	});

	it('makes a sample text file when no file is named, and it comes back unpacked as it was written', async () => {
		const {result} = await publish({});
		expect(result.files).toEqual([{path: 'hello-ca-wizard.txt', size: expect.any(Number) as number}]);
		const sample = readFileSync(join(dirname(result.unpackedInto), 'sample', 'hello-ca-wizard.txt'));
		expect(readFileSync(join(result.unpackedInto, 'hello-ca-wizard.txt')).equals(sample)).toBe(true);
		expect(sample.toString()).toContain(`ca-wizard/hello-ca-wizard 1.0.0 to ${domain}/${repository}`);
	});

	it('explains a version that exists already and names the next free one; nothing is kept', async () => {
		const before = readdirSync(temporary).length;
		const taken = await publish({}).catch((error: unknown) => error);
		expect(taken).toBeInstanceOf(CliError);
		expect(taken).toMatchObject({code: 'VersionExists', exitCode: 1});
		expect((taken as CliError).message).toMatch(
			/ca-wizard\/hello-ca-wizard 1\.0\.0 is already published in team\/releases\. A published version never changes/,
		);
		expect((taken as CliError).fix).toContain(`${invocationName()} publish `); // as this process can be run again
		expect((taken as CliError).fix).toMatch(/ publish .*--version 1\.0\.1$/);
		expect(readdirSync(temporary)).toHaveLength(before);
		await publish({version: '1.0.1'});
		await expect(publish({})).rejects.toMatchObject({fix: expect.stringMatching(/--version 1\.0\.2$/) as string});
	});

	describe('when the download is altered on its way back', () => {
		let proxy: Server;
		let url = '';
		beforeAll(async () => {
			const target = new URL(sandbox.current.endpoint);
			// Forwards everything; flips one byte of every asset download.
			proxy = createServer((incoming, outgoing) => {
				const forward = request({host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers}, answer => {
					const chunks: Buffer[] = [];
					answer.on('data', (chunk: Buffer) => chunks.push(chunk));
					answer.on('end', () => {
						const body = Buffer.concat(chunks);
						if (incoming.url?.startsWith('/v1/package/version/asset') && body.length > 0) body[body.length - 1]! ^= 0xff;
						outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
						outgoing.end(body);
					});
				});
				incoming.pipe(forward);
			});
			await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
		});
		afterAll(async () => {
			proxy.closeAllConnections();
			await new Promise(resolve => proxy.close(resolve));
		});

		it('stops with the two hashes, unpacks nothing and keeps nothing', async () => {
			const before = readdirSync(temporary).length;
			const altered = await publish({package: 'altered'}, url).catch((error: unknown) => error);
			expect(altered).toMatchObject({code: 'AssetHashMismatch'});
			expect((altered as CliError).message).toMatch(
				/hashes to [0-9a-f]{64}, not to the published [0-9a-f]{64}: it was altered on the way\. It was not unpacked/,
			);
			expect(readdirSync(temporary)).toHaveLength(before);
		});
	});
});
