import type {IncomingMessage} from 'node:http';
import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {adminPrincipal, roleSessionPrincipal} from '../../../source/sandbox/auth/principal.js';
import {authorizationContext, requestFacts} from '../../../source/sandbox/auth/request-context.js';
import {SandboxStore} from '../../../source/sandbox/store/sandbox-store.js';
import {temporaryDirectory} from '../../helpers/sandbox.js';

// The admin is allowed everything, so no policy ever reads its context through the SDK: its keys
// are checked here. Role sessions are checked end to end in test/sandbox/iam/global-condition-keys.

describe('the global condition keys of a request', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));
	const {state} = new SandboxStore(dataDir, {region: 'eu-west-1', scenario: 'access-denied'});
	const time = new Date('2025-03-04T05:06:07.890Z');

	it('names the admin as a user, with its user name', () => {
		const {values, modelled} = authorizationContext(state, adminPrincipal(state), {sourceIp: '127.0.0.1', time}, '*');
		expect(values).toMatchObject({
			'aws:PrincipalType': 'User',
			'aws:PrincipalArn': `arn:aws:iam::${state.accountId}:user/${state.admin.userName}`,
			'aws:PrincipalAccount': state.accountId,
			'aws:userid': state.admin.userId,
			'aws:username': state.admin.userName,
			'aws:CurrentTime': '2025-03-04T05:06:07Z',
			'aws:EpochTime': '1741064767',
			'aws:SecureTransport': 'false',
			'aws:SourceIp': '127.0.0.1',
			'aws:ViaAWSService': 'false',
			'aws:RequestedRegion': 'eu-west-1',
		});
		expect(modelled('aws:principaltag/team')).toBe(true);
		expect(modelled('aws:sourcevpc')).toBe(false);
		// Direct calls: the keys a service acting for the principal would bring are absent.
		expect(values).toMatchObject({'aws:PrincipalIsAWSService': 'false'});
		expect(values).toHaveProperty('aws:CalledVia', undefined);
		expect(values).toHaveProperty('aws:SourceArn', undefined);
	});

	it('gives a role session no user name, and its role id and session as aws:userid', () => {
		const role = Object.values(state.iam.roles)[0]!;
		const {values} = authorizationContext(state, roleSessionPrincipal(state, role.name, 'i-0123'), {time}, '*');
		expect(values).toMatchObject({'aws:PrincipalType': 'AssumedRole', 'aws:userid': `${role.id}:i-0123`});
		expect(values).toHaveProperty('aws:username', undefined); // known to be absent, as on AWS
		expect(values).not.toHaveProperty('aws:SourceIp'); // not known: left unmodelled, so it fails closed
	});

	it('reports us-east-1 as the requested region of a request sent to IAM, a global service', () => {
		const region = (service?: string) =>
			authorizationContext(state, adminPrincipal(state), {time, ...(service ? {service} : {})}, '*').values['aws:RequestedRegion'];
		expect([region('iam'), region('ec2'), region('codeartifact'), region()]).toEqual(['us-east-1', 'eu-west-1', 'eu-west-1', 'eu-west-1']);
	});

	it('reports an IPv4 peer of a dual-stack socket as AWS does, without the ::ffff: prefix', () => {
		const request = (remoteAddress: string | undefined) => ({socket: {remoteAddress}}) as IncomingMessage;
		expect(requestFacts(request('::ffff:127.0.0.1'), time)).toEqual({sourceIp: '127.0.0.1', time});
		expect(requestFacts(request('::1'), time)).toEqual({sourceIp: '::1', time});
		expect(requestFacts(request(undefined), time)).toEqual({time});
		expect(requestFacts(request('::1'), time, 'iam')).toEqual({sourceIp: '::1', time, service: 'iam'});
	});
});
