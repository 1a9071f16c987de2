import {isOurs, type OwnedItem} from './settings-xml-ownership.js';
import {childrenNamed, parseXmlElements, type XmlElement} from './settings-xml-parse.js';
import {applyEdits, type TextEdit} from './settings-xml-edits.js';

export type StrippedSettings = {ok: true; text: string; removed: number; onlyOurs: boolean} | {ok: false; message: string};

const owned: Array<{container: string; item: OwnedItem}> = [
	{container: 'servers', item: 'server'},
	{container: 'mirrors', item: 'mirror'},
	{container: 'profiles', item: 'profile'},
];

/**
 * settings.xml without ca-wizard's server, mirror and profile (by the rule that tells ours,
 * see isOurs) and the activeProfile naming that profile; every other byte stays. A list left
 * empty goes too. `onlyOurs`: nothing but ca-wizard's entries was in the file.
 */
export function stripOurEntries(source: string): StrippedSettings {
	const parsed = parseXmlElements(source);
	if (!parsed.ok) return {ok: false, message: `line ${parsed.line}, column ${parsed.column}: ${parsed.message}`};
	const {root} = parsed;
	if (root.name !== 'settings') return {ok: false, message: `the root element is <${root.name}>, not <settings>`};
	// Any endpoint of CodeArtifact (or the sandbox) is ours: destroy does not know which URL was written.
	const settings = {id: '', url: ''};
	const removedIds = new Set<string>();
	const gone = new Set<XmlElement>();
	for (const {container, item} of owned) {
		for (const element of childrenNamed(root, container).flatMap(list => childrenNamed(list, item))) {
			if (!isOurs(item, element, settings)) continue;
			gone.add(element);
			if (item === 'profile') removedIds.add(childrenNamed(element, 'id')[0]?.text.trim() ?? '');
		}
	}
	for (const active of childrenNamed(root, 'activeProfiles').flatMap(list => childrenNamed(list, 'activeProfile'))) {
		if (removedIds.has(active.text.trim())) gone.add(active);
	}
	const edits: TextEdit[] = [];
	for (const child of root.children) {
		const isList = [...owned.map(({container}) => container), 'activeProfiles'].includes(child.name);
		if (isList && child.children.length > 0 && child.children.every(item => gone.has(item))) edits.push(wholeLines(source, child));
		else for (const item of child.children) if (gone.has(item)) edits.push(wholeLines(source, item));
	}
	const onlyOurs = root.children.every(child => edits.some(edit => edit.start <= child.start && child.end <= edit.end) || isEmptyList(child));
	return {ok: true, text: applyEdits(source, edits), removed: gone.size, onlyOurs};
}

function isEmptyList(element: XmlElement): boolean {
	return element.children.length === 0 && element.text.trim() === '';
}

/** Removes an element with the indentation before it and the line break after it, when it has its lines to itself. */
function wholeLines(source: string, element: XmlElement): TextEdit {
	let start = element.start;
	while (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
	if (start > 0 && source[start - 1] !== '\n') start = element.start;
	let end = element.end;
	while (source[end] === ' ' || source[end] === '\t' || source[end] === '\r') end++;
	if (source[end] === '\n') end++;
	else end = element.end;
	return {start, end, text: ''};
}
