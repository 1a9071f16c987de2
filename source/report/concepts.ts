// The write-up's glossary: each concept the journey touched, in plain words, for a reader who
// has not done it yet. Only concepts, never claims about the run. The meanings are Markdown.

export const concepts: readonly {term: string; meaning: string}[] = [
	{
		term: 'Domain',
		meaning:
			'A CodeArtifact domain is the container for repositories. It stores each package file once, however many of its repositories show it, and it is where encryption and the permission to ask for a token are set.',
	},
	{
		term: 'Repository',
		meaning: 'A repository is what a build talks to: it holds package versions and answers Maven at its own address (its endpoint).',
	},
	{
		term: 'Upstream',
		meaning:
			'A repository can list other repositories as upstreams: when it does not hold a package, it asks them, and keeps what they return. That is how one repository serves both your own and public packages.',
	},
	{
		term: 'External connection',
		meaning:
			'A repository with the external connection `public:maven-central` fetches from Maven Central on demand and keeps a copy. A repository may have at most one; others reach it by listing that repository as an upstream.',
	},
	{
		term: 'IAM policy',
		meaning:
			'A JSON document that allows (or denies) actions on resources. The build host policy allows three things only: ask for a token for the domain, read the repositories, and let STS issue the bearer token behind it.',
	},
	{
		term: 'IAM role',
		meaning:
			'An identity with no password that a machine or service takes on for a while. A policy attached to the role gives it its permissions; its trust policy says who may take it on (here, EC2).',
	},
	{
		term: 'Instance profile',
		meaning:
			'The holder that lets an EC2 instance wear a role: the instance gets short-lived credentials for the role from its metadata service, so no access key is stored on it.',
	},
	{
		term: 'Authorization token',
		meaning:
			'The password Maven sends to CodeArtifact. It lives 12 hours at most, is asked for with the host’s own credentials, and is kept in the environment variable `CODEARTIFACT_AUTH_TOKEN`, never in a file.',
	},
	{
		term: 'settings.xml server',
		meaning:
			'A `<server>` entry holds the credentials Maven sends to a repository with the same id: here the user name `aws` and the password `${env.CODEARTIFACT_AUTH_TOKEN}`, read from the environment when Maven runs.',
	},
	{
		term: 'settings.xml mirror',
		meaning:
			'A `<mirror>` sends Maven’s requests for other repositories (`mirrorOf *`: all of them, Maven Central included) to one address instead: here the CodeArtifact repository, so every dependency goes through it.',
	},
];
