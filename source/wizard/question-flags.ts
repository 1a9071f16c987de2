// Every question the journey may ask, by id: each is also a command-line flag (`--ID VALUE`),
// so a scripted or no-TTY run can answer anything the screens ask. A test checks that the
// journey asks nothing that is missing here.

export interface QuestionFlag {
	id: string;
	value: string;
	help: string;
}

export const questionFlags: readonly QuestionFlag[] = [
	{id: 'project-choice', value: 'current|demo', help: 'build this folder\'s pom.xml, or the bundled demo project'},
	{id: 'domain', value: 'NAME', help: 'CodeArtifact domain to use or create'},
	{id: 'repository', value: 'NAME', help: 'repository to use or create'},
	{id: 'description', value: 'TEXT', help: 'description of a new repository'},
	{id: 'upstream', value: 'yes|no', help: 'connect the repository to Maven Central through maven-central-store'},
	{id: 'create-access', value: 'yes|no', help: 'create the build host\'s policy, role and instance profile'},
	{id: 'token-fix', value: 'FIX', help: 'how to fix a refused token: attach-to-current-role, associate-profile, replace-association, wait-and-retry, stop'},
	{id: 'replace-profile', value: 'yes|no', help: 'replace the instance\'s current instance profile'},
	{id: 'write-settings', value: 'yes|no', help: 'write the settings.xml change'},
	{id: 'local-repository', value: 'throwaway|user', help: 'local Maven repository for the build'},
];

export const questionFlagIds = new Set(questionFlags.map(flag => flag.id));
