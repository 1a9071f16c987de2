import type {RoleRecord} from '../../source/sandbox/state.js';

/** A role as the sandbox stores it, for tests that seed its state: the given fields, plain defaults for the rest. */
export function roleRecord(name: string, fields: Partial<RoleRecord> & Pick<RoleRecord, 'id'>): RoleRecord {
	return {
		name,
		path: '/',
		description: '',
		assumeRolePolicyDocument: '{}',
		maxSessionDuration: 3600,
		createDate: '2024-01-01T00:00:00Z',
		attachedPolicyArns: [],
		inlinePolicies: {},
		tags: [],
		...fields,
	};
}
