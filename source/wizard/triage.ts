// The token check's triage table: a failed GetAuthorizationToken (asked as the build host)
// becomes a diagnosis a learner can act on — what happened, why, and the fixes, best first.
// AWS's messages are parsed for what matters; only an unrecognised failure shows AWS's words,
// shortened and with anything token- or key-like removed, so no secret reaches the screen.

import {AwsFailure, type AwsFailureKind} from '../aws/errors.js';
import {assertNever} from '../errors.js';
import type {AwsErrorText} from './events.js';
import {FixBook, profileName, roleFromArn, type Fix, type TriageContext} from './triage-fixes.js';

export type {Fix, FixId, TriageContext} from './triage-fixes.js';

export type TokenFailureKind =
	| 'no-credentials'
	| 'denied-token'
	| 'denied-bearer'
	| 'wrong-owner-or-region'
	| 'expired-credentials'
	| 'invalid-credentials'
	| 'network'
	| 'throttled'
	| 'other';

export interface TokenDiagnosis {
	kind: TokenFailureKind;
	title: string;
	/** 2–4 short lines for a learner: what happened, why. */
	explanation: string[];
	/** Best first; empty when only someone outside the wizard can fix it. */
	fixes: Fix[];
	deniedAction?: string;
	/** Who was refused, as AWS named it. */
	principalArn?: string;
	/** AWS's own error code and message, for a learner to recognise in a console or a CI log later. */
	awsError?: AwsErrorText;
}

export interface Denial {
	principalArn?: string;
	action?: string;
	resource?: string;
	reason?: string;
}

const TOKEN_ACTION = 'codeartifact:GetAuthorizationToken';
const BEARER_ACTION = 'sts:GetServiceBearerToken';
const NO_CREDENTIALS = /could not load credentials|unable to (?:locate|load) credentials|credentials? (?:could|can) ?not be (?:loaded|found)/i;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Parses AWS's "User: ARN is not authorized to perform: ACTION on resource: ARN because …". */
export function parseDenial(message: string): Denial {
	const match = /User: (\S+) is not authorized to perform: (\S+?)(?: on resource: (\S+))?(?:\s+(?:because\s+)?(.*?))?\.?$/s.exec(message);
	if (match) return {principalArn: match[1], action: match[2], resource: match[3], reason: match[4] || undefined};
	const action = [TOKEN_ACTION, BEARER_ACTION].find(name => message.toLowerCase().includes(name.toLowerCase()));
	return action ? {action} : {};
}

export function triageTokenFailure(failure: unknown, context: TriageContext): TokenDiagnosis {
	const diagnosis = diagnose(failure, context);
	return failure instanceof AwsFailure ? {...diagnosis, awsError: {code: failure.code, message: redact(failure.message)}} : diagnosis;
}

function diagnose(failure: unknown, context: TriageContext): TokenDiagnosis {
	const {kind, message} = classify(failure);
	const fixes = new FixBook(context);
	const {host} = context;
	switch (kind) {
		case 'no-credentials':
			return noCredentials(context, fixes);
		case 'access-denied':
			return denied(parseDenial(message), context, fixes);
		case 'not-found':
			return diagnosis(
				'wrong-owner-or-region',
				'Domain not found',
				[
					`CodeArtifact found no domain ${context.domain} owned by account ${context.domainOwner} in ${context.region}.`,
					'A domain lives in one region and belongs to one account: a wrong region or domain owner is the usual cause.',
				],
				[fixes.checkDomain()],
			);
		case 'expired-credentials':
			return diagnosis(
				'expired-credentials',
				'Credentials expired',
				[
					"The build host's AWS credentials have expired.",
					host.onEc2
						? 'Instance credentials are renewed automatically before they expire; a retry normally picks up fresh ones.'
						: 'Temporary credentials (SSO, assumed roles) last a few hours; sign in again to get new ones.',
				],
				host.onEc2
					? [fixes.wait('Fresh instance credentials are served within seconds.'), fixes.refresh()]
					: [fixes.refresh(), fixes.wait('Useful if another tool is refreshing the credentials right now.')],
			);
		case 'invalid-credentials':
			return diagnosis(
				'invalid-credentials',
				'Credentials not recognised',
				[
					"AWS did not accept the build host's credentials (the security token is invalid).",
					"This happens for a short while after an instance profile is replaced: the old role's credentials stop working before the new ones are served.",
				],
				host.onEc2
					? [fixes.wait("The new role's credentials usually appear within 10–30 seconds.")]
					: [fixes.refresh(), fixes.wait('If a profile was just changed, give it a few seconds.')],
			);
		case 'network':
			return diagnosis(
				'network',
				'Could not reach CodeArtifact',
				[
					`The token request did not reach CodeArtifact in ${context.region}.`,
					'Check the network, any proxy, and (in a private subnet) the codeartifact.api and sts VPC endpoints.',
				],
				[fixes.wait('Network hiccups usually pass; retrying is safe.')],
			);
		case 'throttled':
			return diagnosis(
				'throttled',
				'Throttled by AWS',
				['CodeArtifact asked for fewer requests (throttling).', 'Nothing is wrong with the setup; the request only has to be repeated a little later.'],
				[fixes.wait('Retrying after a short pause is safe.')],
			);
		case 'conflict':
		case 'validation':
		case 'service':
		case 'unknown':
			return diagnosis(
				'other',
				'The token check failed',
				failure instanceof AwsFailure
					? ['AWS answered with an error the wizard does not recognise.', 'Its own words are below, as they came.']
					: [`The request failed with: ${quote(message)}`, 'The wizard does not recognise this failure, so it shows the message as it came.'],
				kind === 'service' ? [fixes.wait('A service error is usually temporary.')] : kind === 'validation' ? [fixes.checkDomain()] : [],
			);
		default:
			return assertNever(kind);
	}
}

