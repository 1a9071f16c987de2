/** What ca-wizard writes into a settings.xml: one id for its items, and the repository URL. */
export interface CodeArtifactSettings {
	/**
	 * Used for the server id, profile id, mirror id and repository ids, e.g. 'codeartifact'; when
	 * someone else's item has it, ours take the first free `ID-2`, `ID-3`….
	 */
	id: string;
	/** The repository endpoint, with its trailing slash. */
	url: string;
}

/** A small element tree: a leaf holds text, a branch holds child elements. */
export type XmlNode = readonly [name: string, content: string | readonly XmlNode[]];

/** How the target file writes itself, so what we add looks like what is there. */
export interface TextStyle {
	newline: '\n' | '\r\n';
	/** One level of indentation: a tab or some spaces. */
	unit: string;
}

/** The password Maven reads from the environment: the token itself is never written. */
export const tokenPlaceholder = '${env.CODEARTIFACT_AUTH_TOKEN}';

export const mavenSettingsHeader = [
	'<?xml version="1.0" encoding="UTF-8"?>',
	'<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"',
	'          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
	'          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 https://maven.apache.org/xsd/settings-1.2.0.xsd">',
].join('\n');

/** Our four elements, each the whole content of one item of a settings.xml list. */
export function codeArtifactNodes({id, url}: CodeArtifactSettings): {server: XmlNode; mirror: XmlNode; profile: XmlNode; activeProfile: XmlNode} {
	return {
		server: [
			'server',
			[
				['id', id],
				['username', 'aws'],
				['password', tokenPlaceholder],
				// Maven (its HTTP wagon) otherwise asks for every file without the token first and sends it after
				// CodeArtifact's 401: one round trip more per file, about 170 for the demo build. Sent at once, the token
				// goes only where it would go anyway (this server's repositories).
				['configuration', [['httpConfiguration', [['all', [['usePreemptive', 'true']]]]]]],
			],
		],
		mirror: [
			'mirror',
			[
				['id', id],
				['name', 'CodeArtifact'],
				['url', url],
				['mirrorOf', '*'],
			],
		],
		profile: [
			'profile',
			[
				['id', id],
				[
					'repositories',
					[
						[
							'repository',
							[
								['id', id],
								['url', url],
							],
						],
					],
				],
				[
					'pluginRepositories',
					[
						[
							'pluginRepository',
							[
								['id', id],
								['url', url],
							],
						],
					],
				],
			],
		],
		activeProfile: ['activeProfile', id],
	};
}

/**
 * The text of `node` whose start tag sits at `indent`: the first line carries no indentation
 * (the caller places it), inner lines are indented one unit per level.
 */
export function renderNode([name, content]: XmlNode, indent: string, style: TextStyle): string {
	if (typeof content === 'string') return `<${name}>${escapeXmlText(content)}</${name}>`;
	const inner = indent + style.unit;
	const children = content.map(child => `${style.newline}${inner}${renderNode(child, inner, style)}`).join('');
	return `<${name}>${children}${style.newline}${indent}</${name}>`;
}

export function escapeXmlText(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
