import {AwsFailure} from '../../source/aws/errors.js';
import {buildHostPolicy} from '../../source/wizard/access-policy.js';
import {triageTokenFailure} from '../../source/wizard/triage.js';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {ConfirmQuestion, SelectQuestion} from '../../source/wizard/questions.js';
import {stepIds, type StepId} from '../../source/wizard/steps.js';

// What the journey really notifies at the long screens (the policy, the token's refusal, the
// settings change, the build), for tests that check a frame fits a small terminal.

/** The steps before `step`, done, and `step` active: the rail and the log as the journey leaves them. */
export function reachStep(step: StepId): WizardEvent[] {
	const before = stepIds.slice(0, stepIds.indexOf(step));
	return [...before.map((id): WizardEvent => ({type: 'step', step: id, status: 'done'})), {type: 'step', step, status: 'active'}];
}

const target = {
	region: 'us-east-1',
	account: '549480709600',
	domain: 'ca-wizard-demo',
	domainOwner: '549480709600',
	repositories: ['maven-repo', 'maven-central-store'],
};
export const policy = buildHostPolicy(target);

export const accessEvents: WizardEvent[] = [
	...reachStep('access'),
	{type: 'policy', step: 'access', name: 'ca-wizard-codeartifact-read', document: policy.text, explanations: policy.explanations},
];

export const createAccess: ConfirmQuestion = {
	kind: 'confirm',
	id: 'create-access',
	message: 'Create (or reuse) the policy ca-wizard-codeartifact-read, the role ca-wizard-build-host and the instance profile ca-wizard-build-host?',
	default: true,
	canGoBack: true,
};

/** AWS's answer to the build host's token request, word for word as the sandbox (and AWS) give it. */
export const tokenDenied = {
	code: 'AccessDeniedException',
	message:
		'User: arn:aws:sts::549480709600:assumed-role/build-host-role/i-4394d90c444055828 is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:549480709600:domain/ca-wizard-demo because no identity-based policy allows the codeartifact:GetAuthorizationToken action',
};

/** The triage of that refusal, as the token step reports it. */
export const tokenDiagnosis = triageTokenFailure(new AwsFailure('access-denied', tokenDenied.code, tokenDenied.message, 'codeartifact:GetAuthorizationToken'), {
	domain: target.domain,
	domainOwner: target.domainOwner,
	region: target.region,
	instanceProfile: 'ca-wizard-build-host',
	host: {onEc2: true, roleName: 'build-host-role', instanceProfileArn: `arn:aws:iam::${target.account}:instance-profile/build-host-profile`},
});

export const tokenEvents: WizardEvent[] = [
	...reachStep('token'),
	{type: 'progress', step: 'token', message: 'Asking for an authorization token as the build host…'},
	{type: 'progress', step: 'token', message: 'Asked for a token as the build host: refused', done: true, tone: 'failed'},
	{
		type: 'problem',
		step: 'token',
		problem: {
			code: tokenDiagnosis.kind,
			message: tokenDiagnosis.title,
			details: tokenDiagnosis.explanation,
			...(tokenDiagnosis.awsError ? {awsError: tokenDiagnosis.awsError} : {}),
		},
	},
];

export const tokenFix: SelectQuestion = {
	kind: 'select',
	id: 'token-fix',
	message: 'How should the wizard fix this?',
	choices: [
		{
			value: 'attach-to-current-role',
			label: 'Attach the CodeArtifact read policy to role build-host-role (recommended)',
			hint: 'Adds only the token and read permissions to the role this host already uses; everything build-host-role can do today stays as it is.',
		},
		{
			value: 'replace-association',
			label: 'Replace instance profile build-host-profile with ca-wizard-build-host',
			hint: 'The instance would stop wearing role build-host-role and lose every permission it grants (anything else on this host that uses AWS through it would break). Choose this only if nothing does.',
		},
		{value: 'stop', label: 'Stop here; I will fix it myself'},
	],
	default: 'attach-to-current-role',
};

