import {describe, expect, it} from 'vitest';
import {mergeSettings} from '../../../source/maven/settings-xml.js';
import {checkSettings} from '../../../source/wizard/doctor/settings-check.js';

const url = 'https://acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/';
const path = '/home/me/.m2/settings.xml';

/** What the wizard writes, so the checks are held against the real file and not a hand-made one. */
function written(): string {
	const merged = mergeSettings(undefined, {id: 'codeartifact', url});
	if (!merged.ok) throw new Error(merged.message);
	return merged.text;
}

describe('checkSettings', () => {
	it('passes the file the wizard writes, and hands on the repository its mirror names', () => {
		const {result, mirror} = checkSettings({path, text: written()});
		expect(result).toMatchObject({id: 'settings', status: 'ok'});
		expect(result.message).toContain(`mirror "codeartifact" → ${url}`);
		expect(mirror?.address).toEqual({domain: 'acme', domainOwner: '111122223333', region: 'eu-west-1', repository: 'libs'});
	});

	it('fails a missing file, a file it cannot read, and one that does not parse (line and column)', () => {
		expect(checkSettings({path, text: undefined}).result).toMatchObject({status: 'fail', message: `there is no ${path}.`});
		expect(checkSettings({path, text: undefined, unreadable: {message: 'you may not read this file.', fix: 'x'}}).result.message).toBe(
			`${path}: you may not read this file.`,
		);
		const broken = checkSettings({path, text: '<settings>\n  <servers>\n</settings>\n'});
		expect(broken.result.status).toBe('fail');
		expect(broken.result.message).toMatch(new RegExp(`^${path}, line 3, column \\d+: `));
		expect(broken.mirror).toBeUndefined();
	});

	it('fails a file with no CodeArtifact mirror', () => {
		const {result} = checkSettings({path, text: '<settings><mirrors><mirror><id>n</id><url>https://nexus.example/</url></mirror></mirrors></settings>'});
		expect(result).toMatchObject({status: 'fail', message: `${path} has no <mirror> whose URL is a CodeArtifact repository endpoint.`});
	});

	it('names a mirror and a server whose ids disagree, and which one to rename', () => {
		const text = written().replace('<server>\n      <id>codeartifact</id>', '<server>\n      <id>code-artifact</id>');
		expect(text).toContain('<id>code-artifact</id>');
		const {result, mirror} = checkSettings({path, text});
		expect(result.status).toBe('fail');
		expect(result.message).toBe('mirror "codeartifact" has no <server> with its id (servers: "code-artifact"), so Maven sends it no token and gets 401.');
		expect(result.fix).toMatch(/^Give server "code-artifact" the id "codeartifact"/);
		expect(mirror).toBeDefined(); // the checks after it still know the repository
	});

	it("names a profile's repository whose id has no server", () => {
		const text = written().replace(/(<repository>\s*<id>)codeartifact/, '$1central-ca');
		const {result} = checkSettings({path, text});
		expect(result.status).toBe('fail');
		expect(result.message).toContain('repository id "central-ca"');
		expect(result.fix).toContain('the id "codeartifact"');
	});

	it('warns about a password written into the file, without showing it', () => {
		const text = written().replace('${env.CODEARTIFACT_AUTH_TOKEN}', 'canary-secret-value');
		const {result} = checkSettings({path, text});
		expect(result.status).toBe('warn');
		expect(result.message).toContain('holds its password in the file');
		expect(JSON.stringify(result)).not.toContain('canary');
	});

	it('fails a server that does not log in as aws', () => {
		const {result} = checkSettings({path, text: written().replace('<username>aws</username>', '<username>me</username>')});
		expect(result).toMatchObject({status: 'fail', fix: 'Write <username>aws</username> in it.'});
	});
});
