import type {QueryService} from '../protocols/aws-query.js';
import * as instanceProfiles from './instance-profiles.js';
import * as policies from './policies.js';
import * as rolePolicies from './role-policies.js';
import * as roles from './roles.js';

/** IAM (awsQuery): roles, customer managed policies and instance profiles. */
export const iamService: QueryService = {
	name: 'iam',
	version: '2010-05-08',
	namespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
	style: 'awsQuery',
	actions: {...policies, ...roles, ...rolePolicies, ...instanceProfiles},
	common: {
		MissingAuthentication: ['MissingAuthenticationToken', 403],
		UnknownAccessKey: ['InvalidClientTokenId', 403],
		BadSignature: ['SignatureDoesNotMatch', 403],
		ExpiredToken: ['ExpiredToken', 403],
		AccessDenied: ['AccessDenied', 403],
		Throttling: ['Throttling', 400],
		Internal: ['ServiceFailure', 500],
		UnknownOperation: ['InvalidAction', 400],
		MalformedBody: ['MalformedQueryString', 400],
		TooLarge: ['RequestEntityTooLarge', 413],
	},
};
