import {parseFaults} from '../sandbox/faults.js';
import {upstreamSpecProblem} from '../sandbox/maven/upstream-spec.js';
import {publicUrlProblem} from '../sandbox/public-url.js';
import {scenarios, type Scenario} from '../sandbox/state.js';
import {maxInstances} from '../sandbox/store/initial-state.js';
import {awsDelaySeconds, consistencyProblem, delaySecondsProblem, type Consistency} from '../sandbox/consistency.js';
import {defineCommand, type OptionDefinition} from './command.js';
import {defaultSandboxPort} from './defaults.js';
import {sandboxEnvCommand} from './sandbox-env.js';

/** --iam-delay, for `ca-wizard sandbox` and the wizard's embedded --sandbox alike. */
export const iamDelayOption = {
	type: 'string',
	value: 'SECONDS',
	help: `IAM and instance-profile changes take effect (for authorisation and the credentials instance metadata hands out) only this long after they are made, as AWS's propagation does (default 0, ${awsDelaySeconds.iam} with --consistency aws)`,
	check: delaySecondsProblem,
} as const satisfies OptionDefinition;

/** --consistency, for `ca-wizard sandbox` and the wizard's embedded --sandbox alike. */
export const consistencyOption = {
	type: 'string',
	value: 'aws|instant',
	help: `instant (default): every change takes effect at once; aws: AWS's documented delays — IAM changes and instance-profile associations usable after ${awsDelaySeconds.iam} s, the role's credentials at the instance ${awsDelaySeconds.credentials} s later, packages fetched from upstreams listed after ${awsDelaySeconds.listing} s (--iam-delay and --listing-lag set those)`,
	check: consistencyProblem,
} as const satisfies OptionDefinition;

/** --listing-lag, for `ca-wizard sandbox` and the wizard's embedded --sandbox alike. */
export const listingLagOption = {
	type: 'string',
	value: 'SECONDS',
	help: `a package version fetched from an upstream is listed (ListPackages, ListPackageVersions, DescribePackage…) only this long after it was fetched, as on AWS (about 180 there); Maven gets it at once (default 0, ${awsDelaySeconds.listing} with --consistency aws)`,
	check: delaySecondsProblem,
} as const satisfies OptionDefinition;

export const sandboxCommand = defineCommand({
	name: 'sandbox',
	summary: 'run the offline sandbox: CodeArtifact, IAM, STS, EC2, metadata and Maven',
	usage: '[options]',
	subcommands: [sandboxEnvCommand],
	options: {
		port: {type: 'string', value: 'N', help: `port to listen on (default ${defaultSandboxPort}; 0 picks a free one)`, check: portProblem},
		host: {type: 'string', value: 'ADDRESS', help: 'address to bind (default 127.0.0.1; anything else is reachable by others, and warned about)'},
		'public-url': {
			type: 'string',
			value: 'URL',
			help: "the address others reach the sandbox at, advertised in the export lines and the endpoints it returns (default with --host 0.0.0.0: this machine's first network address and the port)",
			check: publicUrlProblem,
		},
		data: {type: 'string', value: 'DIR', help: "folder that keeps the sandbox's state (default ~/.ca-wizard/sandbox); one sandbox per folder"},
		'maven-central': {
			type: 'string',
			value: 'URL|DIR',
			help: 'where public:maven-central fetches from (default Maven Central, falling back to ~/.m2/repository when it cannot be reached)',
			check: upstreamSpecProblem,
		},
		scenario: {
			type: 'string',
			value: 'S',
			help: 'the simulated EC2 build host at start: access-denied (default: a role without CodeArtifact permissions) or no-profile (no instance profile, no credentials)',
			check: scenarioProblem,
		},
		instances: {
			type: 'string',
			value: 'N',
			help: 'how many simulated EC2 build hosts a new data folder gets (default 1, at most 100), each with its own role and metadata endpoint',
			check: instancesProblem,
		},
		region: {type: 'string', value: 'R', help: 'region the sandbox answers as (default us-east-1)'},
		consistency: consistencyOption,
		'iam-delay': iamDelayOption,
		'listing-lag': listingLagOption,
		faults: {type: 'string', value: 'SPEC', help: 'inject failures, e.g. throttle=0.2,error=0.05,latency=200', check: faultsProblem},
		'print-env': {
			type: 'boolean',
			help: 'print export lines: AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_DEFAULT_REGION, AWS_EC2_METADATA_SERVICE_ENDPOINT, and an empty AWS_SESSION_TOKEN',
		},
	},
	examples: [
		{command: 'ca-wizard sandbox', about: 'start it, and keep it running in this shell'},
		{command: 'eval "$(ca-wizard sandbox env)"', about: 'in another shell: point the aws CLI, the SDKs and ca-wizard --sandbox-url at it'},
		{command: 'ca-wizard sandbox --port 0 --data /tmp/workshop-1', about: 'a second sandbox beside the first, with its own state'},
		{command: 'ca-wizard sandbox --consistency aws --listing-lag 180', about: "AWS's delays, with the full three minutes before a fetched package is listed"},
		{command: 'ca-wizard sandbox --host 0.0.0.0 --public-url http://10.0.0.5:7717 --print-env', about: 'a workshop: reachable by the room'},
	],
	async run(values) {
		const {runSandboxCommand} = await import('./sandbox-command.js');
		return runSandboxCommand({
			port: values.port === undefined ? defaultSandboxPort : Number(values.port),
			host: values.host ?? '127.0.0.1',
			publicUrl: values['public-url'],
			dataDir: values.data,
			mavenCentral: values['maven-central'],
			scenario: values.scenario as Scenario | undefined,
			instances: values.instances === undefined ? undefined : Number(values.instances),
			region: values.region,
			faults: values.faults,
			consistency: values.consistency as Consistency | undefined,
			iamDelaySeconds: values['iam-delay'] === undefined ? undefined : Number(values['iam-delay']),
			listingLagSeconds: values['listing-lag'] === undefined ? undefined : Number(values['listing-lag']),
			printEnv: values['print-env'] ?? false,
		});
	},
});

function portProblem(value: string): string | undefined {
	const port = Number(value);
	return /^\d+$/.test(value) && port <= 65_535 ? undefined : 'takes a whole number from 0 to 65535';
}

function instancesProblem(value: string): string | undefined {
	return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= maxInstances ? undefined : `takes a whole number from 1 to ${maxInstances}`;
}

function scenarioProblem(value: string): string | undefined {
	return (scenarios as readonly string[]).includes(value) ? undefined : `use ${scenarios.join(' or ')}`;
}

function faultsProblem(value: string): string | undefined {
	try {
		parseFaults(value);
		return undefined;
	} catch (error) {
		return (error as Error).message.replace(/^--faults: /, '');
	}
}
