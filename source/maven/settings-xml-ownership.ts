import {childrenNamed, childText, type XmlElement} from './settings-xml-parse.js';
import {tokenPlaceholder, type CodeArtifactSettings} from './settings-xml-render.js';

export type OwnedItem = 'server' | 'mirror' | 'profile';

/** A CodeArtifact Maven endpoint on AWS, and the sandbox's stand-in for it. */
const codeArtifactEndpoints = [
	/^https:\/\/[a-z0-9-]+-\d{12}\.d\.codeartifact\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/maven\/[^/?#]+\/?$/,
	/^https?:\/\/[^/?#]+\/d\/[a-z0-9-]+-\d{12}\/maven\/[^/?#]+\/?$/,
];

/**
 * Whether an item with our id is one ca-wizard may replace. There is no marker to look for
 * (files written before this rule, or by hand from AWS's guide, have none, and a marker is easy
 * to copy): an item is ours when it holds what ca-wizard writes — a server that logs in as `aws`
 * with the token from ${env.CODEARTIFACT_AUTH_TOKEN}, a mirror or profile whose URLs are
 * CodeArtifact repository endpoints. Anything else with that id (another user, a literal
 * password, a Nexus URL) is someone else's and is never touched. A second run finds its own
 * items again by the same rule, so it updates them in place.
 */
export function isOurs(kind: OwnedItem, element: XmlElement, settings: CodeArtifactSettings): boolean {
	const isEndpoint = (url: string | undefined): boolean => url === settings.url || codeArtifactEndpoints.some(pattern => pattern.test(url ?? ''));
	switch (kind) {
		case 'server':
			return childText(element, 'username') === 'aws' && childText(element, 'password') === tokenPlaceholder;
		case 'mirror':
			return isEndpoint(childText(element, 'url'));
		case 'profile': {
			const repositories = ['repositories', 'pluginRepositories'].flatMap(list => childrenNamed(element, list).flatMap(container => container.children));
			return repositories.length > 0 && repositories.every(repository => isEndpoint(childText(repository, 'url')));
		}
	}
}

/**
 * The id for our items: `settings.id` unless someone else's server, mirror or profile already
 * uses it, then the first of `ID-2`, `ID-3`… that none does. `foreign` names the kinds of item
 * that held `settings.id`, for telling the user.
 */
export function chooseId(root: XmlElement, settings: CodeArtifactSettings): {id: string; foreign: OwnedItem[]} {
	const kinds: OwnedItem[] = ['server', 'mirror', 'profile'];
	const takenBy = (id: string): OwnedItem[] =>
		kinds.filter(kind =>
			childrenNamed(root, `${kind}s`)
				.flatMap(container => childrenNamed(container, kind))
				.some(element => childText(element, 'id') === id && !isOurs(kind, element, settings)),
		);
	const foreign = takenBy(settings.id);
	for (let index = 1; ; index++) {
		const id = index === 1 ? settings.id : `${settings.id}-${index}`;
		if (takenBy(id).length === 0) return {id, foreign};
	}
}
