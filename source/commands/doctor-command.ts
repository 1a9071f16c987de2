import {readFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import process from 'node:process';
import type {TextSink} from '../host/plain-host.js';
import {authenticatedGet} from '../maven/authenticated-get.js';
import {detectJava, detectMaven, tokenVariable} from '../maven/mvn.js';
import {decodeSettings} from '../maven/settings-xml-encoding.js';
import {doctorExitCode, doctorJsonLines, doctorLines} from '../wizard/doctor/checks.js';
import {runDoctor} from '../wizard/doctor/run-doctor.js';
import {checkSettings, type SettingsFile} from '../wizard/doctor/settings-check.js';
import {ledgerFileName, RunLedger} from '../wizard/ledger.js';
import {connectTarget, settingsPathFor, type Target} from './connect-target.js';
import {workDirNameFor} from './defaults.js';
import {applyLine, hostApis, hostSetup, requestHostToken} from './host-token.js';
import {invocationName} from './invocation-name.js';

export interface DoctorCommandOptions {
	target: Target;
	settings?: string;
	workdir?: string;
	/** A workshop participant: the work folder is ./ca-wizard-work-NAME unless --workdir says otherwise. */
	participant?: string;
	json: boolean;
}

/** Wires the checks to this machine: its settings file, its AWS target, fetch and the tools; prints the results. */
export async function runDoctorCommand(options: DoctorCommandOptions, io: {out: TextSink; env?: NodeJS.ProcessEnv} = {out: process.stdout}): Promise<number> {
	const env = io.env ?? process.env;
	const workDir = resolve(options.workdir ?? workDirNameFor(options.participant));
	const settingsPath = options.settings ?? (await recordedSettings(workDir)) ?? settingsPathFor(options.target, workDir, undefined);
	const settings = await readSettings(settingsPath);
	const address = checkSettings(settings).mirror?.address;
	const {target} = options;
	// On AWS the repository's URL names its region: ask there, unless --region says otherwise.
	const regional: Target = target.kind === 'aws' && !target.region && address?.region ? {...target, region: address.region} : target;
	const connection = await connectTarget({target: regional, settings: settingsPath, ...(address ? {domainOwner: address.domainOwner} : {})}, workDir, env);
	try {
		const {aws} = connection;
		const setup = await hostSetup(workDir, settingsPath, address?.domain ?? '');
		const results = await runDoctor({
			aws,
			host: hostApis(aws, regional),
			settings,
			requestToken: async found =>
				(await requestHostToken(aws, {target: regional}, {domain: found.domain, domainOwner: found.domainOwner, from: settingsPath}, async () => setup)).token,
			probe: authenticatedGet,
			tools: {detectJava, detectMaven},
			envToken: env[tokenVariable] || undefined,
			now: () => new Date(),
			cliName: invocationName(env),
			applyLine: domain => applyLine(domain, regional, setup, env),
		});
		const lines = options.json ? doctorJsonLines(results) : doctorLines(results);
		io.out.write(`${lines.join('\n')}\n`);
		return doctorExitCode(results);
	} finally {
		await connection.close();
	}
}

/** The settings.xml the last wizard run in the work folder wrote, when its record names one. */
async function recordedSettings(workDir: string): Promise<string | undefined> {
	const ledger = await RunLedger.open(join(workDir, ledgerFileName));
	return ledger.entries.filter(entry => entry.kind === 'file' && entry.state !== 'intended').at(-1)?.details?.['path'];
}

async function readSettings(path: string): Promise<SettingsFile> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') return {path, text: undefined};
		const message = code === 'EISDIR' ? 'this is a folder, not a file.' : code === 'EACCES' ? 'you may not read this file.' : `it cannot be read (${code}).`;
		return {path, text: undefined, unreadable: {message, fix: 'Pass the settings file your builds use with --settings PATH.'}};
	}
	const decoded = decodeSettings(bytes);
	return decoded.ok ? {path, text: decoded.text} : {path, text: undefined, unreadable: {message: decoded.message, fix: decoded.fix}};
}
