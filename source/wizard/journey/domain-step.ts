import {questionFlags} from '../question-flags.js';
import {goBack} from '../questions.js';
import type {StepContext, StepOutcome} from './context.js';
import {createOrAdopt, ourTags} from './create-or-adopt.js';
import {ask, needs, note, progress, reused, stop, stopOnAws, unusedName} from './step-helpers.js';
import {settleUnfinished} from './unfinished.js';

export async function domainStep(context: StepContext): Promise<StepOutcome> {
	const {aws} = context;
	const suggested = context.options.names.domain;
	const facts = needs(context, 'identity');
	const {validate} = questionFlags.domain;
	// The first step that creates anything: first, what a stopped run may have left unconfirmed.
	await settleUnfinished(context);
	const owner = context.options.domainOwner;
	if (owner !== undefined && owner !== facts.identity.account) return domainOfAnotherAccount(context, owner);
	progress(context, 'Listing your CodeArtifact domains…');
	const domains = await aws.codeartifact.listDomains().catch((error: unknown) => stopOnAws(error, 'ListDomainsFailed', 'Listing domains'));
	if (domains.length === 0) progress(context, `No domains yet in this account and ${aws.region}`, true, 'info');
	else progress(context, `${domains.length} domain${domains.length === 1 ? '' : 's'} found`, true);
	// A workshop participant's default is a domain of their own, never another participant's.
	const preferred = domains.find(d => d.name === suggested)?.name ?? (context.options.names.participant === undefined ? domains[0]?.name : undefined);
	const name = await ask(context, {
		kind: 'select',
		id: 'domain',
		message: domains.length > 0 ? 'Use an existing domain, or create one?' : 'Name the new domain',
		choices: domains.map(d => ({value: d.name, label: d.name, hint: d.owner === facts.identity.account ? 'yours' : `owner ${d.owner}`})),
		default: preferred ?? suggested,
		custom: {
			label: 'Create a new domain…',
			default: unusedName(
				suggested,
				domains.map(d => d.name),
			),
			validate,
		},
		canGoBack: true,
	});
	if (name === goBack) return 'back';
	const problem = validate(name);
	if (problem) stop({code: 'BadDomainName', message: `"${name}" is not a valid domain name: ${problem}`, fix: 'Pass a valid name with --domain NAME.'});
	const existing = domains.find(d => d.name === name) ?? (await aws.codeartifact.describeDomain(name).catch(() => undefined));
	if (existing) {
		facts.domain = existing.name;
		facts.domainOwner = existing.owner;
		await reused(context, {kind: 'domain', name: existing.name, arn: existing.arn, details: {domain: existing.name, owner: existing.owner}});
		note(context, `Using domain ${existing.name}.`, 'success');
		return 'next';
	}
	progress(context, `Creating domain ${name}…`);
	const domain = await createOrAdopt(
		context,
		{kind: 'domain', name, details: {domain: name}},
		{
			create: () => aws.codeartifact.createDomain(name, {tags: ourTags(context)}),
			made: made => ({arn: made.arn, details: {owner: made.owner}}),
			find: () => aws.codeartifact.describeDomain(name),
			tags: found => aws.codeartifact.listTags(found.arn),
			code: 'CreateDomainFailed',
			doing: `Creating domain ${name}`,
		},
	);
	facts.domain = domain.name;
	facts.domainOwner = domain.owner;
	progress(context, `Domain ${name} ready`, true);
	return 'next';
}

/**
 * --domain-owner names another account: its domains are not listed (ListDomains shows the
 * caller's own) and none is created there. The named domain is looked up with its owner, and
 * what AWS answers (not found, access denied) stops the run.
 */
async function domainOfAnotherAccount(context: StepContext, owner: string): Promise<StepOutcome> {
	const facts = needs(context, 'identity');
	const {validate} = questionFlags.domain;
	const name = await ask(context, {
		kind: 'select',
		id: 'domain',
		message: `Name the domain owned by account ${owner}`,
		choices: [],
		default: context.options.names.domain,
		custom: {label: `A domain of account ${owner}…`, default: context.options.names.domain, validate},
		canGoBack: true,
	});
	if (name === goBack) return 'back';
	const problem = validate(name);
	if (problem) stop({code: 'BadDomainName', message: `"${name}" is not a valid domain name: ${problem}`, fix: 'Pass a valid name with --domain NAME.'});
	progress(context, `Looking up domain ${name} of account ${owner}…`);
	const fix = `Check --domain and --domain-owner. Account ${owner} must exist, own ${name}, and let ${facts.identity.account} use it in the domain's resource policy.`;
	const domain = await context.aws.codeartifact
		.describeDomain(name)
		.catch((error: unknown) => stopOnAws(error, 'DomainNotFound', `Looking up domain ${name} of account ${owner}`, fix));
	if (!domain) stop({code: 'DomainNotFound', message: `Account ${owner} has no domain ${name} that you may see.`, fix});
	facts.domain = domain.name;
	facts.domainOwner = domain.owner || owner;
	await reused(context, {kind: 'domain', name: domain.name, arn: domain.arn, details: {domain: domain.name, owner: facts.domainOwner}});
	note(context, `Using domain ${domain.name} of account ${facts.domainOwner}.`, 'success');
	return 'next';
}
