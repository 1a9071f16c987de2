import {expect, it} from 'vitest';
import {consoleLinks} from '../../source/wizard/console-links.js';

it("builds the console's own addresses for the domain, the repository, its packages and the role", () => {
	expect(consoleLinks({region: 'eu-west-1', account: '123456789012', domain: 'acme', repository: 'libs', role: 'build-host-role'})).toEqual({
		domain: 'https://eu-west-1.console.aws.amazon.com/codesuite/codeartifact/d/123456789012/acme?region=eu-west-1',
		repository: 'https://eu-west-1.console.aws.amazon.com/codesuite/codeartifact/d/123456789012/acme/r/libs?region=eu-west-1',
		packages:
			'https://eu-west-1.console.aws.amazon.com/codesuite/codeartifact/d/123456789012/acme/r/libs?region=eu-west-1&packages-meta=eyJmIjp7fSwicyI6e30sIm4iOjIwLCJpIjowfQ',
		role: 'https://console.aws.amazon.com/iam/home#/roles/details/build-host-role',
	});
});

it('names no role when the run knows none, and escapes what a path may not hold', () => {
	const links = consoleLinks({region: 'us-east-1', account: '123456789012', domain: 'acme', repository: 'libs_1.x'});
	expect(links).not.toHaveProperty('role');
	expect(consoleLinks({region: 'us-east-1', account: '123456789012', domain: 'acme', repository: 'libs', role: 'ci+runner@x'}).role).toBe(
		'https://console.aws.amazon.com/iam/home#/roles/details/ci%2Brunner%40x',
	);
	// The Packages table's state is the console's own, decoded: no filter, no sort, 20 a page, the first page.
	const state = new URL(links.packages).searchParams.get('packages-meta')!;
	expect(JSON.parse(Buffer.from(state, 'base64').toString('utf8'))).toEqual({f: {}, s: {}, n: 20, i: 0});
});
