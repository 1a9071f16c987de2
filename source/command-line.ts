import {parseArgs} from 'node:util';
import {flagUsage, flagValueProblem, questionIds, refusedFlag} from './wizard/question-flags.js';

// Replaces hand-rolled argv scanning: node:util parseArgs rejects unknown and malformed flags.

export interface SandboxCommandOptions {
	port: number;
	host: string;
	dataDir: string | undefined;
	mavenCentral: string | undefined;
	scenario: string | undefined;
	region: string | undefined;
	faults: string | undefined;
	printEnv: boolean;
}

export type CommandLine =
	| {kind: 'help'}
	/** `alone`: the message says all there is (a refused value names the accepted ones), without the usage below it. */
	| {kind: 'error'; message: string; alone?: true}
	| {kind: 'sandbox'; options: SandboxCommandOptions}
	| {kind: 'wizard'; options: WizardCommandOptions};

export interface WizardCommandOptions {
	target: {kind: 'aws'; profile?: string; region?: string} | {kind: 'sandbox'; scenario?: string; mavenCentral?: string} | {kind: 'sandbox-url'; url: string};
	settings?: string;
	project?: string;
	workdir?: string;
	yes: boolean;
	json: boolean;
	/** Answers given as flags, by question id. */
	answers: Record<string, string>;
}

export const defaultSandboxPort = 7717;

const answerFlags = questionIds.map(id => ({id, ...flagUsage(id)}));
const flagWidth = Math.max(23, ...answerFlags.map(flag => flag.id.length + flag.value.length + 2));

export const usage = `Usage:
  ca-wizard [options]              walk from an empty AWS account to a Maven build through CodeArtifact
  ca-wizard sandbox [options]      run the offline CodeArtifact sandbox in the foreground

Wizard options:
  --sandbox                the whole journey offline, on an embedded sandbox (no AWS account)
  --sandbox-url URL        a sandbox already running; its admin credentials from the environment
                           (eval the export lines of \`ca-wizard sandbox --print-env\`)
  --scenario S             with --sandbox: access-denied (default) or no-profile
  --maven-central URL|DIR  with --sandbox: where public:maven-central fetches from
  --profile NAME           AWS profile (default: the SDK's default credential chain)
  --region R               AWS region
  --settings PATH          settings.xml to merge into (default ~/.m2/settings.xml; with a sandbox,
                           WORKDIR/settings.xml — your own ~/.m2 is never touched)
  --project DIR            the Maven project to build (default: this folder's pom.xml, or the demo)
  --workdir DIR            working folder (default ./ca-wizard-work)
  --yes                    take the default wherever no flag answers a question
  --json                   print events as JSON lines instead of the interactive screens

Answers (every question the wizard asks has its flag):
${answerFlags.map(flag => `  --${`${flag.id} ${flag.value}`.padEnd(flagWidth)} ${flag.help}`).join('\n')}

Sandbox options:
  --port N                 port to listen on (default ${defaultSandboxPort}; 0 picks a free one)
  --host ADDRESS           address to bind (default 127.0.0.1; anything else is reachable by others)
  --data DIR               folder that keeps the sandbox's state (default ~/.ca-wizard/sandbox)
  --maven-central URL|DIR  where public:maven-central fetches from (default Maven Central,
                           falling back to ~/.m2/repository when it cannot be reached)
  --scenario S             build host at start: access-denied (default) or no-profile
  --region R               region the sandbox answers as (default us-east-1)
  --faults SPEC            inject failures, e.g. throttle=0.2,error=0.05,latency=200
  --print-env              print export lines for the admin credentials and endpoints
  -h, --help               show this help
`;

