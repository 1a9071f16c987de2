import type {QueryService} from './protocols/aws-query.js';
import {queryCommonErrors} from './protocols/query-common-errors.js';
import {AssumeRole} from './sts/assume-role.js';
import {GetSessionToken} from './sts/session-token.js';

/** STS: who am I, and temporary credentials (GetServiceBearerToken is an IAM action only, not a call). */
export const stsService: QueryService = {
	name: 'sts',
	version: '2011-06-15',
	namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
	style: 'awsQuery',
	actions: {
		// Needs no permission, as in AWS: it is how anyone finds out who they are.
		GetCallerIdentity: (_params, call) => ({UserId: call.principal.userId, Account: call.principal.accountId, Arn: call.principal.arn}),
		AssumeRole,
		GetSessionToken,
	},
	common: queryCommonErrors(),
};
