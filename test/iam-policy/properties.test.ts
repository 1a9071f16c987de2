import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {evaluatePolicies, parsePolicyDocument, type AuthorizationRequest} from '../../source/iam-policy/evaluate.js';
import {matchWildcard} from '../../source/iam-policy/wildcard.js';

const service = fc.constantFrom('codeartifact', 'sts', 'iam', 'ec2');
const actionName = fc.stringMatching(/^[A-Z][A-Za-z]{0,12}$/);
const action = fc.tuple(service, actionName).map(([prefix, name]) => `${prefix}:${name}`);
const resource = fc
	.tuple(service, fc.constantFrom('us-east-1', 'eu-west-1'), fc.constantFrom('123456789012', '210987654321'), fc.stringMatching(/^[a-z]{1,6}\/[a-z-]{1,8}$/))
	.map(([prefix, region, account, path]) => `arn:aws:${prefix}:${region}:${account}:${path}`);
// Prefix patterns stay valid IAM: the vendor and the `arn:` head survive the cut.
const truncated = (head: string, value: string, keep: number) => `${head}${value.slice(0, keep)}*`;
const actionPattern = fc.oneof(
	action,
	fc.constant('*'),
	fc.tuple(service, actionName, fc.nat(12)).map(([prefix, name, keep]) => truncated(`${prefix}:`, name, keep)),
);
const resourcePattern = fc.oneof(
	resource,
	fc.constant('*'),
	fc.tuple(resource, fc.nat(60)).map(([arn, keep]) => truncated('arn:', arn.slice(4), keep)),
);
const listOrOne = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, fc.array(arbitrary, {minLength: 1, maxLength: 3}));
const condition = fc.constantFrom(
	undefined,
	{StringEquals: {'aws:username': 'alice'}},
	{StringNotLike: {'aws:username': 'b*'}},
	{'ForAnyValue:StringEquals': {'aws:TagKeys': ['team', 'env']}},
	{BoolIfExists: {'aws:SecureTransport': true}},
	{Null: {'aws:username': 'false'}},
);
const statement = fc
	.record({
		Effect: fc.constantFrom('Allow', 'Deny'),
		actions: listOrOne(actionPattern),
		resources: listOrOne(resourcePattern),
		negateAction: fc.boolean(),
		negateResource: fc.boolean(),
		Condition: condition,
	})
	.map(({Effect, actions, resources, negateAction, negateResource, Condition}) => ({
		Effect,
		[negateAction ? 'NotAction' : 'Action']: actions,
		[negateResource ? 'NotResource' : 'Resource']: resources,
		...(Condition === undefined ? {} : {Condition}),
	}));
const document = fc.array(statement, {minLength: 1, maxLength: 4}).map(statements => ({Version: '2012-10-17', Statement: statements}));
const documents = fc.array(document, {maxLength: 3});
const request: fc.Arbitrary<AuthorizationRequest> = fc.record({
	action,
	resource,
	context: fc.record(
		{
			'aws:username': fc.constantFrom('alice', 'bob'),
			'aws:TagKeys': fc.subarray(['team', 'env', 'cost']),
			'aws:SecureTransport': fc.constantFrom('true', 'false'),
		},
		{requiredKeys: []},
	),
});
const denyAll = {Effect: 'Deny', Action: '*', Resource: '*'};
const allowAll = {Effect: 'Allow', Action: '*', Resource: '*'};

