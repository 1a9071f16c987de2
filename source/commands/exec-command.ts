import process from 'node:process';
import {UsageError} from '../errors.js';
import {runForeground} from '../process/run.js';
import {invocationName} from './invocation-name.js';
import {fetchHostToken, type HostTokenOptions} from './host-token.js';
import {expiryLine} from './token-command.js';

/** The token goes into the child's environment and nowhere else: not ours, not a file, not the screen. */
export async function runExecCommand(options: HostTokenOptions & {command: readonly string[]}): Promise<number> {
	const [program, ...args] = options.command;
	if (program === undefined)
		throw new UsageError('NoCommand', 'exec needs the command to run after --.', `For example: ${invocationName()} exec -- mvn -s settings.xml compile`);
	const {token, domain} = await fetchHostToken(options);
	process.stderr.write(`ca-wizard: ${expiryLine(token.expiration, domain.domain)}\n`);
	return runForeground(program, args, {env: {CODEARTIFACT_AUTH_TOKEN: token.token}});
}
