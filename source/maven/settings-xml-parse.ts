import {SaxesParser} from 'saxes';

/** An element of the parsed document and where its text sits in the source string. */
export interface XmlElement {
	name: string;
	/** Offset of the `<` that opens the start tag. */
	start: number;
	/** Offset just after the `>` of the start tag (equal to `end` for `<x/>`). */
	openEnd: number;
	/** Offset of the `</` of the end tag (equal to `end` for `<x/>`). */
	closeStart: number;
	/** Offset just after the last `>` of the element. */
	end: number;
	selfClosing: boolean;
	children: XmlElement[];
	/** The element's own character data (entities decoded, CDATA included), children excluded. */
	text: string;
}

/** Where a comment sits in the source: `start` at its `<!--`, `end` just after its `-->`. */
export interface XmlRange {
	start: number;
	end: number;
}

export type XmlParseResult = {ok: true; root: XmlElement; comments: XmlRange[]} | {ok: false; line: number; column: number; message: string};

/**
 * Elements whose text is a secret wherever they stand (servers, proxies, in any namespace
 * prefix or letter case): never echoed, in a diff or an error.
 */
export function isSecretElementName(name: string): boolean {
	return /^(?:[^:]*:)?(?:password|passphrase|privatekey)$/i.test(name);
}

class StopParsing extends Error {}

/**
 * Parse a whole document strictly (XML 1.0 well-formedness, via saxes) into an element tree
 * that keeps the source offsets of every tag, so callers can splice text instead of
 * re-serialising. The first error wins and carries a 1-based line and column.
 */
export function parseXmlElements(source: string): XmlParseResult {
	const parser = new SaxesParser({position: true});
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	let failure: {line: number; column: number; message: string} | undefined;
	let lastClosed: XmlElement | undefined;
	const comments: XmlRange[] = [];
	const fail = (message: string, offset?: number): never => {
		failure = {...(offset === undefined ? {line: parser.line, column: Math.max(1, parser.column)} : positionOf(source, offset)), message};
		throw new StopParsing();
	};

	parser.on('error', error => {
		let message = error.message.replace(/^\d+:\d+: /, '');
		// saxes names what it saw (a tag, an attribute): inside a password that may be part of it.
		const secret = stack.find(element => isSecretElementName(element.name));
		if (secret)
			fail(
				`the content of <${secret.name}> is not well-formed XML (it is not shown: it is a secret). Write & as &amp; and < as &lt;, or wrap the value in <![CDATA[ ]]>.`,
			);
		// saxes has just closed the element that the stray end tag should have closed: name it.
		if (message.startsWith('unexpected close tag') && lastClosed) {
			const opened = positionOf(source, lastClosed.start);
			message = `unexpected close tag: <${lastClosed.name}> opened at line ${opened.line}, column ${opened.column} is not closed.`;
		}
		fail(message);
	});
	// Maven's settings reader (MXParser) skips a DTD and then fails on the entities it declares:
	// refuse any DOCTYPE here rather than write a file Maven stops on later.
	parser.on('doctype', () => {
		fail(
			'a <!DOCTYPE> declaration: Maven does not read DTDs or the entities they declare. Remove it, writing out any &name; it declares.',
			source.lastIndexOf('<!DOCTYPE', parser.position),
		);
	});
	parser.on('comment', () => {
		// A comment cannot hold "--", so the last "<!--" before its end is its start.
		comments.push({start: source.lastIndexOf('<!--', parser.position - 3), end: parser.position});
	});
	parser.on('opentagstart', tag => {
		const element: XmlElement = {
			name: tag.name,
			start: source.lastIndexOf('<', parser.position - 1),
			openEnd: -1,
			closeStart: -1,
			end: -1,
			selfClosing: false,
			children: [],
			text: '',
		};
		stack.at(-1)?.children.push(element);
		root ??= element;
		stack.push(element);
	});
	parser.on('opentag', tag => {
		const element = stack.at(-1)!;
		element.openEnd = parser.position;
		element.selfClosing = tag.isSelfClosing;
	});
	parser.on('closetag', () => {
		const element = stack.pop()!;
		lastClosed = element;
		element.end = parser.position;
		element.closeStart = element.selfClosing ? element.end : source.lastIndexOf('<', element.end - 1);
		if (element.selfClosing) element.openEnd = element.end;
	});
	const addText = (text: string): void => {
		const element = stack.at(-1);
		if (element) element.text += text;
	};
	parser.on('text', addText);
	parser.on('cdata', addText);

	try {
		parser.write(source).close();
	} catch (error) {
		if (!(error instanceof StopParsing)) throw error;
	}
	if (failure) return {ok: false, ...failure};
	if (!root) return {ok: false, line: 1, column: 1, message: 'document must contain a root element.'};
	return {ok: true, root, comments};
}

/** 1-based line and column of a string offset, for errors found after parsing. */
export function positionOf(source: string, offset: number): {line: number; column: number} {
	const before = source.slice(0, offset);
	const lines = before.split(/\r\n|\r|\n/);
	return {line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1};
}

/** The direct children of `parent` named `name`. */
export function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
	return parent.children.filter(child => child.name === name);
}

/** The trimmed text of the first direct child named `name` (e.g. a `<server>`'s `<id>`). */
export function childText(parent: XmlElement, name: string): string | undefined {
	return childrenNamed(parent, name)[0]?.text.trim();
}
