import type {QueryService} from '../protocols/aws-query.js';
import {queryCommonErrors} from '../protocols/query-common-errors.js';
import * as instanceProfiles from './instance-profiles.js';
import * as policies from './policies.js';
import * as rolePolicies from './role-policies.js';
import * as roles from './roles.js';
import * as tags from './tags.js';
import * as users from './users.js';

/** IAM (awsQuery): roles, managed policies (the account's and AWS's), instance profiles and their tags, and the admin user. */
export const iamService: QueryService = {
	name: 'iam',
	version: '2010-05-08',
	namespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
	style: 'awsQuery',
	actions: {...policies, ...roles, ...rolePolicies, ...instanceProfiles, ...tags, ...users},
	common: queryCommonErrors({Internal: ['ServiceFailure', 500]}),
};
