// Defaults more than one command and the help share.

/** The embedded and the standalone sandbox listen here, so settings.xml written against one stays valid. */
export const defaultSandboxPort = 7717;
