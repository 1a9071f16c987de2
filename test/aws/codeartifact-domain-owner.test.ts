import {describe, expect, it} from 'vitest';
import {createAwsApis} from '../../source/aws/create-aws-apis.js';
import {AwsFailure} from '../../source/aws/errors.js';
import {useSandbox} from '../helpers/sandbox.js';

// An API built with a domain owner names it in every call on a domain. The sandbox emulates
// one account: the owner it is asked about must be its own, and any other finds nothing
// (it fails closed with AWS's ResourceNotFoundException, as AWS does for a domain it cannot see).

const sandbox = useSandbox();
const otherAccount = '210987654321';
const withOwner = (domainOwner: string) => createAwsApis({kind: 'sandbox', ...sandbox.current, domainOwner});

describe('the CodeArtifact adapter with a domain owner', () => {
	it('reaches the domain of the owner it names: its own account', async () => {
		const {codeartifact} = await withOwner(sandbox.current.accountId);
		await codeartifact.createDomain('owned');
		await codeartifact.createRepository('owned', 'libs', {});
		expect(await codeartifact.describeDomain('owned')).toMatchObject({name: 'owned', owner: sandbox.current.accountId});
		expect((await codeartifact.listRepositories('owned')).map(repository => repository.name)).toEqual(['libs']);
		expect(await codeartifact.getRepositoryEndpoint('owned', 'libs', 'maven')).toContain('/maven/libs/');
	});

	it('finds nothing under another owner: the domain is not there for it, and calls on it are refused with ResourceNotFound', async () => {
		await (await createAwsApis({kind: 'sandbox', ...sandbox.current})).codeartifact.createDomain('theirs');
		const {codeartifact} = await withOwner(otherAccount);
		expect(await codeartifact.describeDomain('theirs')).toBeUndefined();
		const refused = await codeartifact.listRepositories('theirs').catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(AwsFailure);
		expect(refused).toMatchObject({kind: 'not-found', code: 'ResourceNotFoundException'});
		expect((refused as AwsFailure).message).toContain(`Domain 'theirs' owned by account '${otherAccount}' does not exist`);
		await expect(codeartifact.createRepository('theirs', 'libs', {})).rejects.toMatchObject({kind: 'not-found'});
	});
});
