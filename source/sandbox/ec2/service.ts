import type {QueryService} from '../protocols/aws-query.js';
import {queryCommonErrors} from '../protocols/query-common-errors.js';
import * as associations from './associations.js';
import * as instances from './instances.js';
import * as regions from './regions.js';
import * as tags from './tags.js';

/** EC2 (ec2Query): the simulated build hosts, which instance profile each has, their tags, and the regions. */
export const ec2Service: QueryService = {
	name: 'ec2',
	version: '2016-11-15',
	namespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
	style: 'ec2Query',
	actions: {...instances, ...associations, ...regions, ...tags},
	// EC2 words authentication, denial and throttling its own way; the rest as every query service.
	common: queryCommonErrors({
		MissingAuthentication: ['AuthFailure', 401],
		UnknownAccessKey: ['AuthFailure', 401],
		BadSignature: ['AuthFailure', 401],
		ExpiredToken: ['RequestExpired', 400],
		AccessDenied: ['UnauthorizedOperation', 403],
		Throttling: ['RequestLimitExceeded', 503],
		Internal: ['InternalError', 500],
	}),
};
