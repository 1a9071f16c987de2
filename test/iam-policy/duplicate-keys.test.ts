import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {duplicateKey} from '../../source/iam-policy/duplicate-keys.js';
import {parsePolicyDocument} from '../../source/iam-policy/evaluate.js';

describe('duplicateKey', () => {
	it.each([
		['{"Effect":"Deny","Effect":"Allow"}', 'Effect'],
		['{"Statement":[{"Effect":"Deny"},{"Condition":{"Bool":{"aws:SecureTransport":"false","aws:SecureTransport":"true"}}}]}', 'aws:SecureTransport'],
		['{"a":1,"\\u0061":2}', 'a'],
		['{"a":{"a":1},"b":[{"a":1}],"a":3}', 'a'],
		['{"__proto__":1,"__proto__":2}', '__proto__'],
	])('finds the repeated key in %s', (text, key) => {
		expect(duplicateKey(text)).toBe(key);
	});

	it.each(['{"a":{"a":1},"b":{"a":2}}', '[{"a":1},{"a":2}]', '{"a":"a","b":["a","a"],"c":"\\"a\\",\\"a\\":"}', '"a"', '{}'])('finds none in %s', text => {
		expect(duplicateKey(text)).toBeUndefined();
	});

	it('finds none in any JSON text JSON.stringify writes (it never repeats a key)', () => {
		fc.assert(fc.property(fc.jsonValue(), value => duplicateKey(JSON.stringify(value, null, 1)) === undefined));
	});

	it('finds a key repeated anywhere in any object', () => {
		const object = fc.dictionary(fc.string(), fc.jsonValue(), {minKeys: 1});
		fc.assert(
			fc.property(object, fc.nat(), (value, pick) => {
				const keys = Object.keys(value);
				const key = keys[pick % keys.length]!;
				// Repeat the key as the last member, inside an array inside another object.
				const inner = `${JSON.stringify(value).slice(0, -1)},${JSON.stringify(key)}:null}`;
				return duplicateKey(`{"x":[1,${inner}]}`) === key;
			}),
		);
	});
});

describe('parsePolicyDocument refuses duplicate keys at any depth, as IAM does', () => {
	it.each([
		'{"Version":"2012-10-17","Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
		'{"Version":"2012-10-17","Statement":{"Effect":"Deny","Effect":"Allow","Action":"*","Resource":"*"}}',
		'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":"a","aws:username":"b"}}}]}',
	])('%s', text => {
		expect(parsePolicyDocument(text)).toEqual({ok: false, message: 'Syntax errors in policy.'});
	});
});
