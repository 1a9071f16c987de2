import {describe, expect, test} from 'vitest';
import {decodeSettings} from '../../source/maven/settings-xml-encoding.js';
import {mergeSettings} from '../../source/maven/settings-xml.js';

const url = 'https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/';

/** Decode, merge, encode: what the settings step writes. */
function roundTrip(bytes: Buffer): Buffer {
	const decoded = decodeSettings(bytes);
	if (!decoded.ok) throw new Error(decoded.message);
	const merged = mergeSettings(decoded.text, {id: 'codeartifact', url});
	if (!merged.ok) throw new Error(merged.message);
	return Buffer.from(decoded.encoding.encode(merged.text)!);
}

describe('settings.xml in its own encoding', () => {
	const head = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- Jos\xe9 -->\n<settings>\n  <localRepository>/home/jos\xe9/m2 \x80\xff</localRepository>\n';
	const tail = '</settings>\n';

	test('ISO-8859-1 is read and written back byte for byte outside our block', () => {
		const before = Buffer.from(head + tail, 'latin1');
		const after = roundTrip(before);
		expect(after.subarray(0, head.length)).toEqual(Buffer.from(head, 'latin1'));
		expect(after.subarray(after.length - tail.length)).toEqual(Buffer.from(tail, 'latin1'));
		expect(after.includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false);
		expect(after.subarray(head.length, after.length - tail.length).toString('latin1')).toMatch(/^ {2}<servers>[\x20-\x7e\n]*<\/activeProfiles>\n$/);
	});

	test('so are other single-byte encodings, a UTF-8 byte order mark, and UTF-8 without a declaration', () => {
		for (const [text, encoding] of [
			['<?xml version="1.0" encoding="windows-1252"?><settings><x>\x80\x81\xe9</x></settings>', 'latin1'],
			["<?xml version='1.0' encoding='KOI8-R'?><settings><x>\xc1\xc2</x></settings>", 'latin1'],
			['\ufeff<settings><x>é ✓</x></settings>', 'utf8'],
		] as const) {
			const before = Buffer.from(text, encoding);
			const after = roundTrip(before);
			expect(after.subarray(0, before.indexOf('</settings>'))).toEqual(before.subarray(0, before.indexOf('</settings>')));
		}
	});

	test("bytes that are not valid in the file's encoding are refused, naming the line", () => {
		expect(decodeSettings(Buffer.from('<settings>\n<x>jos\xe9</x>\n</settings>', 'latin1'))).toMatchObject({
			ok: false,
			message: 'line 2 holds bytes that are not valid UTF-8 (the file declares no encoding, so it is read as UTF-8).',
		});
		expect(decodeSettings(Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<settings>\xff</settings>', 'latin1'))).toMatchObject({
			ok: false,
			message: expect.stringContaining('line 2'),
		});
		expect(decodeSettings(Buffer.from('<?xml version="1.0" encoding="US-ASCII"?><settings>\xe9</settings>', 'latin1'))).toMatchObject({ok: false});
		// ISO-8859-3 has no character at 0xA5.
		expect(decodeSettings(Buffer.from('<?xml version="1.0" encoding="ISO-8859-3"?><settings>\xa5</settings>', 'latin1'))).toMatchObject({ok: false});
	});

	test('encodings it cannot write back faithfully are refused with the fix', () => {
		for (const bytes of [
			Buffer.from('\ufeff<settings/>', 'utf16le'),
			Buffer.from('<settings/>', 'utf16le'),
			Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><settings/>'),
			Buffer.from('<?xml version="1.0" encoding="x-unknown"?><settings/>'),
		]) {
			const decoded = decodeSettings(bytes);
			expect(decoded).toMatchObject({ok: false, fix: expect.stringContaining('UTF-8')});
		}
	});

	test('a character the encoding cannot hold is not written', () => {
		const decoded = decodeSettings(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><settings/>', 'latin1'));
		expect(decoded.ok && decoded.encoding.encode('<settings>✓</settings>')).toBeUndefined();
	});
});