describe('evaluatePolicies properties', () => {
	it('a Deny matching everything always yields ExplicitDeny, wherever it is added', () => {
		fc.assert(
			fc.property(documents, request, fc.nat(), (docs, req, at) => {
				const position = docs.length === 0 ? 0 : at % (docs.length + 1);
				const withDeny = [...docs.slice(0, position), {Statement: denyAll}, ...docs.slice(position)];
				expect(evaluatePolicies(withDeny, req)).toBe('ExplicitDeny');
			}),
		);
	});

	it('an Allow matching everything yields Allow unless something denies explicitly', () => {
		fc.assert(
			fc.property(documents, request, (docs, req) => {
				const before = evaluatePolicies(docs, req);
				expect(evaluatePolicies([...docs, {Statement: allowAll}], req)).toBe(before === 'ExplicitDeny' ? 'ExplicitDeny' : 'Allow');
			}),
		);
	});

	it('does not depend on the order of documents or statements', () => {
		fc.assert(
			fc.property(documents, request, (docs, req) => {
				const reversed = docs.map(doc => ({...doc, Statement: [...doc.Statement].reverse()})).reverse();
				expect(evaluatePolicies(reversed, req)).toBe(evaluatePolicies(docs, req));
			}),
		);
	});

	it('is blind to the case of the requested action', () => {
		fc.assert(
			fc.property(documents, request, (docs, req) => {
				const decision = evaluatePolicies(docs, req);
				expect(evaluatePolicies(docs, {...req, action: req.action.toUpperCase()})).toBe(decision);
				expect(evaluatePolicies(docs, {...req, action: req.action.toLowerCase()})).toBe(decision);
			}),
		);
	});

	it('every generated document passes validation', () => {
		fc.assert(
			fc.property(document, doc => {
				expect(parsePolicyDocument(JSON.stringify(doc))).toEqual({ok: true, document: doc});
			}),
		);
	});

	it('never throws on arbitrary JSON, in evaluation or validation', () => {
		fc.assert(
			fc.property(fc.array(fc.jsonValue(), {maxLength: 3}), request, (docs, req) => {
				expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(evaluatePolicies(docs, req));
				for (const doc of docs) {
					const text = JSON.stringify(doc);
					expect(typeof parsePolicyDocument(text).ok).toBe('boolean');
					expect(typeof parsePolicyDocument(text, {kind: 'trust'}).ok).toBe('boolean');
				}
			}),
		);
	});

	it('parsePolicyDocument never throws on arbitrary text', () => {
		fc.assert(
			fc.property(fc.string(), text => {
				expect(parsePolicyDocument(text).ok).toBe(false);
			}),
		);
	});
});

describe('matchWildcard properties', () => {
	const plain = fc.string({maxLength: 40}).filter(text => !/[*?]/.test(text));

	it('a pattern without wildcards matches exactly itself', () => {
		fc.assert(
			fc.property(plain, plain, (pattern, value) => {
				expect(matchWildcard(pattern, value)).toBe(pattern === value);
			}),
		);
	});

	// A RegExp is a fine oracle on short inputs (its backtracking only hurts on long ones).
	it('agrees with a RegExp built from the pattern, ARN mode and case folding included', () => {
		const text = fc.string({unit: fc.constantFrom('a', 'B', ':', '/', '*', '?', '📦', 'İ'), maxLength: 14});
		const asRegExp = (pattern: string, arn: boolean, ignoreCase: boolean) => {
			let colons = 0;
			const source = Array.from(ignoreCase ? pattern.toLowerCase() : pattern)
				.map(char => {
					const inSegment = arn && colons < 5;
					if (char === '*') return inSegment ? '[^:]*' : '.*';
					if (char === '?') return inSegment ? '[^:]' : '.';
					if (char === ':') colons++;
					return char.replace(/[/\\^$+.()|[\]{}]/g, '\\$&');
				})
				.join('');
			return new RegExp(`^${source}$`, 'su');
		};
		fc.assert(
			fc.property(text, text, fc.boolean(), fc.boolean(), (pattern, value, arn, ignoreCase) => {
				const folded = ignoreCase ? value.toLowerCase() : value;
				const expected = (!arn || folded.split(':').length > 5) && asRegExp(pattern, arn, ignoreCase).test(folded);
				expect(matchWildcard(pattern, value, {arn, ignoreCase})).toBe(expected);
			}),
			{numRuns: 2000},
		);
	});

	it('replacing characters with ? or a slice with * keeps the match', () => {
		fc.assert(
			fc.property(plain, fc.nat(), fc.nat(), (value, a, b) => {
				const chars = Array.from(value);
				const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y) as [number, number];
				const questioned = chars.map((char, i) => (i >= from && i < to ? '?' : char)).join('');
				const starred = [...chars.slice(0, from), '*', ...chars.slice(to)].join('');
				expect(matchWildcard(questioned, value)).toBe(true);
				expect(matchWildcard(starred, value)).toBe(true);
			}),
		);
	});
});
