import {parseArgs} from 'node:util';

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
	| {kind: 'error'; message: string}
	| {kind: 'sandbox'; options: SandboxCommandOptions}
	| {kind: 'wizard'; args: string[]};

export const defaultSandboxPort = 7717;

export const usage = `Usage:
  ca-wizard sandbox [options]      run the offline CodeArtifact sandbox in the foreground

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
	if (first !== 'sandbox') return {kind: 'wizard', args: argv};
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
