import type {Command} from './command.js';
import {destroyCommand} from './destroy.js';
import {doctorCommand} from './doctor.js';
import {execCommand} from './exec.js';
import {listCommand} from './list.js';
import {publishCommand} from './publish.js';
import {reportCommand} from './report.js';
import {sandboxCommand} from './sandbox.js';
import {tokenCommand} from './token.js';
import {wizardCommand} from './wizard.js';

// Every command, declared once in its own file: the parser, --help and the README's tables read
// this list. A new command is a new file and a line here.

/** The wizard runs when no command is named (`ca-wizard --sandbox`). */
export const defaultCommand: Command = wizardCommand;

export const commands: readonly Command[] = [
	wizardCommand,
	sandboxCommand,
	destroyCommand,
	listCommand,
	tokenCommand,
	execCommand,
	doctorCommand,
	publishCommand,
	reportCommand,
];
