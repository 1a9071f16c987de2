import type {IncomingMessage} from 'node:http';
import type {ContextValues, ModelledKeys} from '../../iam-policy/conditions.js';
import type {SandboxState, Tag} from '../state.js';
import {principalRole, type Principal} from './principal.js';
import {resourceTags} from './resource-tags.js';

// The global condition keys AWS puts in a request's context, as the sandbox knows them. A key
// left out here is either known to be absent (as AWS leaves aws:username out for a role session)
// or not modelled at all, and a policy that depends on an unmodelled key fails closed.

/** What the connection tells about a request, captured as it arrives. */
export interface RequestFacts {
	/** The peer's address; absent when the socket no longer knows it. */
	sourceIp?: string;
	time: Date;
	/** The service the request was sent to (its signing name), e.g. `iam`; absent for the Maven endpoint. */
	service?: string;
}

export function requestFacts(request: IncomingMessage, time: Date, service?: string): RequestFacts {
	const address = request.socket.remoteAddress;
	// A dual-stack socket reports an IPv4 peer as ::ffff:a.b.c.d; AWS reports a.b.c.d.
	const sourceIp = address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
	return {...(sourceIp ? {sourceIp} : {}), time, ...(service === undefined ? {} : {service})};
}

/** Keys AWS supplies only when a service makes a request on a principal's behalf. */
const BY_A_SERVICE_ONLY = [
	'aws:PrincipalServiceName',
	'aws:SourceArn',
	'aws:SourceAccount',
	'aws:SourceOrgID',
	'aws:SourceOrgPaths',
	'aws:CalledVia',
	'aws:CalledViaFirst',
	'aws:CalledViaLast',
];

export interface AuthorizationContext {
	values: ContextValues;
	modelled: ModelledKeys;
}

/** The context of one request by `principal` on `resource`; `extra` holds the action's own keys. */
export function authorizationContext(
	state: SandboxState,
	principal: Principal,
	facts: RequestFacts,
	resource: string,
	extra: ContextValues = {},
): AuthorizationContext {
	const role = principalRole(state, principal);
	const onResource = resourceTags(state, resource);
	const values: ContextValues = {
		'aws:PrincipalArn': principal.kind === 'role-session' ? principal.roleArn : principal.arn,
		'aws:PrincipalAccount': principal.accountId,
		'aws:PrincipalType': principal.kind === 'role-session' ? 'AssumedRole' : 'User',
		'aws:userid': principal.userId,
		'aws:username': principal.kind === 'admin' ? state.admin.userName : principal.kind === 'other-account-user' ? principal.userName : undefined, // a role session has none
		...tagKeys('aws:PrincipalTag/', role?.tags ?? []),
		...tagKeys('aws:ResourceTag/', onResource ?? []),
		// IAM is a global service: AWS reports us-east-1 for a request sent to it.
		'aws:RequestedRegion': facts.service === 'iam' ? 'us-east-1' : state.region,
		'aws:CurrentTime': facts.time.toISOString().replace(/\.\d+Z$/, 'Z'),
		'aws:EpochTime': String(Math.floor(facts.time.getTime() / 1000)),
		// The sandbox speaks plain HTTP on loopback (Maven accepts plain http only there), and AWS
		// reports false for a plain-HTTP request: a policy requiring TLS denies here as it would there.
		'aws:SecureTransport': 'false',
		...(facts.sourceIp === undefined ? {} : {'aws:SourceIp': facts.sourceIp}),
		'aws:ViaAWSService': 'false',
		// Every request is the principal's own: no AWS service acts on its behalf, so these are absent.
		'aws:PrincipalIsAWSService': 'false',
		...Object.fromEntries(BY_A_SERVICE_ONLY.map(key => [key, undefined])),
		...extra,
	};
	// Modelled though absent: a tag the principal or the resource does not carry, or (in a request
	// that names its tag keys) one the request does not set.
	const modelled: ModelledKeys = key =>
		key.startsWith('aws:principaltag/') ||
		(onResource !== undefined && key.startsWith('aws:resourcetag/')) ||
		('aws:TagKeys' in extra && key.startsWith('aws:requesttag/'));
	return {values, modelled};
}

function tagKeys(prefix: string, tags: Tag[]): Record<string, string> {
	return Object.fromEntries(tags.map(tag => [`${prefix}${tag.key}`, tag.value]));
}
