import {XMLParser} from 'fast-xml-parser';
import {describe, expect, test} from 'vitest';
import {mergeSettings, type CodeArtifactSettings, type MergeResult} from '../../source/maven/settings-xml.js';

const settings: CodeArtifactSettings = {id: 'codeartifact', url: 'https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/'};

function merged(existing: string | undefined, with_: CodeArtifactSettings = settings): Extract<MergeResult, {ok: true}> {
	const result = mergeSettings(existing, with_);
	if (!result.ok) throw new Error(`expected a merge, got ${result.line}:${result.column} ${result.message}`);
	return result;
}

/** An independent reading of the result: what Maven would see. */
function read(text: string): Record<string, any> {
	const parser = new XMLParser({
		ignoreAttributes: true,
		parseTagValue: false,
		isArray: name => ['server', 'mirror', 'profile', 'activeProfile', 'repository', 'pluginRepository'].includes(name),
	});
	return parser.parse(text).settings;
}

function expectOurConfiguration(text: string, {id, url} = settings): void {
	const document = read(text);
	expect(document.servers.server.filter((server: any) => server.id === id)).toEqual([
		{id, username: 'aws', password: '${env.CODEARTIFACT_AUTH_TOKEN}', configuration: {httpConfiguration: {all: {usePreemptive: 'true'}}}},
	]);
	expect(document.mirrors.mirror.filter((mirror: any) => mirror.id === id)).toEqual([{id, name: 'CodeArtifact', url, mirrorOf: '*'}]);
	expect(document.profiles.profile.filter((profile: any) => profile.id === id)).toEqual([
		{id, repositories: {repository: [{id, url}]}, pluginRepositories: {pluginRepository: [{id, url}]}},
	]);
	expect(document.activeProfiles.activeProfile).toContain(id);
}

