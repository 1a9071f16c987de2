import {assertNever} from '../../errors.js';
import {shellQuote} from '../../text/shell-quote.js';
import type {CreatedResource} from '../events.js';

/** A value in a command to paste; a missing one shows as an empty word rather than 'undefined'. */
const q = (value: string | undefined): string => shellQuote(value ?? '');

/** The one command that takes back what a run created; the aws CLI commands below are the manual alternative. */
export function destroyCommand(options: {destroyCommand?: string}): string {
	return options.destroyCommand ?? 'ca-wizard destroy';
}

/** The aws CLI commands that undo what this run created, newest first (dependents before what they depend on). */
export function undoCommands(created: CreatedResource[], flags: string): string[] {
	const commands: string[] = [];
	for (const resource of [...created].reverse()) {
		const d = resource.details ?? {};
		switch (resource.kind) {
			case 'instance-profile-association':
				// A replaced profile is put back: disassociating would leave the instance with no role at all.
				commands.push(
					d['previousProfileArn']
						? `aws ec2 replace-iam-instance-profile-association --association-id ${q(d['associationId'])} --iam-instance-profile Arn=${q(d['previousProfileArn'])}${flags}`
						: `aws ec2 disassociate-iam-instance-profile --association-id ${q(d['associationId'])}${flags}`,
				);
				break;
			case 'instance-profile-role':
				commands.push(`aws iam remove-role-from-instance-profile --instance-profile-name ${q(d['profile'])} --role-name ${q(d['role'])}${flags}`);
				break;
			case 'instance-profile':
				commands.push(`aws iam delete-instance-profile --instance-profile-name ${q(resource.name)}${flags}`);
				break;
			case 'role-policy-attachment':
				commands.push(`aws iam detach-role-policy --role-name ${q(d['role'])} --policy-arn ${q(d['policyArn'])}${flags}`);
				break;
			case 'iam-role':
				commands.push(`aws iam delete-role --role-name ${q(resource.name)}${flags}`);
				break;
			case 'iam-policy':
				if (!d['versionOf']) commands.push(`aws iam delete-policy --policy-arn ${q(resource.arn)}${flags}`);
				break;
			case 'upstream-link':
				commands.push(
					`aws codeartifact update-repository --domain ${q(d['domain'])} --repository ${q(d['repository'])} --upstreams ${upstreamList(d['previous'])}${flags}`,
				);
				break;
			case 'external-connection':
				commands.push(
					`aws codeartifact disassociate-external-connection --domain ${q(d['domain'])} --repository ${q(d['repository'])} --external-connection ${q(d['connection'])}${flags}`,
				);
				break;
			case 'repository':
				commands.push(`aws codeartifact delete-repository --domain ${q(d['domain'])} --repository ${q(d['repository'])}${flags}`);
				break;
			case 'domain':
				commands.push(`aws codeartifact delete-domain --domain ${q(d['domain'])}${flags}`);
				break;
			case 'file':
				commands.push(d['backupPath'] ? `mv ${q(d['backupPath'])} ${q(d['path'])}` : `rm ${q(d['path'])}`);
				break;
			case 'package-version':
				commands.push(
					`aws codeartifact delete-package-versions --domain ${q(d['domain'])} --repository ${q(d['repository'])} --format generic --namespace ${q(d['namespace'])} --package ${q(d['package'])} --versions ${q(d['version'])}${flags}`,
				);
				break;
			default:
				assertNever(resource.kind);
		}
	}
	return commands;
}

function upstreamList(previous: string | undefined): string {
	const names = (previous ?? '').split(',').filter(Boolean);
	return names.length === 0 ? "'[]'" : names.map(name => shellQuote(`repositoryName=${name}`)).join(' ');
}
