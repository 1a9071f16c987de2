import type {Rule} from '../iam/input.js';

// Constraints from botocore's sts/2011-06-15 model.
export const stsRules = {
	arn: {min: 20, max: 2048, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]+'},
	roleSessionName: {min: 2, max: 64, pattern: '[\\w+=,.@-]*'},
	sessionPolicy: {min: 1, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+'},
	externalId: {min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*'},
	serialNumber: {min: 9, max: 256, pattern: '[\\w+=/:,.@-]*'},
	tokenCode: {min: 6, max: 6, pattern: '[\\d]*'},
	sourceIdentity: {min: 2, max: 64, pattern: '[\\w+=,.@-]*'},
} as const satisfies Record<string, Rule>;
