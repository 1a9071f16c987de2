import process from 'node:process';
import {parseCommandLine, usage} from './command-line.js';

// The SDK's notice about future Node versions would tear the wizard's frame; the engines
// field already states what we support.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

// The only place that exits: commands return an exit code, errors become one clear message.
async function main(argv: string[]): Promise<number> {
	const parsed = parseCommandLine(argv);
	if (parsed.kind === 'error') {
		process.stderr.write(`ca-wizard: ${parsed.message}\n${parsed.alone ? '' : `\n${usage}`}`);
		return 2;
	}
	if (parsed.kind === 'help') {
		process.stdout.write(usage);
		return 0;
	}
	if (parsed.kind === 'sandbox') {
		const {runSandboxCommand} = await import('./commands/sandbox-command.js');
		return runSandboxCommand(parsed.options);
	}
	const {runWizardCommand} = await import('./commands/wizard-command.js');
	return runWizardCommand(parsed.options);
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const known = error instanceof Error && error.name === 'SandboxError';
		process.stderr.write(`ca-wizard: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
		process.exitCode = 1;
	},
);
