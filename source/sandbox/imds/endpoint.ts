import type {IncomingMessage} from 'node:http';
import type {SandboxContext} from '../context.js';
import {availabilityZone, privateDnsName, reservationId} from '../ec2/shapes.js';
import type {WireResponse} from '../protocols/wire-response.js';
import type {InstanceRecord} from '../state.js';
import {iamNode, json, type MetadataNode} from './role-credentials.js';
import {issueMetadataToken, maxTokenTtl, metadataTokenTtl, minTokenTtl} from './token.js';

// Instance metadata of a simulated build host, IMDSv2 only: a session token from
// `PUT /latest/api/token` must accompany every read, as on an instance with
// HttpTokens=required. The first instance's is served on the sandbox's own port under
// /latest/; every other instance's on a port of its own (createMetadataServer in server.ts). A token is good
// only at the instance that issued it, as on AWS.

const tokenTtlHeader = 'x-aws-ec2-metadata-token-ttl-seconds';

export async function handleInstanceMetadata(request: IncomingMessage, url: URL, context: SandboxContext, instance: InstanceRecord): Promise<WireResponse> {
	request.resume(); // a body means nothing here; drain it so the connection stays usable
	const method = request.method ?? 'GET';
	const {state} = context.store;
	const now = context.now();
	if (url.pathname === '/latest/api/token') {
		if (method !== 'PUT') return failure(405, {allow: 'OPTIONS, PUT'});
		// AWS refuses token requests that went through a proxy.
		if (request.headers['x-forwarded-for'] !== undefined) return failure(403);
		const ttlText = header(request, tokenTtlHeader);
		const ttl = Number(ttlText);
		if (ttlText === undefined || !/^\d+$/.test(ttlText) || ttl < minTokenTtl || ttl > maxTokenTtl) return failure(400);
		return {
			status: 200,
			headers: {'content-type': 'text/plain', [tokenTtlHeader]: String(ttl)},
			body: issueMetadataToken(state, instance.instanceId, ttl, now),
		};
	}
	if (method !== 'GET' && method !== 'HEAD') return failure(405, {allow: 'OPTIONS, GET'});
	const token = header(request, 'x-aws-ec2-metadata-token');
	const remaining = token === undefined ? undefined : metadataTokenTtl(state, instance.instanceId, token, now);
	if (remaining === undefined) return failure(401);

	let node: MetadataNode | undefined = {latest: metadataRoot(context, instance)};
	for (const segment of url.pathname.split('/').filter(Boolean)) {
		node = typeof node === 'object' && Object.hasOwn(node, segment) ? node[segment] : undefined;
		if (node === undefined) return failure(404);
	}
	const body = typeof node === 'function' ? node() : listing(node);
	if (body === undefined) return failure(404);
	return {status: 200, headers: {'content-type': 'text/plain', [tokenTtlHeader]: String(remaining)}, body};
}

function metadataRoot(context: SandboxContext, instance: InstanceRecord): MetadataNode {
	const {state} = context.store;
	const text = (value: string) => () => value;
	const iam = iamNode(context, instance.instanceId);
	return {
		dynamic: {'instance-identity': {document: () => json(identityDocument(context, instance))}},
		'meta-data': {
			'ami-id': text(instance.imageId),
			'ami-launch-index': text('0'),
			hostname: text(privateDnsName(state, instance)),
			...(iam ? {iam} : {}),
			'instance-id': text(instance.instanceId),
			'instance-life-cycle': text('on-demand'),
			'instance-type': text(instance.instanceType),
			'local-hostname': text(privateDnsName(state, instance)),
			'local-ipv4': text(instance.privateIpAddress),
			placement: {'availability-zone': text(availabilityZone(state)), region: text(state.region)},
			'reservation-id': text(reservationId(instance)),
			services: {domain: text('amazonaws.com'), partition: text('aws')},
		},
	};
}

function identityDocument(context: SandboxContext, instance: InstanceRecord): Record<string, unknown> {
	const {state} = context.store;
	return {
		accountId: state.accountId,
		architecture: 'x86_64',
		availabilityZone: availabilityZone(state),
		billingProducts: null,
		devpayProductCodes: null,
		marketplaceProductCodes: null,
		imageId: instance.imageId,
		instanceId: instance.instanceId,
		instanceType: instance.instanceType,
		kernelId: null,
		pendingTime: instance.launchTime,
		privateIp: instance.privateIpAddress,
		ramdiskId: null,
		region: state.region,
		version: '2017-09-30',
	};
}

function listing(directory: {[name: string]: MetadataNode}): string {
	return Object.entries(directory)
		.map(([name, child]) => (typeof child === 'function' ? name : `${name}/`))
		.join('\n');
}

function header(request: IncomingMessage, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

const reasons: Record<number, string> = {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed'};

/** IMDS answers errors with a small XHTML page. */
function failure(status: number, headers: Record<string, string> = {}): WireResponse {
	const title = `${status} - ${reasons[status] ?? 'Error'}`;
	const body = `<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
		 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title>${title}</title>
 </head>
 <body>
  <h1>${title}</h1>
 </body>
</html>
`;
	return {status, headers: {'content-type': 'text/html', ...headers}, body};
}
