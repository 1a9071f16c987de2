// The journey's steps in order, with what each one teaches. Pure data: the rail, the screens,
// the --json events and the Markdown write-up all read the same list.

export const stepIds = ['preflight', 'domain', 'repository', 'upstream', 'access', 'token', 'settings', 'build', 'publish', 'summary'] as const;
export type StepId = (typeof stepIds)[number];

export interface StepInfo {
	id: StepId;
	title: string;
	/** Two or three lines: the concept, and why this step exists. */
	concept: string;
}

export const steps: Record<StepId, StepInfo> = {
	preflight: {
		id: 'preflight',
		title: 'Preflight',
		concept:
			'Who am I in AWS, in which region, on which machine? The wizard checks your identity, whether this is an EC2 build host, and that Java, Maven and a project are ready.',
	},
	domain: {
		id: 'domain',
		title: 'Domain',
		concept:
			'A CodeArtifact domain groups repositories and stores each package asset once, whatever repository it appears in. Permissions and encryption are set at the domain.',
	},
	repository: {
		id: 'repository',
		title: 'Repository',
		concept: 'A repository is what your build talks to: it holds package versions and answers Maven requests at its own endpoint.',
	},
	upstream: {
		id: 'upstream',
		title: 'Upstream',
		concept:
			'A repository with the external connection public:maven-central fetches from Maven Central on demand and keeps a copy. Making it an upstream of yours lets your repository serve public packages too.',
	},
	access: {
		id: 'access',
		title: 'Build host access',
		concept:
			'The build host needs its own permission to ask for a token and read the repositories: a least-privilege IAM policy on a role, which the EC2 instance wears through an instance profile.',
	},
	token: {
		id: 'token',
		title: 'Token check',
		concept:
			'Maven authenticates with a short-lived authorization token. Getting one needs codeartifact:GetAuthorizationToken and sts:GetServiceBearerToken — the wizard asks as the build host would.',
	},
	settings: {
		id: 'settings',
		title: 'settings.xml',
		concept:
			'Maven reads repositories and credentials from settings.xml. A mirror sends every request to CodeArtifact; the password is ${env.CODEARTIFACT_AUTH_TOKEN}, so the token never sits in a file.',
	},
	build: {
		id: 'build',
		title: 'Build',
		concept: 'mvn compile now fetches every dependency and plugin through CodeArtifact, which pulls each one from Maven Central once and keeps it.',
	},
	publish: {
		id: 'publish',
		title: 'Publish',
		concept:
			'Your own package: a file packed into a .tar.gz and published as a generic package with its SHA-256, then downloaded back and checked. Published versions never change.',
	},
	summary: {
		id: 'summary',
		title: 'Summary',
		concept: 'What was created, which files were written, how to build again with a fresh token, and how to undo it all.',
	},
};

export function stepIndex(step: StepId): number {
	return stepIds.indexOf(step);
}
