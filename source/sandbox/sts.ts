import type {QueryService} from './protocols/aws-query.js';
import {queryCommonErrors} from './protocols/query-common-errors.js';

/** STS: only GetCallerIdentity is an API call here (GetServiceBearerToken is an IAM action only). */
export const stsService: QueryService = {
	name: 'sts',
	version: '2011-06-15',
	namespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
	style: 'awsQuery',
	actions: {
		// Needs no permission, as in AWS: it is how anyone finds out who they are.
		GetCallerIdentity: (_params, call) => ({UserId: call.principal.userId, Account: call.principal.accountId, Arn: call.principal.arn}),
	},
	common: queryCommonErrors(),
};