export function parseCommandLine(argv: string[]): CommandLine {
	const [first, ...rest] = argv;
	if (first === '-h' || first === '--help' || first === 'help') return {kind: 'help'};
	if (first !== 'sandbox') return parseWizard(argv);
	let values;
	try {
		({values} = parseArgs({
			args: rest,
			strict: true,
			allowPositionals: false,
			options: {
				port: {type: 'string'},
				host: {type: 'string'},
				data: {type: 'string'},
				'maven-central': {type: 'string'},
				scenario: {type: 'string'},
				region: {type: 'string'},
				faults: {type: 'string'},
				'print-env': {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
			},
		}));
	} catch (error) {
		return {kind: 'error', message: (error as Error).message};
	}
	if (values.help) return {kind: 'help'};
	const port = values.port === undefined ? defaultSandboxPort : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		return {kind: 'error', message: `--port takes a whole number from 0 to 65535, not "${values.port}".`};
	}
	return {
		kind: 'sandbox',
		options: {
			port,
			host: values.host ?? '127.0.0.1',
			dataDir: values.data,
			mavenCentral: values['maven-central'],
			scenario: values.scenario,
			region: values.region,
			faults: values.faults,
			printEnv: values['print-env'] ?? false,
		},
	};
}

function parseWizard(argv: string[]): CommandLine {
	let values;
	try {
		({values} = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				sandbox: {type: 'boolean'},
				'sandbox-url': {type: 'string'},
				scenario: {type: 'string'},
				'maven-central': {type: 'string'},
				profile: {type: 'string'},
				region: {type: 'string'},
				settings: {type: 'string'},
				project: {type: 'string'},
				workdir: {type: 'string'},
				yes: {type: 'boolean', short: 'y'},
				json: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				...Object.fromEntries(questionIds.map(id => [id, {type: 'string' as const}])),
			},
		}));
	} catch (error) {
		return {kind: 'error', message: (error as Error).message};
	}
	const value = (name: string) => (values as Record<string, string | boolean | undefined>)[name];
	if (value('help')) return {kind: 'help'};
	if (value('sandbox') && value('sandbox-url')) return {kind: 'error', message: 'Use either --sandbox (start one here) or --sandbox-url URL (use a running one), not both.'};
	if ((value('scenario') || value('maven-central')) && !value('sandbox')) return {kind: 'error', message: '--scenario and --maven-central go with --sandbox.'};
	if ((value('profile') || value('region')) && (value('sandbox') || value('sandbox-url'))) return {kind: 'error', message: '--profile and --region are for real AWS; a sandbox has its own credentials and region.'};
	const url = value('sandbox-url') as string | undefined;
	if (url !== undefined && !/^https?:\/\/[^/]+\/?$/.test(url)) return {kind: 'error', message: `--sandbox-url takes the endpoint \`ca-wizard sandbox\` printed, e.g. http://127.0.0.1:7717, not "${url}".`};
	const optional = (name: string) => (typeof value(name) === 'string' ? {[name]: value(name) as string} : {});
	const target: WizardCommandOptions['target'] = value('sandbox')
		? {kind: 'sandbox', ...(optional('scenario') as {scenario?: string}), ...(typeof value('maven-central') === 'string' ? {mavenCentral: value('maven-central') as string} : {})}
		: url
			? {kind: 'sandbox-url', url: url.replace(/\/$/, '')}
			: {kind: 'aws', ...(optional('profile') as {profile?: string}), ...(optional('region') as {region?: string})};
	// Every answer is checked here, before the first AWS call: a value its question would refuse
	// must not surface only after the steps before it have created things.
	const answers: Record<string, string> = {};
	for (const id of questionIds) {
		const raw = value(id);
		if (typeof raw !== 'string') continue;
		const problem = flagValueProblem(id, raw);
		if (problem) return {kind: 'error', message: refusedFlag(id, raw, problem), alone: true};
		answers[id] = raw;
	}
	if (answers['project-choice'] !== undefined && value('project') !== undefined) {
		return {kind: 'error', message: '--project DIR already chooses the project to build; --project-choice is for a run without it. Pass one of the two.'};
	}
	return {
		kind: 'wizard',
		options: {
			target,
			...(optional('settings') as {settings?: string}),
			...(optional('project') as {project?: string}),
			...(optional('workdir') as {workdir?: string}),
			yes: value('yes') === true,
			json: value('json') === true,
			answers,
		},
	};
}
