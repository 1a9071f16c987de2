import {describe, expect, it} from 'vitest';
import {metadataPath, probeVerdict, type ProbeContext} from '../../../source/wizard/doctor/repository-request.js';

const context: ProbeContext = {
	url: 'https://acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/a/b/maven-metadata.xml',
	address: {domain: 'acme', domainOwner: '111122223333', region: 'eu-west-1', repository: 'libs'},
	token: "this host's token",
	newToken: 'NEW-TOKEN-FIX',
	readFix: 'READ-FIX',
};

describe('probeVerdict', () => {
	it('tells 401, 403, 404 and no answer apart, each with its own fix', () => {
		const verdict = (status: number) => probeVerdict({kind: 'status', status}, context);
		expect(verdict(200)).toMatchObject({ok: true});
		expect(verdict(302)).toMatchObject({ok: true});
		expect(verdict(401)).toMatchObject({ok: false, fix: 'NEW-TOKEN-FIX'});
		expect(verdict(401).message).toContain('401 Unauthorized: CodeArtifact did not accept the token');
		expect(verdict(403)).toMatchObject({ok: false, fix: 'READ-FIX'});
		expect(verdict(403).message).toContain('may not codeartifact:ReadFromRepository on libs');
		expect(verdict(404).message).toContain('404 Not Found: no repository libs of domain acme');
		expect(verdict(404).fix).toContain('aws codeartifact get-repository-endpoint --domain acme --domain-owner 111122223333 --repository libs --format maven');
		expect(verdict(503)).toMatchObject({ok: false});
		const network = probeVerdict({kind: 'network', code: 'ENOTFOUND'}, context);
		expect(network.message).toContain('got no answer from acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com (ENOTFOUND)');
		expect(network.fix).toContain('proxy');
	});
});

describe('metadataPath', () => {
	it("is the package's maven-metadata.xml, its groupId as folders", () => {
		expect(metadataPath({namespace: 'org.apache.commons', name: 'commons-lang3'})).toBe('org/apache/commons/commons-lang3/maven-metadata.xml');
		expect(metadataPath({name: 'plain'})).toBe('plain/maven-metadata.xml');
	});
});
