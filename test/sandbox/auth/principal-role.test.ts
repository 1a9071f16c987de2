import {rmSync} from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {authorizerFor} from '../../../source/sandbox/auth/authorize.js';
import {roleSessionPrincipal} from '../../../source/sandbox/auth/principal.js';
import {SandboxStore} from '../../../source/sandbox/store/sandbox-store.js';
import {temporaryDirectory} from '../../helpers/sandbox.js';

// The key check ties a session to its role's unique id; the policy look-up that follows (after
// the body is read) must hold it to the same id, or a role re-created in between lends its rights.

describe('the role a session acts as', () => {
	const dataDir = temporaryDirectory('ca-wizard-sandbox-');
	afterAll(() => rmSync(dataDir, {recursive: true, force: true}));
	const {state} = new SandboxStore(dataDir, {region: 'us-east-1', scenario: 'access-denied'});
	const facts = {sourceIp: '127.0.0.1', time: new Date()};
	const allowAll = JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]});

	it('lends nothing once the role of that name is another role', () => {
		const [name, role] = Object.entries(state.iam.roles)[0]!;
		role.inlinePolicies['everything'] = allowAll;
		const principal = roleSessionPrincipal(state, name, 'i-0123456789abcdef0');
		expect(() => authorizerFor(state, principal, facts)('iam:ListRoles', '*')).not.toThrow();
		state.iam.roles[name] = {...role, id: 'AROAREPLACEMENT000001'};
		expect(() => authorizerFor(state, principal, facts)('iam:ListRoles', '*')).toThrow(/not authorized/);
	});
});
