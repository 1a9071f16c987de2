// Check 6 (and the second half of the CODEARTIFACT_AUTH_TOKEN check): what an authenticated GET
// of the repository says about a token, told apart as Maven's failures should be: 401 the
// token, 403 the permission to read, 404 the repository or endpoint, no answer the network.

import type {RepositoryAddress} from '../../host-config/codeartifact-url.js';
import type {ProbeOutcome} from '../../maven/authenticated-get.js';

export interface ProbeVerdict {
	ok: boolean;
	message: string;
	fix?: string;
}

export interface ProbeContext {
	/** The URL that was asked for. */
	url: string;
	address: RepositoryAddress;
	/** Whose token it was, for the message: "this host's token", "CODEARTIFACT_AUTH_TOKEN". */
	token: string;
	/** How to get a token that works (the 401 fix). */
	newToken: string;
	/** How to let this host read the repository (the 403 fix). */
	readFix: string;
}

/** Metadata Maven asks for on every build, when the repository holds no package of its own to ask about. */
export const commonMetadataPath = 'org/apache/maven/plugins/maven-compiler-plugin/maven-metadata.xml';

/** The maven-metadata.xml path of a package: its namespace (groupId) as folders, then its name. */
export function metadataPath(pkg: {namespace?: string; name: string}): string {
	return `${pkg.namespace ? `${pkg.namespace.replaceAll('.', '/')}/` : ''}${pkg.name}/maven-metadata.xml`;
}

export function probeVerdict(outcome: ProbeOutcome, context: ProbeContext): ProbeVerdict {
	const {url, address, token} = context;
	if (outcome.kind === 'network') {
		const host = new URL(url).host;
		return {
			ok: false,
			message: `GET ${url} with ${token} got no answer from ${host} (${outcome.code}).`,
			fix: `Check the network and any proxy between this host and ${host} (in a subnet without internet access, the VPC endpoint com.amazonaws.REGION.codeartifact.repositories); for a sandbox, that it is running there.`,
		};
	}
	const answered = `GET ${url} with ${token} answered ${outcome.status}`;
	switch (outcome.status) {
		case 401:
			return {
				ok: false,
				message: `${answered} Unauthorized: CodeArtifact did not accept the token (expired, or not for domain ${address.domain} owned by ${address.domainOwner}).`,
				fix: context.newToken,
			};
		case 403:
			return {
				ok: false,
				message: `${answered} Forbidden: the token is good, but its owner may not codeartifact:ReadFromRepository on ${address.repository}.`,
				fix: context.readFix,
			};
		case 404:
			return {
				ok: false,
				message: `${answered} Not Found: no repository ${address.repository} of domain ${address.domain} answers at this endpoint (or it cannot reach that package).`,
				fix: `Check the mirror's <url> in settings.xml against \`aws codeartifact get-repository-endpoint --domain ${address.domain} --domain-owner ${address.domainOwner} --repository ${address.repository} --format maven\`, or run \`ca-wizard\` again to rewrite it.`,
			};
		default:
			return outcome.status < 400
				? {ok: true, message: `${answered}: the repository serves this host.`}
				: {
						ok: false,
						message: `${answered}.`,
						fix: 'A 5xx is CodeArtifact’s side: try again shortly; anything else, check the mirror’s <url> in settings.xml.',
					};
	}
}
