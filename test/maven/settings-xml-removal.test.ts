import {describe, expect, it} from 'vitest';
import {mergeSettings} from '../../source/maven/settings-xml.js';
import {stripOurEntries} from '../../source/maven/settings-xml-removal.js';

const url = 'https://acme-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/libs/';

function merged(existing: string | undefined): string {
	const result = mergeSettings(existing, {id: 'codeartifact', url});
	if (!result.ok) throw new Error(result.message);
	return result.text;
}

describe('stripOurEntries', () => {
	it("takes out exactly what the merge put in, in lists of the user's own", () => {
		const theirs = [
			'<settings>',
			'  <servers>',
			'    <server><id>nexus</id><username>me</username><password>secret</password></server>',
			'  </servers>',
			'  <activeProfiles>',
			'    <activeProfile>mine</activeProfile>',
			'  </activeProfiles>',
			'</settings>',
			'',
		].join('\n');
		const stripped = stripOurEntries(merged(theirs));
		expect(stripped).toMatchObject({ok: true, text: theirs, removed: 4, onlyOurs: false});
	});

	it('a file the merge made from nothing holds only ours', () => {
		expect(stripOurEntries(merged(undefined))).toMatchObject({ok: true, removed: 4, onlyOurs: true});
	});

	it("keeps someone else's item with our id, and finds nothing to remove twice", () => {
		const foreign =
			'<settings>\n  <servers>\n    <server><id>codeartifact</id><username>ci</username><password>literal</password></server>\n  </servers>\n</settings>\n';
		const once = stripOurEntries(merged(foreign));
		expect(once).toMatchObject({ok: true, text: foreign, onlyOurs: false});
		expect(stripOurEntries(foreign)).toMatchObject({ok: true, text: foreign, removed: 0});
	});
});
