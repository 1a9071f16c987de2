// What a CodeArtifact Maven endpoint names: on AWS
// `https://DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/maven/REPO/`, in the sandbox
// `http://HOST/d/DOMAIN-OWNER/maven/REPO/`. A configured host's settings.xml holds one; from it
// `token`, `exec` and `doctor` know the domain, its owner and the repository without flags.

export interface RepositoryAddress {
	domain: string;
	/** The domain owner's account id (12 digits). */
	domainOwner: string;
	repository: string;
	/** On AWS only: the sandbox's address carries no region. */
	region?: string;
}

const awsEndpoint = /^https:\/\/([a-z][a-z0-9-]*)-(\d{12})\.d\.codeartifact\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/maven\/([^/?#]+)\/?$/;
const sandboxEndpoint = /^https?:\/\/[^/?#]+\/d\/([a-z][a-z0-9-]*)-(\d{12})\/maven\/([^/?#]+)\/?$/;

/** The domain, owner and repository a Maven endpoint URL names; undefined for any other URL. */
export function parseRepositoryUrl(url: string): RepositoryAddress | undefined {
	const aws = awsEndpoint.exec(url);
	if (aws) return {domain: aws[1]!, domainOwner: aws[2]!, region: aws[3]!, repository: decodeURIComponent(aws[4]!)};
	const sandbox = sandboxEndpoint.exec(url);
	if (sandbox) return {domain: sandbox[1]!, domainOwner: sandbox[2]!, repository: decodeURIComponent(sandbox[3]!)};
	return undefined;
}
