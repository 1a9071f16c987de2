import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {requireE2eProject} from './e2e-only.js';
import {offlineMavenCentral} from './sandbox.js';

export const demoProject = fileURLToPath(new URL('../../assets/demo-project', import.meta.url));

/** Why a real Maven build cannot run here, or undefined when it can. */
export function mavenUnavailable(): string | undefined {
	requireE2eProject('mvn');
	try {
		execFileSync('mvn', ['-v'], {stdio: 'ignore', timeout: 30_000});
	} catch {
		return '`mvn` is not on the PATH';
	}
	if (!existsSync(offlineMavenCentral)) return `${offlineMavenCentral} (the offline Maven Central) does not exist`;
	return undefined;
}

/**
 * settings.xml that sends every repository through `repositoryUrl` with the user `aws` and the
 * token read from CODEARTIFACT_AUTH_TOKEN, as the CodeArtifact console tells users to write it.
 */
export function writeMavenSettings(path: string, repositoryUrl: string, id = 'codeartifact'): string {
	writeFileSync(
		path,
		`<?xml version="1.0" encoding="UTF-8"?>
<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
	<servers>
		<server>
			<id>${id}</id>
			<username>aws</username>
			<password>\${env.CODEARTIFACT_AUTH_TOKEN}</password>
		</server>
	</servers>
	<mirrors>
		<mirror>
			<id>${id}</id>
			<name>CodeArtifact</name>
			<url>${repositoryUrl}</url>
			<mirrorOf>*</mirrorOf>
		</mirror>
	</mirrors>
</settings>
`,
	);
	return path;
}

export function copyDemoProject(destination: string): string {
	cpSync(demoProject, destination, {recursive: true, filter: source => !source.split(sep).includes('target')});
	return destination;
}

/**
 * The files Maven downloaded into a local repository, as `group/path/artifact/version/file`,
 * without Maven's bookkeeping (_remote.repositories, *.lastUpdated, metadata, checksums).
 */
export function downloadedFiles(localRepository: string): string[] {
	const files: string[] = [];
	const walk = (directory: string) => {
		for (const name of readdirSync(directory)) {
			const path = join(directory, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (!/^(_remote\.repositories|resolver-status\.properties|maven-metadata.*\.xml)$|\.(lastUpdated|sha1|md5|sha256|sha512)$/.test(name)) {
				files.push(relative(localRepository, path).split(sep).join('/'));
			}
		}
	};
	walk(localRepository);
	return files.sort();
}

/** `groupId:artifactId` of each downloaded file (path segments: group…, artifact, version, file). */
export function downloadedPackages(localRepository: string): string[] {
	const packages = new Set<string>();
	for (const file of downloadedFiles(localRepository)) {
		const segments = file.split('/');
		packages.add(`${segments.slice(0, -3).join('.')}:${segments.at(-3)}`);
	}
	return [...packages].sort();
}
