import {homedir} from 'node:os';
import {join} from 'node:path';

// Defaults more than one command and the help share.

/** The embedded and the standalone sandbox listen here, so settings.xml written against one stays valid. */
export const defaultSandboxPort = 7717;

/** `ca-wizard sandbox` and `ca-wizard sandbox env` keep and look for the sandbox's state here, when --data does not say. */
export const defaultSandboxData = join(homedir(), '.ca-wizard', 'sandbox');

/** The wizard's work folder under the current one, when --workdir does not name one; destroy looks there too. */
export const defaultWorkDirName = 'ca-wizard-work';

/**
 * A workshop participant's default work folder, ./ca-wizard-work-NAME: participants sharing one
 * machine keep their run records and settings.xml apart without thinking of --workdir.
 */
export function workDirNameFor(participant: string | undefined): string {
	return participant === undefined ? defaultWorkDirName : `${defaultWorkDirName}-${participant}`;
}
