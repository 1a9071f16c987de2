import {TextDecoder} from 'node:util';

/** How a settings file's text goes back to bytes, in the encoding it was read in. */
export interface SettingsEncoding {
	/** As the file declares it, or UTF-8 when it declares none. */
	name: string;
	/** Undefined when the text holds a character this encoding cannot write. */
	encode(text: string): Uint8Array | undefined;
}

export type DecodedSettings = {ok: true; text: string; encoding: SettingsEncoding} | {ok: false; message: string; fix: string};

/** The encodings the WHATWG decoder knows where each byte is one character, so a table turns text back into bytes. */
const singleByte = /^(?:ibm866|iso-8859-\d+|koi8-[ru]|macintosh|windows-\d+|x-mac-cyrillic)$/;

/**
 * A settings file's bytes as text, read in the encoding its XML declaration names (UTF-8 when
 * none), so that writing the merged text back with `encoding.encode` gives every byte that is
 * not ours back unchanged. Refused, never guessed: UTF-16 or UTF-32, an encoding that cannot be
 * written back faithfully, and bytes that are not valid in the encoding (a decoder would turn
 * them into U+FFFD and the write would lose them).
 */
export function decodeSettings(bytes: Uint8Array): DecodedSettings {
	const convert = (to: string) =>
		`Convert it to UTF-8 (e.g. iconv -f ${to} -t UTF-8), with encoding="UTF-8" in its first line, or pass another file with --settings PATH.`;
	if (/^(?:\xFE\xFF|\xFF\xFE|\0\0\xFE\xFF|\0<|<\0)/.test(latin1(bytes.subarray(0, 4)))) {
		return {ok: false, message: 'it is encoded in UTF-16 or UTF-32, which ca-wizard does not write.', fix: convert('UTF-16')};
	}
	const declared = /^(?:\xEF\xBB\xBF)?<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/.exec(latin1(bytes.subarray(0, 512)))?.[2];
	const name = declared ?? 'UTF-8';
	const codec = codecFor(name);
	if (!codec) return {ok: false, message: `it declares encoding="${name}", which ca-wizard cannot write back byte for byte.`, fix: convert(name)};

	const text = codec.decode(bytes);
	if (text === undefined) {
		return {
			ok: false,
			message: `line ${firstInvalidLine(bytes, codec.decode)} holds bytes that are not valid ${name}${declared ? '' : ' (the file declares no encoding, so it is read as UTF-8)'}.`,
			fix: `Save the file as ${name}, or name the encoding it is in on its first line, e.g. <?xml version="1.0" encoding="ISO-8859-1"?>; or pass another file with --settings PATH.`,
		};
	}
	return {ok: true, text, encoding: {name, encode: codec.encode}};
}

interface Codec {
	decode(bytes: Uint8Array): string | undefined;
	encode(text: string): Uint8Array | undefined;
}

function codecFor(name: string): Codec | undefined {
	const label = name.toLowerCase();
	if (label === 'utf-8' || label === 'utf8') {
		// The BOM, if any, stays in the text: it is written back as it was.
		const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});
		return {decode: bytes => attempt(() => decoder.decode(bytes)), encode: text => (/\p{Cs}/u.test(text) ? undefined : Buffer.from(text, 'utf8'))};
	}
	// Maven (Java) reads these as bytes 0–127 and 0–255 exactly; WHATWG would read ISO-8859-1 as windows-1252.
	const highest = ['us-ascii', 'ascii'].includes(label) ? 0x7f : ['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1'].includes(label) ? 0xff : undefined;
	if (highest !== undefined) {
		return {
			decode: bytes => (bytes.every(byte => byte <= highest) ? latin1(bytes) : undefined),
			encode: text => ([...text].every(character => character.codePointAt(0)! <= highest) ? Buffer.from(text, 'latin1') : undefined),
		};
	}
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(label, {fatal: true});
	} catch {
		return undefined; // an encoding Node does not know
	}
	if (!singleByte.test(decoder.encoding)) return undefined;
	const byCharacter = new Map<string, number>();
	for (let byte = 0; byte < 256; byte++) {
		const character = attempt(() => decoder.decode(Uint8Array.of(byte)));
		if (character !== undefined) byCharacter.set(character, byte);
	}
	return {
		decode: bytes => attempt(() => decoder.decode(bytes)),
		encode(text) {
			const bytes = [...text].map(character => byCharacter.get(character));
			return bytes.every(byte => byte !== undefined) ? Uint8Array.from(bytes) : undefined;
		},
	};
}

function attempt(decode: () => string): string | undefined {
	try {
		return decode();
	} catch {
		return undefined;
	}
}

function latin1(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** 1-based: lines split at byte 0x0A, which means a line feed in every encoding read here. */
function firstInvalidLine(bytes: Uint8Array, decode: Codec['decode']): number {
	let start = 0;
	for (let line = 1; ; line++) {
		const end = bytes.indexOf(0x0a, start);
		if (decode(bytes.subarray(start, end < 0 ? bytes.length : end + 1)) === undefined || end < 0) return line;
		start = end + 1;
	}
}