const settingsXml = [
	'<?xml version="1.0" encoding="UTF-8"?>',
	'<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"',
	'          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
	'          xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 https://maven.apache.org/xsd/settings-1.2.0.xsd">',
	'  <servers>',
	'    <server>',
	'      <id>codeartifact</id>',
	'      <username>aws</username>',
	'      <password>${env.CODEARTIFACT_AUTH_TOKEN}</password>',
	'    </server>',
	'  </servers>',
	'  <profiles>',
	'    <profile>',
	'      <id>codeartifact</id>',
	'      <repositories>',
	'        <repository>',
	'          <id>codeartifact</id>',
	'          <url>http://127.0.0.1:7717/d/ca-wizard-demo-549480709600/maven/maven-repo/</url>',
	'        </repository>',
	'      </repositories>',
	'    </profile>',
	'  </profiles>',
	'  <activeProfiles>',
	'    <activeProfile>codeartifact</activeProfile>',
	'  </activeProfiles>',
	'  <mirrors>',
	'    <mirror>',
	'      <id>codeartifact</id>',
	'      <mirrorOf>*</mirrorOf>',
	'      <url>http://127.0.0.1:7717/d/ca-wizard-demo-549480709600/maven/maven-repo/</url>',
	'    </mirror>',
	'  </mirrors>',
	'</settings>',
];

export const settingsEvents: WizardEvent[] = [
	...reachStep('settings'),
	{type: 'progress', step: 'settings', message: 'Endpoint: http://127.0.0.1:7717/d/ca-wizard-demo-549480709600/maven/maven-repo/', done: true},
	{
		type: 'diff',
		step: 'settings',
		path: '/tmp/ui-check-1/settings.xml',
		lines: ['--- /dev/null', '+++ b/tmp/ui-check-1/settings.xml', `@@ -0,0 +1,${settingsXml.length} @@`, ...settingsXml.map(line => `+${line}`)],
	},
];

export const writeSettings: ConfirmQuestion = {
	kind: 'confirm',
	id: 'write-settings',
	message: 'Write this change to /tmp/ui-check-1/settings.xml?',
	default: true,
};

/** The publish step as the journey reports it against a sandbox: packed, published, listed, downloaded and unpacked. */
export const publishEvents: WizardEvent[] = [
	...reachStep('publish'),
	{type: 'progress', step: 'publish', message: 'Packed /tmp/ui-check-1/publish/hello-ca-wizard.txt into hello-ca-wizard-1.0.0.tar.gz', done: true},
	{
		type: 'resource',
		step: 'publish',
		resource: {kind: 'package-version', name: 'ca-wizard/hello-ca-wizard 1.0.0', details: {domain: 'ca-wizard-demo', repository: 'maven-repo'}},
		reused: false,
	},
	{
		type: 'published',
		step: 'publish',
		domain: 'ca-wizard-demo',
		repository: 'maven-repo',
		format: 'generic',
		namespace: 'ca-wizard',
		package: 'hello-ca-wizard',
		version: '1.0.0',
		asset: {name: 'hello-ca-wizard-1.0.0.tar.gz', bytes: 311, sha256: '5f0c2d8e4b7a1c9e3d6f8a2b4c7e9d1f3a5b7c9e2d4f6a8b1c3e5d7f9a2b4c6e'},
		origin: 'INTERNAL',
		publish: 'ALLOW',
		upstream: 'BLOCK',
		publishedTime: '2026-12-02T17:10:00.000Z',
	},
	{
		type: 'verified',
		step: 'publish',
		package: 'hello-ca-wizard',
		version: '1.0.0',
		sha256: '5f0c2d8e4b7a1c9e3d6f8a2b4c7e9d1f3a5b7c9e2d4f6a8b1c3e5d7f9a2b4c6e',
		matches: true,
		files: ['hello-ca-wizard.txt'],
		unpackedInto: '/tmp/ca-wizard-unpacked-Xy12ab',
	},
	{type: 'note', step: 'publish', tone: 'success', message: 'Published ca-wizard/hello-ca-wizard 1.0.0, downloaded it back and checked its SHA-256.'},
];

export const hostPublish: ConfirmQuestion = {
	kind: 'confirm',
	id: 'host-publish',
	message: 'Let the build host publish generic packages too?',
	detail:
		'Adds the statement PublishGenericPackages to ca-wizard-codeartifact-read-ca-wizard-demo (a new policy version). No keeps it read-only: this step published with your own credentials.',
	default: false,
};
