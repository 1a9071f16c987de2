// Defaults more than one command and the help share.

/** The embedded and the standalone sandbox listen here, so settings.xml written against one stays valid. */
export const defaultSandboxPort = 7717;

/** The wizard's work folder under the current one, when --workdir does not name one; destroy looks there too. */
export const defaultWorkDirName = 'ca-wizard-work';

/**
 * A workshop participant's default work folder, ./ca-wizard-work-NAME: participants sharing one
 * machine keep their run records and settings.xml apart without thinking of --workdir.
 */
export function workDirNameFor(participant: string | undefined): string {
	return participant === undefined ? defaultWorkDirName : `${defaultWorkDirName}-${participant}`;
}
