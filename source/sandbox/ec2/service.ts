import type {QueryService} from '../protocols/aws-query.js';
import * as associations from './associations.js';
import * as instances from './instances.js';

/** EC2 (ec2Query): the simulated build host and which instance profile it has. */
export const ec2Service: QueryService = {
	name: 'ec2',
	version: '2016-11-15',
	namespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
	style: 'ec2Query',
	actions: {...instances, ...associations},
	common: {
		MissingAuthentication: ['AuthFailure', 401],
		UnknownAccessKey: ['AuthFailure', 401],
		BadSignature: ['AuthFailure', 401],
		ExpiredToken: ['RequestExpired', 400],
		AccessDenied: ['UnauthorizedOperation', 403],
		Throttling: ['RequestLimitExceeded', 503],
		Internal: ['InternalError', 500],
		UnknownOperation: ['InvalidAction', 400],
		MalformedBody: ['MalformedQueryString', 400],
		TooLarge: ['RequestEntityTooLarge', 413],
	},
};
