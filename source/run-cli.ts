import process from 'node:process';
import packageJson from '../package.json' with {type: 'json'};
import {parseInvocation} from './commands/parse-invocation.js';
import {commands, defaultCommand} from './commands/registry.js';
import {dismissEarlyScreens} from './commands/session.js';
import {describeFailure, failureEvent, failureLines} from './errors.js';
import {plainJsonLine} from './text/plain-text.js';
import {failedRunResult} from './wizard/run-result.js';

// The only place that exits: commands return an exit code, a failure becomes one clear message.
async function main(argv: string[]): Promise<number> {
	const invocation = parseInvocation(argv, commands, defaultCommand);
	switch (invocation.kind) {
		case 'version':
			await dismissEarlyScreens();
			process.stdout.write(`${packageJson.version}\n`);
			return 0;
		case 'help': {
			// Help wraps its text with wrap-ansi: loaded only when help is asked for, so --version and a run stay light.
			const {commandHelp, mainHelp} = await import('./commands/help.js');
			await dismissEarlyScreens();
			process.stdout.write(invocation.command ? commandHelp(invocation.command) : mainHelp(commands, defaultCommand, packageJson.description));
			return 0;
		}
		case 'run':
			// The screens drawn first are the wizard's: another command prints on its own.
			if (invocation.command !== defaultCommand) await dismissEarlyScreens();
			return invocation.command.run(invocation.values, invocation.positionals);
	}
}

/** Runs the command argv names; the process's exit code says how it went. */
export function runCli(argv: string[]): Promise<void> {
	return main(argv).then(
		code => {
			process.exitCode = code;
		},
		async (error: unknown) => {
			await dismissEarlyScreens(); // a refused command line is told without the screens it never ran
			const failure = describeFailure(error);
			// A --json reader gets the failure as the stream's last event, everyone else as a sentence.
			if (argv.includes('--json')) {
				process.stdout.write(plainJsonLine(failureEvent(failure)));
				// The wizard's stream always ends with its result, even when the command line itself was refused.
				if (!commands.some(command => command.name !== '' && command.name === argv[0])) process.stdout.write(plainJsonLine(failedRunResult(failure)));
			} else process.stderr.write(failureLines(failure));
			process.exitCode = failure.exitCode;
		},
	);
}
