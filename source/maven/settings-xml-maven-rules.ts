import {isSecretElementName, parseXmlElements, positionOf, type XmlElement} from './settings-xml-parse.js';

export type MavenSettingsTree = {ok: true; root: XmlElement} | {ok: false; line: number; column: number; message: string};

/** A settings file as Maven reads it: well-formed, rooted at <settings>, and nothing its reader stops on; else where and why. */
export function parseMavenSettings(source: string): MavenSettingsTree {
	const parsed = parseXmlElements(source);
	if (!parsed.ok) return parsed;
	const {root} = parsed;
	if (root.name !== 'settings') {
		return {ok: false, ...positionOf(source, root.start), message: `the root element is <${root.name}>, not <settings>: this is not a Maven settings file.`};
	}
	const unreadable = mavenSettingsProblem(source, root);
	return unreadable ? {ok: false, ...unreadable} : {ok: true, root};
}

/** Elements that hold repeated items. */
const lists = new Set(['servers', 'mirrors', 'proxies', 'profiles', 'activeProfiles', 'pluginGroups', 'repositories', 'pluginRepositories']);
/** Free-form content Maven does not check: a profile's properties, a server's configuration. */
const freeForm = new Set(['properties', 'configuration']);
/** The settings model's text fields (settings-1.2.0.xsd): Maven reads them with nextText(). */
const textFields = new Set([
	'localRepository',
	'interactiveMode',
	'usePluginRegistry',
	'offline',
	'pluginGroup',
	'activeProfile',
	'id',
	'username',
	'password',
	'privateKey',
	'passphrase',
	'filePermissions',
	'directoryPermissions',
	'mirrorOf',
	'name',
	'url',
	'layout',
	'mirrorOfLayouts',
	'blocked',
	'active',
	'protocol',
	'host',
	'port',
	'nonProxyHosts',
	'activeByDefault',
	'jdk',
	'family',
	'arch',
	'version',
	'value',
	'missing',
	'exists',
	'enabled',
	'updatePolicy',
	'checksumPolicy',
]);

/**
 * What Maven 3.8's settings reader stops on ("Non-parseable settings", checked by hand with
 * `mvn -s FILE -o validate`) although the XML is well-formed: a field given twice in one element
 * ("Duplicated tag", e.g. two <servers> blocks or two <password>s in a server), and markup
 * inside a text field. Maven's message then quotes the text around the spot, a password
 * included, so such a file is refused before anything is created. Undefined when Maven reads it.
 */
export function mavenSettingsProblem(source: string, element: XmlElement): {line: number; column: number; message: string} | undefined {
	if (freeForm.has(element.name)) return undefined;
	const at = (offset: number, message: string) => ({...positionOf(source, offset), message});
	const [markup] = element.children;
	if (textFields.has(element.name) && markup) {
		// Inside a password the markup is part of the secret: not named.
		const what = isSecretElementName(element.name) ? 'markup' : `an element (<${markup.name}>)`;
		return at(markup.start, `<${element.name}> holds ${what}, but Maven reads it as text only and stops. Write a literal < as &lt;.`);
	}
	if (!lists.has(element.name)) {
		const seen = new Map<string, XmlElement>();
		for (const child of element.children) {
			const first = seen.get(child.name);
			if (first) {
				const {line, column} = positionOf(source, first.start);
				return at(
					child.start,
					`a second <${child.name}> in <${element.name}> (the first is at line ${line}, column ${column}): Maven reads it only once and stops ("Duplicated tag"). Merge the two into one.`,
				);
			}
			seen.set(child.name, child);
		}
	}
	for (const child of element.children) {
		const problem = mavenSettingsProblem(source, child);
		if (problem) return problem;
	}
	return undefined;
}