describe('mergeSettings', () => {
	test('no file: a complete settings.xml with the Maven namespace', () => {
		const result = merged(undefined);
		expect(result.changed).toBe(true);
		expect(result.conflictingMirrors).toEqual([]);
		expect(result.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<settings xmlns="http:\/\/maven\.apache\.org\/SETTINGS\/1\.2\.0"/);
		expect(result.text.endsWith('</settings>\n')).toBe(true);
		expectOurConfiguration(result.text);
		expect(result.text).toContain('\n  <servers>\n    <server>\n      <id>codeartifact</id>\n');
	});

	test('an empty or blank file is treated as no file', () => {
		expect(merged('').text).toBe(merged(undefined).text);
		expect(merged(' \n').text).toBe(merged(undefined).text);
	});

	test('keeps other servers, mirrors, profiles and comments byte for byte', () => {
		const existing = [
			'<?xml version="1.0" encoding="UTF-8"?>',
			'<!-- my settings -->',
			'<settings>',
			'    <localRepository>/data/m2</localRepository>',
			'    <servers>',
			'        <!-- the company Nexus -->',
			'        <server>  <id>nexus</id><password>p&amp;ss&#x21;</password></server>',
			'    </servers>',
			'    <mirrors>',
			'        <mirror><id>corp</id><mirrorOf>*</mirrorOf><url>https://corp/</url></mirror>',
			'    </mirrors>',
			'    <profiles>',
			'        <profile><id>jdk17</id><properties><x><![CDATA[a<b]]></x></properties></profile>',
			'    </profiles>',
			'</settings>',
			'',
		].join('\n');
		const result = merged(existing);
		expectOurConfiguration(result.text);
		expect(result.conflictingMirrors).toEqual(['corp']);
		// Every line of the original is still there, in order.
		const lines = result.text.split('\n');
		let cursor = 0;
		for (const line of existing.split('\n')) {
			cursor = lines.indexOf(line, cursor);
			expect(cursor, line).toBeGreaterThanOrEqual(0);
		}
		// Ours is indented like the file, and goes first among the mirrors (Maven uses the first match).
		expect(result.text).toContain('    <mirrors>\n        <mirror>\n            <id>codeartifact</id>');
		expect(result.text).toContain(
			'    </profiles>\n    <activeProfiles>\n        <activeProfile>codeartifact</activeProfile>\n    </activeProfiles>\n</settings>\n',
		);
	});

	test('keeps CRLF line endings and tabs', () => {
		const existing = '<settings>\r\n\t<servers>\r\n\t\t<server><id>nexus</id></server>\r\n\t</servers>\r\n</settings>\r\n';
		const {text} = merged(existing);
		expect(text.replaceAll('\r\n', '')).not.toContain('\n');
		expect(text).toContain('\t\t<server><id>nexus</id></server>\r\n\t\t<server>\r\n\t\t\t<id>codeartifact</id>\r\n');
		expectOurConfiguration(text);
	});

	test('our elements already present with an old URL are replaced where they are', () => {
		const old = 'https://old-111111111111.d.codeartifact.eu-west-1.amazonaws.com/maven/old/';
		const first = merged('<settings>\n  <servers>\n    <server><id>nexus</id></server>\n  </servers>\n</settings>\n', {id: 'codeartifact', url: old}).text;
		const edited = first.replace('<servers>', '<!-- mine --><servers>');
		const result = merged(edited);
		expect(result.changed).toBe(true);
		expect(result.text).not.toContain(old);
		expect(result.text).toBe(edited.replaceAll(old, settings.url));
		expectOurConfiguration(result.text);
	});

	test('merging twice changes nothing the second time', () => {
		const once = merged('<settings><servers><server><id>a</id></server></servers></settings>').text;
		const twice = merged(once);
		expect(twice).toMatchObject({changed: false, text: once});
		expect(once).toBe(
			'<settings><servers><server><id>a</id></server>\n    <server>\n      <id>codeartifact</id>\n      <username>aws</username>\n      <password>${env.CODEARTIFACT_AUTH_TOKEN}</password>\n      <configuration>\n        <httpConfiguration>\n          <all>\n            <usePreemptive>true</usePreemptive>\n          </all>\n        </httpConfiguration>\n      </configuration>\n    </server>\n  </servers>\n  <mirrors>\n    <mirror>\n      <id>codeartifact</id>\n      <name>CodeArtifact</name>\n      <url>https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/</url>\n      <mirrorOf>*</mirrorOf>\n    </mirror>\n  </mirrors>\n  <profiles>\n    <profile>\n      <id>codeartifact</id>\n      <repositories>\n        <repository>\n          <id>codeartifact</id>\n          <url>https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/</url>\n        </repository>\n      </repositories>\n      <pluginRepositories>\n        <pluginRepository>\n          <id>codeartifact</id>\n          <url>https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/</url>\n        </pluginRepository>\n      </pluginRepositories>\n    </profile>\n  </profiles>\n  <activeProfiles>\n    <activeProfile>codeartifact</activeProfile>\n  </activeProfiles>\n</settings>',
		);
	});

	test('self-closing settings and lists are opened', () => {
		expectOurConfiguration(merged('<settings/>').text);
		const {text} = merged('<settings>\n  <servers/>\n  <activeProfiles />\n</settings>');
		expect(text).toContain('  <servers>\n    <server>');
		expect(text).toContain('  <activeProfiles >\n    <activeProfile>codeartifact</activeProfile>\n  </activeProfiles>\n');
		expectOurConfiguration(text);
	});

	test('escapes the URL', () => {
		const {text} = merged(undefined, {id: 'codeartifact', url: 'https://host/maven/r/?a=1&b=<2>'});
		expect(text).toContain('<url>https://host/maven/r/?a=1&amp;b=&lt;2&gt;</url>');
		expectOurConfiguration(text, {id: 'codeartifact', url: 'https://host/maven/r/?a=1&b=<2>'});
	});

	test('refuses what Maven 3.8 stops on although the XML is well-formed', () => {
		const refused = (text: string) => {
			const result = mergeSettings(text, settings);
			if (result.ok) throw new Error(`merged: ${text}`);
			return result;
		};
		// MXParser skips a DTD, then fails on the entities it declares: any DOCTYPE is refused.
		expect(refused('<!DOCTYPE settings [<!ENTITY home "/home/me">]>\n<settings>\n  <localRepository>&home;/m2</localRepository>\n</settings>\n')).toMatchObject(
			{line: 1, column: 1, message: expect.stringContaining('DOCTYPE')},
		);
		expect(refused('<?xml version="1.0"?>\n<!DOCTYPE settings>\n<settings/>')).toMatchObject({line: 2, column: 1});
		// "Duplicated tag": a section, or a field of an item, given twice.
		expect(refused('<settings>\n  <servers/>\n  <mirrors/>\n  <servers/>\n</settings>')).toMatchObject({
			line: 4,
			column: 3,
			message: expect.stringMatching(/^a second <servers> in <settings> \(the first is at line 2, column 3\)/),
		});
		expect(refused('<settings><localRepository>/a</localRepository><localRepository>/b</localRepository></settings>').message).toContain('<localRepository>');
		expect(refused('<settings><proxies><proxy><host>a</host><host>b</host></proxy></proxies></settings>').message).toContain('a second <host> in <proxy>');
		// "TEXT must be immediately followed by END_TAG": markup inside a text field.
		expect(refused('<settings><servers><server><id>a<b/></id></server></servers></settings>').message).toContain('<id> holds an element (<b>)');
	});

	test('lists, properties and configuration may repeat what they hold', () => {
		const existing =
			'<settings><servers><server><id>a</id><configuration><h>1</h><h>2</h></configuration></server><server><id>b</id></server></servers>' +
			'<profiles><profile><id>p</id><properties><x>1</x><x>2</x></properties></profile></profiles></settings>';
		expectOurConfiguration(merged(existing).text);
	});

	test("someone else's server or mirror with our id is kept, and ours take the first free id", () => {
		const foreign = [
			'<settings>',
			'  <servers>',
			'    <server><id>codeartifact</id><username>deploy</username><password>literal</password></server>',
			'  </servers>',
			'  <mirrors>',
			'    <mirror><id>codeartifact-2</id><url>https://nexus.example/m2/</url><mirrorOf>*</mirrorOf></mirror>',
			'  </mirrors>',
			'</settings>',
			'',
		].join('\n');
		const first = merged(foreign);
		expect(first).toMatchObject({id: 'codeartifact-3', foreign: ['server']});
		expectOurConfiguration(first.text, {...settings, id: 'codeartifact-3'});
		for (const line of foreign.split('\n')) expect(first.text).toContain(line);
		expect(first.text).not.toContain('<id>codeartifact</id>\n');
		// A second run recognises its own items and changes nothing.
		expect(merged(first.text)).toMatchObject({id: 'codeartifact-3', foreign: ['server'], changed: false});
	});

	test("what AWS's guide (or an earlier run) wrote is ours: updated in place, under the usual id", () => {
		const old = 'https://old-111111111111.d.codeartifact.eu-west-1.amazonaws.com/maven/old/';
		const guide =
			`<settings><servers><server><id>codeartifact</id><username>aws</username><password>\${env.CODEARTIFACT_AUTH_TOKEN}</password></server></servers>` +
			`<mirrors><mirror><id>codeartifact</id><url>${old}</url><mirrorOf>*</mirrorOf></mirror></mirrors>` +
			`<profiles><profile><id>codeartifact</id><repositories><repository><id>codeartifact</id><url>${old}</url></repository></repositories></profile></profiles></settings>`;
		const result = merged(guide);
		expect(result).toMatchObject({id: 'codeartifact', foreign: []});
		expect(result.text).not.toContain(old);
		expect(result.text.match(/<id>codeartifact<\/id>/g)).toHaveLength(5);
	});

	test('reports mirrors of everything that are not ours', () => {
		const existing =
			'<settings><mirrors><mirror><id>a</id><mirrorOf>external:*</mirrorOf></mirror><mirror><id>b</id><mirrorOf>repo1</mirrorOf></mirror><mirror><id>c</id><mirrorOf>*,!repo1</mirrorOf></mirror></mirrors></settings>';
		expect(merged(existing).conflictingMirrors).toEqual(['a', 'c']);
	});

	test('a malformed file is refused with the position of the problem', () => {
		const existing = '<settings>\n  <servers>\n    <server>\n  </servers>\n</settings>\n';
		expect(mergeSettings(existing, settings)).toEqual({
			ok: false,
			line: 4,
			column: 12,
			message: 'unexpected close tag: <server> opened at line 3, column 5 is not closed.',
		});
		expect(mergeSettings('<settings>\n<a>&</a></settings>', settings)).toMatchObject({ok: false, line: 2});
		expect(mergeSettings('<settings><x></settings', settings)).toMatchObject({ok: false, line: 1});
		expect(mergeSettings('not xml', settings)).toMatchObject({ok: false, line: 1});
	});

	test('a file whose root is not <settings> is refused', () => {
		expect(mergeSettings('<?xml version="1.0"?>\n\n  <project/>', settings)).toEqual({
			ok: false,
			line: 3,
			column: 3,
			message: 'the root element is <project>, not <settings>: this is not a Maven settings file.',
		});
	});
});
