import {applyEdits, type TextEdit} from './settings-xml-edits.js';
import {isSecretElementName, parseXmlElements, type XmlElement} from './settings-xml-parse.js';
import {tokenPlaceholder} from './settings-xml-render.js';

export const maskedSecret = '********';

/** Words that make a comment worth hiding: a commented-out server, a note with an old password. */
const secretWords = /pass(?:word|phrase)|private\s*key|secret|token|credential|authorization/i;

/**
 * The settings text with every secret replaced by `********`, for showing it (a diff, a view):
 * the whole of each password, passphrase and privateKey element (attributes, CDATA, entities,
 * comments and nested markup included), HTTP header values in a server's configuration, and
 * any comment that speaks of such things. It works on the parsed document, not on lines, and
 * keeps each masked part's line breaks so that line numbers stay true. Only our own
 * `${env.CODEARTIFACT_AUTH_TOKEN}` and empty elements stay as they are. A text that does not
 * parse is not shown at all.
 */
export function maskSecrets(source: string): string {
	if (source === '') return '';
	const parsed = parseXmlElements(source);
	if (!parsed.ok) return '(not shown: the file is not well-formed XML)\n';
	const edits: TextEdit[] = [];
	const visit = (element: XmlElement, path: readonly string[]): void => {
		if (isSecret(element, path)) {
			const text = source.slice(element.start, element.end);
			if (!isHarmless(element.name, text))
				edits.push({start: element.start, end: element.end, text: `<${element.name}>${maskedSecret}${lineBreaks(text)}</${element.name}>`});
			return;
		}
		for (const child of element.children) visit(child, [...path, localName(element.name)]);
	};
	visit(parsed.root, []);
	for (const {start, end} of parsed.comments) {
		const text = source.slice(start, end);
		const inside = edits.some(edit => edit.start <= start && end <= edit.end);
		if (!inside && secretWords.test(text)) edits.push({start, end, text: `<!--${maskedSecret}${lineBreaks(text)}-->`});
	}
	return applyEdits(source, edits);
}

function isSecret(element: XmlElement, path: readonly string[]): boolean {
	// <httpHeaders><property><name>Authorization</name><value>Bearer …</value></property>: a token too.
	return isSecretElementName(element.name) || (localName(element.name) === 'value' && path.at(-1) === 'property' && path.at(-2) === 'httpHeaders');
}

function localName(name: string): string {
	return name.slice(name.indexOf(':') + 1);
}

/** `<password/>`, `<password></password>` and our placeholder hide nothing. */
function isHarmless(name: string, text: string): boolean {
	const tag = name.replace(/[.]/g, '\\.');
	const placeholder = tokenPlaceholder.replace(/[${}.]/g, '\\$&');
	return new RegExp(`^<${tag}\\s*/>$|^<${tag}\\s*>\\s*(?:${placeholder}\\s*)?</${tag}\\s*>$`).test(text);
}

function lineBreaks(text: string): string {
	return (text.match(/\r\n|\r|\n/g) ?? []).join('');
}
