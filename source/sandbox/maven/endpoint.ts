/**
 * The Maven repository endpoint GetRepositoryEndpoint hands out:
 * `${endpoint}/d/${domain}-${owner}/maven/${repository}/`, standing in for AWS's
 * `https://${domain}-${owner}.d.codeartifact.${region}.amazonaws.com/maven/${repository}/`.
 * Every request is authenticated (token) and authorized (IAM) afresh: policies may change.
 */
import {createHash} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {authorizerFor} from '../auth/authorize.js';
import {requestFacts} from '../auth/request-context.js';
import {repositoryArn} from '../codeartifact/arns.js';
import type {SandboxContext} from '../context.js';
import {CommonError} from '../errors.js';
import {readBody} from '../http/read-body.js';
import type {WireResponse} from '../protocols/wire-response.js';
import {entry, repositoryKey} from '../state.js';
import {authenticate} from './basic-auth.js';
import {parseMavenPath, type MavenPath} from './maven-path.js';
import {resolveMetadata} from './maven-metadata.js';
import {authorizePut, publish} from './publish-artifact.js';
import {parseRepositoryPath, rawRequestPath} from './repository-path.js';
import {resolveArtifact} from './resolve-artifact.js';
import {checksumOf, checksumResponse, errorResponse, fileResponse, MavenHttpError, textResponse} from './responses.js';

export const mavenPathPrefix = '/d/';

export async function handleMaven(request: IncomingMessage, url: URL, context: SandboxContext, maxBodyBytes: number): Promise<WireResponse> {
	try {
		return await route(request, url, context, maxBodyBytes);
	} catch (error) {
		if (!request.readableEnded) request.resume(); // an unread upload must not stall the connection
		if (error instanceof MavenHttpError) return errorResponse(error);
		if (error instanceof CommonError) {
			if (error.failure === 'AccessDenied') return textResponse(403, error.message);
			if (error.failure === 'TooLarge') return textResponse(413, error.message);
		}
		throw error;
	}
}

async function route(request: IncomingMessage, url: URL, context: SandboxContext, maxBodyBytes: number): Promise<WireResponse> {
	const method = request.method ?? 'GET';
	const target = parseRepositoryPath(rawRequestPath(request.url ?? url.pathname), mavenPathPrefix);
	if (!target) throw new MavenHttpError(404, 'Not found: repository endpoints look like /d/DOMAIN-OWNER/maven/REPOSITORY/.');
	if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') throw new MavenHttpError(405, `${method} is not supported here.`, {allow: 'GET, HEAD, PUT'});
	const {state} = context.store;
	const principal = authenticate(state, request.headers.authorization, target.domain, target.owner, context.now());
	const {domain, repository} = target;
	if (target.owner !== state.accountId || !entry(state.domains, domain)) throw new MavenHttpError(404, `Domain ${domain} owned by ${target.owner} not found.`);
	if (!entry(state.repositories, repositoryKey(domain, repository))) throw new MavenHttpError(404, `Repository ${repository} not found in domain ${domain}.`);
	if (target.format !== 'maven')
		throw new MavenHttpError(501, `The ca-wizard sandbox serves the maven and generic formats only; it has no ${target.format} repository endpoint.`);
	const path = parseMavenPath(target.rest);
	if (path.kind === 'invalid') throw new MavenHttpError(400, `Bad request: ${path.reason}.`);
	const authorize = authorizerFor(context.effective(), principal, requestFacts(request, context.now()));
	if (method === 'PUT') {
		// Who may publish is settled before the upload is read: a refused one is never buffered.
		authorizePut(context, {domain, repository}, path, authorize);
		const body = await readBody(request, maxBodyBytes);
		return publish(context, {domain, repository}, path, body);
	}
	authorize('codeartifact:ReadFromRepository', repositoryArn(state, domain, repository));
	return read(context, domain, repository, path);
}

async function read(context: SandboxContext, domain: string, repository: string, path: Exclude<MavenPath, {kind: 'invalid'}>): Promise<WireResponse> {
	if (path.kind === 'metadata') {
		const metadata = await resolveMetadata(context, domain, repository, path.path);
		if (!metadata) throw new MavenHttpError(404, `Not found: ${path.path}.`);
		if (path.checksum) return checksumResponse(createHash(path.checksum).update(metadata.body).digest('hex'), metadata.lastModified);
		return fileResponse('maven-metadata.xml', metadata.body, metadata.lastModified);
	}
	const resolved = await resolveArtifact(context, domain, repository, path);
	if (!resolved)
		throw new MavenHttpError(404, `Not found: ${path.groupId}:${path.artifactId}:${path.version} has no ${path.fileName} in ${repository} or its upstreams.`);
	const lastModified = new Date(resolved.version.publishedTime * 1000);
	if (path.checksum) return checksumResponse(checksumOf(context.store.blobs, resolved.asset, path.checksum), lastModified);
	return fileResponse(path.fileName, resolved.body ?? context.store.blobs.get(resolved.asset.blob), lastModified);
}
