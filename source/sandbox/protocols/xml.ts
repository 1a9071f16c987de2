import {XMLBuilder} from 'fast-xml-parser';

// Replaces hand-concatenated XML: the builder escapes text and attributes for us.
const builder = new XMLBuilder({ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false, processEntities: true});

export type XmlValue = string | number | boolean | undefined | null | XmlNode | XmlValue[];
export interface XmlNode {
	[name: string]: XmlValue;
}

export function buildXml(root: XmlNode): string {
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + (builder.build(pruneUndefined(root)) as string);
}

/** Absent members are left out of the document, as AWS does, rather than sent empty. */
function pruneUndefined(value: XmlValue): XmlValue {
	if (Array.isArray(value)) return value.map(pruneUndefined);
	if (value && typeof value === 'object') {
		const result: XmlNode = {};
		for (const [key, child] of Object.entries(value)) if (child !== undefined && child !== null) result[key] = pruneUndefined(child);
		return result;
	}
	return value;
}

/** A list in the query protocols: `<Name><member>…</member></Name>` (IAM) or `<item>` (EC2). */
export function xmlList(items: XmlValue[], element: 'member' | 'item'): XmlNode | string {
	return items.length === 0 ? '' : {[element]: items};
}
