import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {temporaryDirectory} from '../../helpers/sandbox.js';

// What the tours of every operation (through the SDK and through the aws CLI) publish and fetch:
// one Maven Central stand-in, one POM with details and dependencies, and Maven's own requests.

export const widgetPom = `<project>
  <groupId>com.example</groupId><artifactId>widget</artifactId><version>1.0</version>
  <name>Widget</name><description>Makes widgets.</description>
  <dependencies><dependency><groupId>org.acme</groupId><artifactId>lib</artifactId><version>1.0</version></dependency></dependencies>
</project>`;

/** A folder laid out like Maven Central holding org.acme:lib:1.0, for the sandbox's `mavenCentral`. */
export function centralFolder(): string {
	const folder = temporaryDirectory('ca-wizard-tour-central-');
	const lib = join(folder, 'org', 'acme', 'lib', '1.0');
	mkdirSync(lib, {recursive: true});
	writeFileSync(join(lib, 'lib-1.0.pom'), '<project><groupId>org.acme</groupId><artifactId>lib</artifactId><version>1.0</version></project>');
	writeFileSync(join(lib, 'lib-1.0.jar'), 'PK central lib');
	return folder;
}

/** Maven's requests to a repository endpoint, with the authorization token as its Basic password. */
export function mavenClient(repositoryEndpoint: string, token: string) {
	const request = (path: string, init: RequestInit = {}) =>
		fetch(`${repositoryEndpoint}${path}`, {...init, headers: {authorization: `Basic ${Buffer.from(`aws:${token}`).toString('base64')}`}});
	return {
		get: async (path: string) => {
			const reply = await request(path);
			return {status: reply.status, text: await reply.text()};
		},
		/** mvn deploy's sequence for com.example:widget:1.0: jar, POM, then the metadata that publishes it; the statuses. */
		deployWidget: async () => {
			const statuses: number[] = [];
			for (const [path, body] of [
				['com/example/widget/1.0/widget-1.0.jar', 'PK widget'],
				['com/example/widget/1.0/widget-1.0.pom', widgetPom],
				['com/example/widget/maven-metadata.xml', '<metadata><versioning><versions><version>1.0</version></versions></versioning></metadata>'],
			] as const) {
				statuses.push((await request(path, {method: 'PUT', body})).status);
			}
			return statuses;
		},
	};
}

/** A resource policy letting the account itself read: what a domain or repository policy looks like. */
export function readPolicy(accountId: string, action: string): string {
	return JSON.stringify({
		Version: '2012-10-17',
		Statement: [{Sid: 'AccountReads', Effect: 'Allow', Principal: {AWS: `arn:aws:iam::${accountId}:root`}, Action: action, Resource: '*'}],
	});
}