function noCredentials({host}: TriageContext, fixes: FixBook): TokenDiagnosis {
	const title = 'No AWS credentials on the build host';
	if (!host.onEc2) {
		return diagnosis(
			'no-credentials',
			title,
			[
				'This machine is not an EC2 instance, and no credentials were found in the environment, ~/.aws or an SSO session.',
				'Configure credentials for the identity Maven will build as (aws configure, aws sso login or AWS_PROFILE), then retry.',
			],
			[fixes.refresh('Configure credentials, then retry')],
		);
	}
	if (!host.instanceProfileArn) {
		return diagnosis(
			'no-credentials',
			title,
			[
				'This EC2 instance has no instance profile, so its metadata service has no credentials to hand out.',
				"An instance gets a role's credentials by wearing an instance profile that contains the role.",
			],
			[fixes.associate()],
		);
	}
	if (!host.roleName) {
		return diagnosis(
			'no-credentials',
			title,
			[
				`The instance profile ${profileName(host.instanceProfileArn)} contains no role, so there are no credentials to hand out.`,
				"An instance gets a role's credentials by wearing an instance profile that contains the role.",
			],
			[fixes.replace()],
		);
	}
	return diagnosis(
		'no-credentials',
		title,
		[
			`The instance wears role ${host.roleName}, but its credentials could not be loaded.`,
			'A profile associated moments ago takes a few seconds to reach the metadata service.',
		],
		[fixes.wait('Instance credentials usually appear within 10–30 seconds.')],
	);
}

function denied(denial: Denial, context: TriageContext, fixes: FixBook): TokenDiagnosis {
	const action = denial.action ?? TOKEN_ACTION;
	const bearer = action.toLowerCase() === BEARER_ACTION.toLowerCase();
	const ours = bearer || action.toLowerCase() === TOKEN_ACTION.toLowerCase();
	const who = describePrincipal(denial.principalArn);
	// Short, so that AWS's own words (which name the resource) fit under it at 80×24 (TokenDiagnosis.awsError).
	const refused = `${who.charAt(0).toUpperCase()}${who.slice(1)} may not call ${action}.`;
	const reason = denial.reason ?? '';
	if (!ours) {
		return diagnosis(
			'other',
			'The token check was refused',
			[refused, `The wizard's policy does not grant ${action}; ask whoever manages this account's permissions.`],
			[],
			denial,
		);
	}
	const why = bearer
		? `A CodeArtifact token is made from an STS bearer token, so the policy must also allow ${BEARER_ACTION} for codeartifact.amazonaws.com.`
		: 'Nothing allows it to ask for the token Maven needs to read the repository.';
	const kind = bearer ? 'denied-bearer' : 'denied-token';
	const title = bearer ? 'The build host may not get an STS bearer token' : 'The build host may not ask for a token';
	if (/(?:service|resource) control polic/i.test(reason)) {
		return diagnosis(
			kind,
			title,
			[refused, 'An organization policy (SCP) blocks this for the whole account: no role in it can be given this permission.', 'Ask your AWS administrator.'],
			[],
			denial,
		);
	}
	const blocker = /explicit deny/i.test(reason)
		? 'an explicit Deny'
		: /permissions boundary/i.test(reason)
			? 'the permissions boundary'
			: /session policy/i.test(reason)
				? 'a session policy'
				: undefined;
	if (blocker) {
		// Attaching more permissions cannot lift a Deny or a boundary; wearing a clean role can.
		const noAttach = fixes.access(denial.principalArn).filter(fix => fix.id !== 'attach-to-current-role');
		return diagnosis(kind, title, [refused, `The refusal comes from ${blocker} on this identity: adding permissions to it will not help.`], noAttach, denial);
	}
	const resourcePolicy = /resource-based policy/i.test(reason) ? [`The domain's resource policy in account ${context.domainOwner} must allow this too.`] : [];
	return diagnosis(kind, title, [refused, why, ...resourcePolicy], fixes.access(denial.principalArn), denial);
}

function classify(failure: unknown): {kind: AwsFailureKind | 'unknown'; message: string} {
	const message = failure instanceof Error ? failure.message : typeof failure === 'string' ? failure : '';
	if (NO_CREDENTIALS.test(message) || (failure instanceof Error && failure.name === 'CredentialsProviderError')) return {kind: 'no-credentials', message};
	if (failure instanceof AwsFailure) return {kind: failure.kind, message};
	const code = failure instanceof Error && 'code' in failure ? String(failure.code) : '';
	if (NETWORK_CODES.has(code) || (failure instanceof Error && failure.name === 'TimeoutError')) return {kind: 'network', message};
	return {kind: 'unknown', message};
}

function diagnosis(kind: TokenFailureKind, title: string, explanation: string[], fixes: Fix[], denial: Denial = {}): TokenDiagnosis {
	const found = {...(denial.action && {deniedAction: denial.action}), ...(denial.principalArn && {principalArn: denial.principalArn})};
	return {kind, title, explanation, fixes, ...found};
}

function describePrincipal(arn: string | undefined): string {
	const role = roleFromArn(arn);
	if (role) return `role ${role}`;
	const user = arn && /:user\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1];
	return user ? `user ${user}` : (arn ?? 'the build host');
}

/** A message, shortened, with anything that looks like a token or key taken out. */
function quote(message: string): string {
	const text = redact(message);
	return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

/** AWS's words as they came, but with anything that looks like a token or key taken out. */
function redact(message: string): string {
	const text = message
		.replace(/[A-Za-z0-9+/=_.-]{100,}/g, '[redacted]')
		.replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '[redacted]')
		.trim();
	return text === '' ? '(no message)' : text;
}
