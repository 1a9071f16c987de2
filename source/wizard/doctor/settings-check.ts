// Check 1: the host's settings.xml parses as Maven reads it, it has a mirror that points at a
// CodeArtifact repository, and the ids that tie credentials to it agree: Maven sends a
// <server>'s username and password only to the mirror or repository of the same id, so a
// mismatch is a 401 with a correct token. Passwords are never shown.

import {parseRepositoryUrl, type RepositoryAddress} from '../../host-config/codeartifact-url.js';
import {parseMavenSettings} from '../../maven/settings-xml-maven-rules.js';
import {childrenNamed, childText, type XmlElement} from '../../maven/settings-xml-parse.js';
import {tokenPlaceholder} from '../../maven/settings-xml-render.js';
import {check, type CheckResult} from './checks.js';

export interface SettingsFile {
	path: string;
	/** Undefined when there is no file. */
	text: string | undefined;
	/** Why the file could not be read as text (a folder, no permission, an encoding), with its fix. */
	unreadable?: {message: string; fix: string};
}

export interface SettingsVerdict {
	result: CheckResult;
	/** The CodeArtifact mirror, when the file has one: the checks after this one use it. */
	mirror?: {id: string; url: string; address: RepositoryAddress};
}

const rerun = 'or run `ca-wizard` on this host again to write it';

/** `cliName`: how ca-wizard is run on this host, for the command a fix names. */
export function checkSettings({path, text, unreadable}: SettingsFile, cliName = 'ca-wizard'): SettingsVerdict {
	const fail = (message: string, fix: string): SettingsVerdict => ({result: check('settings', 'fail', message, fix)});
	if (unreadable) return fail(`${path}: ${unreadable.message}`, unreadable.fix);
	if (text === undefined)
		return fail(`there is no ${path}.`, `Run \`ca-wizard\` on this host to write it, or pass the one your builds use with --settings PATH.`);
	const parsed = parseMavenSettings(text);
	if (!parsed.ok)
		return fail(
			`${path}, line ${parsed.line}, column ${parsed.column}: ${parsed.message.replace(/\.$/, '')}.`,
			'Fix that line (Maven stops on it too), or pass another file with --settings PATH.',
		);
	const {root} = parsed;
	const mirror = items(root, 'mirrors', 'mirror')
		.map(element => ({id: childText(element, 'id') ?? '', url: childText(element, 'url') ?? ''}))
		.map(found => ({...found, address: parseRepositoryUrl(found.url)}))
		.find((found): found is {id: string; url: string; address: RepositoryAddress} => found.address !== undefined);
	if (!mirror) return fail(`${path} has no <mirror> whose URL is a CodeArtifact repository endpoint.`, `Add one (${rerun}).`);
	const verdict = (result: CheckResult): SettingsVerdict => ({result, mirror});

	const servers = items(root, 'servers', 'server');
	const serverIds = servers.map(server => childText(server, 'id') ?? '');
	const server = servers.find(element => childText(element, 'id') === mirror.id);
	if (!server) {
		const ours = servers.find(element => childText(element, 'username') === 'aws' && childText(element, 'password') === tokenPlaceholder);
		const oursId = ours && childText(ours, 'id');
		return verdict(
			check(
				'settings',
				'fail',
				`mirror "${mirror.id}" has no <server> with its id (servers: ${serverIds.length === 0 ? 'none' : serverIds.map(id => `"${id}"`).join(', ')}), so Maven sends it no token and gets 401.`,
				oursId
					? `Give server "${oursId}" the id "${mirror.id}" (or the mirror the id "${oursId}"): Maven sends a server's credentials only to the mirror or repository of the same id.`
					: `Add a <server> with id "${mirror.id}", username aws and password ${tokenPlaceholder} (${rerun}).`,
			),
		);
	}
	const orphans = codeArtifactRepositories(root)
		.map(element => childText(element, 'id') ?? '')
		.filter(id => !serverIds.includes(id));
	if (orphans.length > 0) {
		const names = [...new Set(orphans)].map(id => `"${id}"`).join(', ');
		return verdict(
			check(
				'settings',
				'fail',
				`the CodeArtifact repository id${orphans.length === 1 ? '' : 's'} ${names} in the profiles ${orphans.length === 1 ? 'has' : 'have'} no <server> of the same id (mirror and server: "${mirror.id}"), so requests that skip the mirror get 401.`,
				`Give ${orphans.length === 1 ? 'that repository' : 'those repositories'} the id "${mirror.id}", as the mirror and its server have (${rerun}).`,
			),
		);
	}
	if (childText(server, 'username') !== 'aws')
		return verdict(
			check(
				'settings',
				'fail',
				`server "${mirror.id}" does not log in as the user aws, the only user CodeArtifact accepts.`,
				'Write <username>aws</username> in it.',
			),
		);
	if (childText(server, 'password') !== tokenPlaceholder)
		return verdict(
			check(
				'settings',
				'warn',
				`server "${mirror.id}" holds its password in the file, not ${tokenPlaceholder}: a token written there stops working within 12 hours.`,
				`Write <password>${tokenPlaceholder}</password> and build with \`${cliName} exec -- mvn …\`.`,
			),
		);
	return verdict(check('settings', 'ok', `${path}: mirror "${mirror.id}" → ${mirror.url}; its server and repository ids agree.`));
}

function items(root: XmlElement, list: string, item: string): XmlElement[] {
	return childrenNamed(root, list).flatMap(container => childrenNamed(container, item));
}

/** The repositories and plugin repositories of every profile whose URL is a CodeArtifact endpoint. */
function codeArtifactRepositories(root: XmlElement): XmlElement[] {
	return items(root, 'profiles', 'profile')
		.flatMap(profile => [...items(profile, 'repositories', 'repository'), ...items(profile, 'pluginRepositories', 'pluginRepository')])
		.filter(element => parseRepositoryUrl(childText(element, 'url') ?? '') !== undefined);
}
