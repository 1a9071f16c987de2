import process from 'node:process';
import {resolve} from 'node:path';
import {exitCodes} from '../errors.js';
import type {TextSink} from '../host/plain-host.js';
import {readInventory} from '../wizard/destroy/account-inventory.js';
import {knownParticipant} from '../wizard/destroy/destroy-entries.js';
import {listEvents, listLines} from '../wizard/destroy/list-lines.js';
import {groupByMaker} from '../wizard/destroy/made-by.js';
import {connectTarget, type TargetOptions} from './connect-target.js';
import {defaultWorkDirName} from './defaults.js';

export interface ListCommandOptions extends TargetOptions {
	workdir?: string;
	participant?: string;
	json: boolean;
}

/** Reads the account and prints what ca-wizard made, per participant (or principal) and run, from the ownership tags. */
export async function runListCommand(options: ListCommandOptions, io: {out: TextSink; env?: NodeJS.ProcessEnv} = {out: process.stdout}): Promise<number> {
	const connection = await connectTarget(options, resolve(options.workdir ?? defaultWorkDirName), io.env);
	try {
		const inventory = await readInventory(connection.aws);
		if (options.participant !== undefined) knownParticipant(inventory, options.participant);
		const groups = groupByMaker(inventory).filter(group => options.participant === undefined || group.createdBy === options.participant);
		io.out.write(
			options.json
				? listEvents(groups)
						.map(event => `${JSON.stringify(event)}\n`)
						.join('')
				: listLines(groups)
						.map(line => `${line}\n`)
						.join(''),
		);
		return exitCodes.done;
	} finally {
		await connection.close();
	}
}
