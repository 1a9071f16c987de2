import {describe, expect, test} from 'vitest';
import {mergeSettings, settingsDiff, unifiedDiff} from '../../source/maven/settings-xml.js';

const url = 'https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/';
const leak = /hunter2|SECRET/;

/** settings.xml whose last server holds `server`: ours is added right after it, so it is in the diff's context. */
function withLastServer(server: string): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<settings>',
		'  <servers>',
		'    <server><id>a</id></server>',
		`    ${server}`,
		'  </servers>',
		'</settings>',
		'',
	].join('\n');
}

function diffOf(before: string): string[] {
	const merged = mergeSettings(before, {id: 'codeartifact', url});
	if (!merged.ok) throw new Error(merged.message);
	return settingsDiff(before, merged.text, 'settings.xml');
}

describe('settingsDiff masks secrets', () => {
	test('the password of the server next to ours, shown as context', () => {
		const before = withLastServer('<server><id>nexus</id><username>me</username><password>hunter2</password></server>');
		const merged = mergeSettings(before, {id: 'codeartifact', url});
		// What the wizard showed before: the neighbour's password in the context lines.
		expect(merged.ok && unifiedDiff(before, merged.text, 'settings.xml').join('\n')).toContain('hunter2');
		const diff = diffOf(before);
		expect(diff.join('\n')).not.toMatch(leak);
		expect(diff).toContain('     <server><id>nexus</id><username>me</username><password>********</password></server>');
		// Our own placeholder is not a secret and stays readable.
		expect(diff).toContain('+      <password>${env.CODEARTIFACT_AUTH_TOKEN}</password>');
	});

	const forms: Record<string, string> = {
		'over several lines': '<server>\n      <id>n</id>\n      <password>\n        hunter2\n        SECRET\n      </password>\n    </server>',
		CDATA: '<server><id>n</id><password><![CDATA[hunter2<SECRET>]]></password></server>',
		entities: '<server><id>n</id><password>hunter2&amp;&#83;ECRET&lt;</password></server>',
		'odd whitespace and attributes': '<server><id>n</id><password\n   kind="hunter2"  >SECRET</password\n ></server>',
		'a comment inside and around': '<server><id>n</id><!-- x --><password>hunter2<!-- SECRET --></password><!-- y --></server>',
		'a processing instruction inside': '<server><id>n</id><password><?pi SECRET?>hunter2</password></server>',
		'the placeholder plus more': '<server><id>n</id><password>${env.CODEARTIFACT_AUTH_TOKEN}<!-- hunter2 --></password></server>',
		'a namespace prefix and another case': '<server xmlns:s="urn:x"><id>n</id><s:password>hunter2</s:password><Password>SECRET</Password></server>',
		'a passphrase and a private key': '<server><id>n</id><privateKey>/home/me/.ssh/hunter2</privateKey><passphrase>SECRET</passphrase></server>',
		'an HTTP header token':
			'<server><id>n</id><configuration><httpHeaders><property><name>Private-Token</name><value>hunter2SECRET</value></property></httpHeaders></configuration></server>',
		'a commented-out server': '<!-- <server><id>old</id><password>hunter2</password></server> -->',
		'a codeartifact server with a literal password': '<server><id>codeartifact</id><username>aws</username><password>hunter2SECRET</password></server>',
	};
	for (const [name, server] of Object.entries(forms)) {
		test(name, () => {
			const before = withLastServer(server);
			const diff = diffOf(before);
			expect(diff.join('\n')).not.toMatch(leak);
			// Line numbers stay true: the hunk headers are those of the unmasked diff.
			const merged = mergeSettings(before, {id: 'codeartifact', url});
			const headers = (lines: string[]) => lines.filter(line => line.startsWith('@@'));
			expect(headers(diff)).toEqual(merged.ok && headers(unifiedDiff(before, merged.text, 'settings.xml')));
		});
	}

	test('a password our change replaces is masked on its removed line too', () => {
		const before = '<settings><servers><server><id>x</id><password>hunter2</password></server></servers></settings>\n';
		const diff = diffOf(before);
		expect(diff.filter(line => line.startsWith('-'))).toContain(
			'-<settings><servers><server><id>x</id><password>********</password></server></servers></settings>',
		);
		expect(diff.join('\n')).not.toMatch(leak);
	});

	test('empty passwords hide nothing and stay as they are', () => {
		expect(diffOf(withLastServer('<server><id>n</id><password/><passphrase></passphrase></server>')).join('\n')).toContain(
			'<password/><passphrase></passphrase>',
		);
	});
});

describe('errors never quote a secret', () => {
	test('markup that breaks the XML inside a password is named, not shown', () => {
		const result = mergeSettings('<settings><servers><server><password>hunter2</SECRET></password></server></servers></settings>', {id: 'codeartifact', url});
		expect(result).toMatchObject({ok: false, line: 1});
		expect(!result.ok && result.message).not.toMatch(leak);
		const inAttribute = mergeSettings('<settings><servers><server><password a="1" SECRET="2" SECRET="3">x</password></server></servers></settings>', {
			id: 'codeartifact',
			url,
		});
		expect(!inAttribute.ok && inAttribute.message).toMatch(/^the content of <password> is not well-formed XML \(it is not shown/);
	});

	test('an element inside a password (Maven would quote the text around it) is refused without naming it', () => {
		const result = mergeSettings('<settings><servers><server><password>hunter2<SECRET/></password></server></servers></settings>', {id: 'codeartifact', url});
		expect(result).toMatchObject({ok: false, line: 1, column: 45});
		expect(!result.ok && result.message).not.toMatch(leak);
	});
});
