import {questionFlags} from '../question-flags.js';
import {goBack} from '../questions.js';
import type {StepContext, StepOutcome} from './context.js';
import {createOrAdopt, ourTags} from './create-or-adopt.js';
import {answer, ask, needs, note, progress, reused, stop, stopOnAws, unusedName} from './step-helpers.js';

export async function repositoryStep(context: StepContext): Promise<StepOutcome> {
	const {aws} = context;
	const {names} = context.options;
	const facts = needs(context, 'domain');
	const {domain} = facts;
	progress(context, `Listing repositories in ${domain}…`);
	const repositories = (
		await aws.codeartifact.listRepositories(domain).catch((error: unknown) => stopOnAws(error, 'ListRepositoriesFailed', 'Listing repositories'))
	).filter(r => r.name !== names.upstream);
	if (repositories.length === 0) progress(context, `No repositories yet in ${domain}`, true, 'info');
	else progress(context, `${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'} found`, true);
	const {validate} = questionFlags.repository;
	const name = await ask(context, {
		kind: 'select',
		id: 'repository',
		message: repositories.length > 0 ? 'Use an existing repository, or create one?' : 'Name the new repository',
		choices: repositories.map(r => ({value: r.name, label: r.name, ...(r.description ? {hint: r.description} : {})})),
		default: repositories.find(r => r.name === names.repository)?.name ?? repositories[0]?.name ?? names.repository,
		custom: {
			label: 'Create a new repository…',
			default: unusedName(
				names.repository,
				repositories.map(r => r.name),
			),
			validate,
		},
		canGoBack: true,
	});
	if (name === goBack) return 'back';
	const problem = validate(name);
	if (problem) stop({code: 'BadRepositoryName', message: `"${name}" cannot be used: ${problem}`, fix: 'Pass a valid name with --repository NAME.'});
	const existing = repositories.find(r => r.name === name) ?? (await aws.codeartifact.describeRepository(domain, name).catch(() => undefined));
	facts.repository = name;
	if (existing) {
		await reused(context, {kind: 'repository', name, arn: existing.arn, details: {domain, repository: name}});
		note(context, `Using repository ${name}.`, 'success');
		return 'next';
	}
	const description = await answer(context, {
		kind: 'text',
		id: 'description',
		message: 'A description for the repository',
		default: `Maven dependencies for builds, through ${names.upstream}`,
		validate: questionFlags.description.validate,
	});
	progress(context, `Creating repository ${name}…`);
	await createOrAdopt(
		context,
		{kind: 'repository', name, details: {domain, repository: name}},
		{
			create: () => aws.codeartifact.createRepository(domain, name, {description, tags: ourTags(context)}),
			made: made => ({arn: made.arn}),
			find: () => aws.codeartifact.describeRepository(domain, name),
			tags: found => aws.codeartifact.listTags(found.arn),
			code: 'CreateRepositoryFailed',
			doing: `Creating repository ${name}`,
		},
	);
	progress(context, `Repository ${name} ready`, true);
	return 'next';
}
