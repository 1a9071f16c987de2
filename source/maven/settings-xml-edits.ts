import {parseMavenSettings} from './settings-xml-maven-rules.js';
import {chooseId, type OwnedItem} from './settings-xml-ownership.js';
import {childrenNamed, childText, type XmlElement} from './settings-xml-parse.js';
import {codeArtifactNodes, renderNode, type CodeArtifactSettings, type TextStyle, type XmlNode} from './settings-xml-render.js';

/** Replace `source.slice(start, end)` with `text`; `start === end` is a pure insertion. */
export interface TextEdit {
	start: number;
	end: number;
	text: string;
}

export type SettingsEditPlan =
	{ok: true; edits: TextEdit[]; conflictingMirrors: string[]; id: string; foreign: OwnedItem[]} | {ok: false; line: number; column: number; message: string};

interface Section {
	container: string;
	item: string;
	node: XmlNode;
	isOurs: (element: XmlElement) => boolean;
	/** Maven picks the first matching mirror, so ours goes first; other lists append. */
	place: 'first' | 'last';
}

/** Mirror patterns that take requests away from a `*` mirror declared after them. */
const wildcardMirrorOf = new Set(['*', 'external:*', 'external:http:*', 'central']);

/**
 * The edits that put our CodeArtifact server, mirror, profile and active profile into a
 * settings.xml text: our items (by id) are replaced where they are, missing ones are added to
 * their list, missing lists are added at the end of `<settings>`. Nothing else is touched: when
 * someone else's item holds `settings.id`, ours take the first free `ID-N` (see chooseId).
 * A file Maven could not read is refused like one that does not parse.
 */
export function planSettingsEdits(source: string, settings: CodeArtifactSettings): SettingsEditPlan {
	const parsed = parseMavenSettings(source);
	if (!parsed.ok) return parsed;
	const {root} = parsed;

	const layout = new Layout(source, root);
	const {id, foreign} = chooseId(root, settings);
	const nodes = codeArtifactNodes({...settings, id});
	const hasOurId = (element: XmlElement): boolean => childText(element, 'id') === id;
	const sections: Section[] = [
		{container: 'servers', item: 'server', node: nodes.server, isOurs: hasOurId, place: 'last'},
		{container: 'mirrors', item: 'mirror', node: nodes.mirror, isOurs: hasOurId, place: 'first'},
		{container: 'profiles', item: 'profile', node: nodes.profile, isOurs: hasOurId, place: 'last'},
		{
			container: 'activeProfiles',
			item: 'activeProfile',
			node: nodes.activeProfile,
			isOurs: element => element.children.length === 0 && element.text.trim() === id,
			place: 'last',
		},
	];

	const edits: TextEdit[] = [];
	const newContainers: XmlNode[] = [];
	for (const section of sections) {
		const containers = childrenNamed(root, section.container);
		const ours = containers.flatMap(container => childrenNamed(container, section.item).filter(section.isOurs));
		for (const element of ours) {
			const text = renderNode(section.node, layout.indentOf(element), layout.style);
			if (source.slice(element.start, element.end) !== text) edits.push({start: element.start, end: element.end, text});
		}
		const [firstContainer] = containers;
		if (ours.length > 0) continue;
		if (firstContainer) edits.push(layout.insertChildren(firstContainer, [section.node], section.place));
		else newContainers.push([section.container, [section.node]]);
	}
	if (newContainers.length > 0) edits.push(layout.insertChildren(root, newContainers, 'last'));

	const conflictingMirrors = childrenNamed(root, 'mirrors')
		.flatMap(container => childrenNamed(container, 'mirror'))
		.filter(mirror => !hasOurId(mirror))
		.filter(mirror => (childText(mirror, 'mirrorOf') ?? '').split(',').some(pattern => wildcardMirrorOf.has(pattern.trim())))
		.map(mirror => childText(mirror, 'id') ?? '(no id)');
	return {ok: true, edits, conflictingMirrors, id, foreign};
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
	let result = '';
	let cursor = 0;
	for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
		result += source.slice(cursor, edit.start) + edit.text;
		cursor = edit.end;
	}
	return result + source.slice(cursor);
}

/** Where lines start and how deep things are indented in one source text. */
class Layout {
	readonly style: TextStyle;

	constructor(
		private readonly source: string,
		private readonly root: XmlElement,
	) {
		const firstBreak = source.indexOf('\n');
		const newline = firstBreak > 0 && source[firstBreak - 1] === '\r' ? '\r\n' : '\n';
		// The unit is read off the first child of <settings> that starts a line; a default when none does.
		const child = root.children.find(element => this.startsLine(element.start));
		const rootIndent = this.lineIndent(root.start);
		const childIndent = child ? this.lineIndent(child.start) : '';
		const unit = childIndent.startsWith(rootIndent) && childIndent.length > rootIndent.length ? childIndent.slice(rootIndent.length) : '  ';
		this.style = {newline, unit};
	}

	/** The indentation an element's start tag has, or would have if it started its line. */
	indentOf(element: XmlElement): string {
		const indent = this.lineIndent(element.start);
		return this.startsLine(element.start) || element === this.root ? indent : indent + this.style.unit;
	}

	/** An edit that adds `nodes` as the first or last children of `parent`, one per line. */
	insertChildren(parent: XmlElement, nodes: readonly XmlNode[], place: 'first' | 'last'): TextEdit {
		const {newline} = this.style;
		const parentIndent = this.indentOf(parent);
		const sibling = place === 'first' ? parent.children[0] : parent.children.findLast(element => this.startsLine(element.start));
		const indent = sibling && this.startsLine(sibling.start) ? this.lineIndent(sibling.start) : parentIndent + this.style.unit;
		const lines = nodes.map(node => indent + renderNode(node, indent, this.style) + newline).join('');

		if (parent.selfClosing) {
			const slash = this.source.lastIndexOf('/', parent.end - 1);
			return {start: slash, end: parent.end, text: `>${newline}${lines}${parentIndent}</${parent.name}>`};
		}
		if (place === 'first' && sibling) {
			if (this.startsLine(sibling.start)) {
				const at = this.lineStart(sibling.start);
				return {start: at, end: at, text: lines};
			}
			return {start: parent.openEnd, end: parent.openEnd, text: newline + lines + indent};
		}
		if (this.startsLine(parent.closeStart)) {
			const at = this.lineStart(parent.closeStart);
			return {start: at, end: at, text: lines};
		}
		return {start: parent.closeStart, end: parent.closeStart, text: newline + lines + parentIndent};
	}

	private lineStart(offset: number): number {
		return Math.max(this.source.lastIndexOf('\n', offset - 1), this.source.lastIndexOf('\r', offset - 1)) + 1;
	}

	private lineIndent(offset: number): string {
		const start = this.lineStart(offset);
		return /^[ \t]*/.exec(this.source.slice(start, offset))?.[0] ?? '';
	}

	private startsLine(offset: number): boolean {
		return /^[ \t]*$/.test(this.source.slice(this.lineStart(offset), offset));
	}
}
