import {accessSync, constants, statSync} from 'node:fs';
import {join} from 'node:path';
import which from 'which';
import {commandVersion, runProcess, type OutputStream} from '../process/run.js';

export interface MavenRunOptions {
	projectDir: string;
	/** The settings.xml to use (`-s`), e.g. the one the wizard wrote. */
	settingsPath: string;
	/** A separate local repository (`-Dmaven.repo.local`), e.g. to prove every artifact comes through CodeArtifact. */
	localRepository?: string;
	goals: readonly string[];
	/** The CodeArtifact token: put only in the child's environment, never in its arguments. */
	token: string;
	signal?: AbortSignal;
	/** Each output line, with any occurrence of the token and any quoted XML (see maskLine) masked. */
	onLine?: (line: string, stream: OutputStream) => void;
}

export interface MavenRunResult {
	exitCode: number;
	success: boolean;
}

/** The environment variable our settings.xml reads the password from. */
export const tokenVariable = 'CODEARTIFACT_AUTH_TOKEN';

const installMaven =
	'Install Apache Maven 3.8 or later (https://maven.apache.org/install.html; on Debian or Ubuntu: sudo apt-get install maven), or add its bin folder to PATH.';

/** `./mvnw` when the project has an executable wrapper (absolute path), else `mvn` from PATH. */
export function mavenCommand(projectDir: string): {command: string; wrapper: boolean} {
	const wrapper = join(projectDir, 'mvnw');
	try {
		if (statSync(wrapper).isFile()) {
			accessSync(wrapper, constants.X_OK);
			return {command: wrapper, wrapper: true};
		}
	} catch {
		// No wrapper, or not executable: use the installed Maven.
	}
	return {command: 'mvn', wrapper: false};
}

/** Run Maven in batch mode against our settings file; a failed build is a result, not an error. */
export async function runMaven(options: MavenRunOptions): Promise<MavenRunResult> {
	const {command} = mavenCommand(options.projectDir);
	const args = [
		'-B',
		'-V', // Maven's and Java's versions first: the preflight only found mvn, it did not start a JVM for them
		'-s',
		options.settingsPath,
		...(options.localRepository === undefined ? [] : [`-Dmaven.repo.local=${options.localRepository}`]),
		...options.goals,
	];
	const {onLine} = options;
	const result = await runProcess(command, args, {
		cwd: options.projectDir,
		env: {[tokenVariable]: options.token},
		// In our process group: the mvn script execs its JVM, so stopping the process stops the build,
		// and the JVM is not scheduled apart from this process (and an embedded sandbox serving it):
		// a cold build of the demo project took ~0.1 s longer in a session of its own (9 of 12 pairs).
		ownGroup: false,
		...(options.signal && {signal: options.signal}),
		...(onLine && {onLine: (line: string, stream: OutputStream) => onLine(maskLine(line, options.token), stream)}),
		missingCommandFix: installMaven,
	});
	return {exitCode: result.exitCode, success: result.exitCode === 0};
}

/** `java -version`'s first line, e.g. `openjdk version "17.0.15" 2025-04-15`, or undefined. */
export async function detectJava(): Promise<string | undefined> {
	return commandVersion('java', ['-version']);
}

/**
 * Where `mvn` is on the PATH, or undefined. Found without starting it: `mvn -v` starts a JVM (a
 * fifth of a second and more of CPU) that the build starts again moments later, printing the
 * same version (-V).
 */
export async function locateMaven(): Promise<string | undefined> {
	return (await which('mvn', {nothrow: true})) ?? undefined;
}

/** `mvn -v`'s first line, e.g. `Apache Maven 3.8.7`, or undefined. */
export async function detectMaven(): Promise<string | undefined> {
	return commandVersion('mvn', ['-v']);
}

/**
 * The token, masked; and the text Maven's XML parser quotes around a problem in settings.xml or
 * a pom ("(position: START_TAG seen ...<password>hunter2<x/>... @3:40)"), which may hold a
 * password: the line and column stay, the quoted text goes.
 */
export function maskLine(line: string, token: string): string {
	const masked = token.length >= 8 ? line.replaceAll(token, '****') : line;
	return masked.replace(/(\(position: [A-Z_]+) seen .*\.\.\. ([^@]*@\d+:\d+\))/, '$1 seen (not shown) $2');
}
