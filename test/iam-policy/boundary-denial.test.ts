import {describe, expect, it} from 'vitest';
import {denialMessage} from '../../source/iam-policy/evaluate.js';

describe('denialMessage for a permissions boundary', () => {
	const principal = 'arn:aws:sts::123456789012:assumed-role/builder/i-0123456789abcdef0';
	const request = {action: 'codeartifact:GetAuthorizationToken', resource: 'arn:aws:codeartifact:us-east-1:123456789012:domain/my-domain'};

	it('names the boundary, as AWS does, when the boundary decided', () => {
		const head = `User: ${principal} is not authorized to perform: codeartifact:GetAuthorizationToken on resource: ${request.resource}`;
		expect(denialMessage(principal, request, 'ImplicitDeny', 'boundary')).toBe(
			`${head} because no permissions boundary allows the codeartifact:GetAuthorizationToken action`,
		);
		expect(denialMessage(principal, request, 'ExplicitDeny', 'boundary')).toBe(`${head} with an explicit deny in a permissions boundary`);
		expect(denialMessage(principal, request, 'ImplicitDeny')).toBe(
			`${head} because no identity-based policy allows the codeartifact:GetAuthorizationToken action`,
		);
	});

	it('names a resource-based policy (a domain or repository policy) when it decided', () => {
		const head = `User: ${principal} is not authorized to perform: codeartifact:GetAuthorizationToken on resource: ${request.resource}`;
		expect(denialMessage(principal, request, 'ImplicitDeny', 'resource')).toBe(
			`${head} because no resource-based policy allows the codeartifact:GetAuthorizationToken action`,
		);
		expect(denialMessage(principal, request, 'ExplicitDeny', 'resource')).toBe(`${head} with an explicit deny in a resource-based policy`);
	});
});
