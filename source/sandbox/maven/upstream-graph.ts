import {searchOrder} from '../codeartifact/package-store.js';
import {entry, repositoryKey, type SandboxState} from '../state.js';
import {MavenHttpError} from './responses.js';

/**
 * The repositories a Maven request to `repository` searches (package-store.ts searchOrder), or
 * AWS's refusal when a repository in that graph still points at a deleted upstream: AWS answers
 * with this message until UpdateRepository is called on it (even with nothing to change), and
 * requests do not fall through to the remaining upstreams. The status is the sandbox's choice.
 */
export function mavenSearchOrder(state: SandboxState, domain: string, repository: string): string[] {
	const order = searchOrder(state, domain, repository);
	const broken = order.find(name => (entry(state.repositories, repositoryKey(domain, name))?.danglingUpstreams?.length ?? 0) > 0);
	if (broken !== undefined) {
		throw new MavenHttpError(
			409,
			'A repository referenced in your upstream graph no longer exists. To fix this issue, use the UpdateRepository API with your new desired upstream configuration. Note that if an upstream repository was deleted and recreated using the same name, UpdateRepository must still be called to reference the new repository. This issue may be present in any repository in the upstream graph.',
		);
	}
	return order;
}
