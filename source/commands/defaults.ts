// Defaults more than one command and the help share.

/** The embedded and the standalone sandbox listen here, so settings.xml written against one stays valid. */
export const defaultSandboxPort = 7717;

/** The wizard's work folder under the current one, when --workdir does not name one; destroy looks there too. */
export const defaultWorkDirName = 'ca-wizard-work';
