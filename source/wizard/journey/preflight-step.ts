import {join} from 'node:path';
import {preload} from '../../aws/preload.js';
import type {Fact} from '../events.js';
import type {StepContext, StepOutcome} from './context.js';
import {JourneyStop} from './context.js';
import {loadSettings} from './settings-file.js';
import {answer, note, stopOnAws} from './step-helpers.js';

export async function preflightStep(context: StepContext): Promise<StepOutcome> {
	const {aws, tools, facts} = context;
	// The next steps call CodeArtifact, then IAM: their SDK clients load while this step waits for
	// STS, the instance metadata and Java's version check, not on the way to the first call.
	preload(aws.codeartifact);
	preload(aws.iam);
	const [identity, hostMetadata, java, maven] = await Promise.all([
		aws.sts.getCallerIdentity().catch((error: unknown) => stopOnAws(error, 'NoIdentity', 'Asking AWS who you are (sts:GetCallerIdentity)')),
		aws.metadata.describeHost().then(host => {
			// A build host without an instance profile: the token step's fix is EC2's association, whose SDK client takes
			// a good half second to load. It loads now, while Java and Maven answer their version checks.
			if (host && !host.instanceProfileArn) preload(aws.ec2);
			return host;
		}),
		tools.detectJava(),
		tools.locateMaven(),
	]);
	facts.identity = identity;
	facts.hostMetadata = hostMetadata;
	const shown: Fact[] = [
		{label: 'Identity', value: identity.arn},
		{label: 'Account', value: identity.account},
		{label: 'Region', value: aws.region},
		{
			label: 'EC2 build host',
			value: hostMetadata ? `${hostMetadata.instanceId} (${hostMetadata.availabilityZone})` : 'no — this machine answers no instance metadata',
			tone: hostMetadata ? 'ok' : 'warn',
		},
	];
	if (hostMetadata) {
		shown.push({label: 'Instance profile', value: hostMetadata.instanceProfileArn ?? 'none associated', tone: hostMetadata.instanceProfileArn ? 'ok' : 'warn'});
		if (hostMetadata.roleName) shown.push({label: 'Instance role', value: hostMetadata.roleName});
	}
	shown.push({label: 'Java', value: java ?? 'not found', tone: java ? 'ok' : 'bad'});
	shown.push({label: 'Maven', value: maven ?? 'not found', tone: maven ? 'ok' : 'bad'});
	context.host.notify({type: 'facts', step: context.step, facts: shown});

	// The root user cannot get CodeArtifact tokens, and should not be used for daily work anyway.
	if (/:root$/.test(identity.arn)) {
		throw new JourneyStop({
			code: 'RootUser',
			message: 'You are signed in as the account root user, which cannot get CodeArtifact authorization tokens.',
			fix: 'Sign in as an IAM user or role with administrator rights (aws configure, or --profile NAME), then run ca-wizard again.',
		});
	}
	// The journey ends in a Maven build: better to say so now than after creating everything in AWS.
	if (!java || !maven) {
		throw new JourneyStop({
			code: !java ? 'JavaMissing' : 'MavenMissing',
			message: `${!java ? 'Java (a JDK)' : 'Maven'} was not found on the PATH; the build step needs ${!java ? 'a JDK 17 or later' : 'Maven 3.8 or later'}. Nothing was created.`,
			fix: 'Install it (Debian/Ubuntu: sudo apt-get install maven openjdk-17-jdk-headless; Amazon Linux: sudo dnf install maven java-17-amazon-corretto-devel), then run ca-wizard again.',
		});
	}
	// A settings.xml that cannot be merged or written stops the run now, before anything is created in AWS.
	await loadSettings(context, undefined, 'Nothing was created or written.');
	facts.projectDir = await chooseProject(context);
	note(context, `Project: ${facts.projectDir}`, 'success');
	return 'next';
}

async function chooseProject(context: StepContext): Promise<string> {
	const {options, files} = context;
	const demoDir = join(options.workDir, 'demo-project');
	if (options.projectDir) {
		if (!(await files.exists(join(options.projectDir, 'pom.xml')))) {
			throw new JourneyStop({
				code: 'NoPom',
				message: `${options.projectDir} has no pom.xml.`,
				fix: 'Pass a Maven project folder with --project DIR, or leave --project out to use the bundled demo project.',
			});
		}
		return options.projectDir;
	}
	const hasPom = options.target === 'aws' && (await files.exists(join(options.cwd, 'pom.xml')));
	const choice = await answer(context, {
		kind: 'select',
		id: 'project-choice',
		message: 'Which Maven project should the build step compile?',
		choices: [
			// Paths go in the hints, which wrap: a label is cut at the terminal's edge.
			...(hasPom ? [{value: 'current', label: 'This folder', hint: `Builds ${join(options.cwd, 'pom.xml')} where it is.`}] : []),
			{value: 'demo', label: 'The bundled demo project', hint: `Copied to ${demoDir}, and built there.`},
		],
		default: hasPom ? 'current' : 'demo',
	});
	if (choice === 'current') return options.cwd;
	try {
		await files.prepareDemoProject(demoDir);
	} catch (error) {
		throw new JourneyStop({
			code: 'DemoCopyFailed',
			message: `Could not copy the demo project to ${demoDir}: ${(error as Error).message}`,
			fix: 'Pass a writable working folder with --workdir DIR.',
		});
	}
	return demoDir;
}
