import type {Summary} from '../../source/wizard/events.js';

/** A sandbox run's summary: a domain made now, a role from an earlier run, a reused repository, a backed-up settings.xml. */
export const exampleSummary: Summary = {
	build: {
		success: true,
		packages: 42,
		repository: 'maven-repo',
		upstream: 'maven-central-store',
		origins: [{kind: 'external-connection', name: 'public:maven-central', packages: 42}],
	},
	created: [
		{
			resource: {
				kind: 'domain',
				name: 'ca-wizard-demo',
				arn: 'arn:aws:codeartifact:us-east-1:549480709600:domain/ca-wizard-demo',
				details: {domain: 'ca-wizard-demo'},
			},
			earlierRun: false,
		},
		{resource: {kind: 'iam-role', name: 'ca-wizard-build-host'}, earlierRun: true},
	],
	reused: [{kind: 'repository', name: 'maven-repo', arn: 'arn:aws:codeartifact:us-east-1:549480709600:repository/ca-wizard-demo/maven-repo'}],
	files: [{path: '/tmp/work/settings.xml', backupPath: '/tmp/work/settings.xml.bak'}],
	next: [
		{purpose: 'restart-sandbox', command: 'ca-wizard sandbox --data /tmp/work/sandbox --port 7717'},
		{purpose: 'restart-sandbox', command: 'eval "$(ca-wizard sandbox env --data /tmp/work/sandbox)"'},
		{
			purpose: 'build',
			command: 'ca-wizard exec --workdir /tmp/work --sandbox-url "$AWS_ENDPOINT_URL" -- mvn -s /tmp/work/settings.xml -f /tmp/work/demo/pom.xml compile',
		},
		{purpose: 'export-token', command: 'eval "$(ca-wizard token --workdir /tmp/work --sandbox-url "$AWS_ENDPOINT_URL")"'},
	],
	undo: [
		'aws iam delete-role --role-name ca-wizard-build-host --region us-east-1',
		'aws codeartifact delete-domain --domain ca-wizard-demo --region us-east-1',
	],
	destroy: 'ca-wizard destroy --workdir /tmp/work --sandbox',
};
