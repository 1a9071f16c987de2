import {conditionValues, parseOperator} from './conditions.js';
import {duplicateKey} from './duplicate-keys.js';
import {isRecord, statementList, stringList} from './json.js';

/** Parsed JSON of an IAM policy. */
export type PolicyDocument = unknown;
/** Identity policies forbid Principal; role trust policies require it and forbid Resource; resource policies require both. */
export type PolicyKind = 'identity' | 'trust' | 'resource';
export type ParseResult = {ok: true; document: PolicyDocument} | {ok: false; message: string};

type Statement = Record<string, unknown>;
type Check = (statement: Statement) => string | undefined;

// Texts as IAM returns them in MalformedPolicyDocument errors.
const SYNTAX = 'Syntax errors in policy.';
const LEGACY = 'The policy failed legacy parsing';
const SHOULD_NOT_SPECIFY_PRINCIPAL = 'Policy document should not specify a principal.';
const NO_PRINCIPALS = 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!';
const SID_UNIQUE = 'Statement IDs (SID) in a single policy must be unique.';
const SID_CHARS = 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*';
const NO_ACTIONS = 'Policy statement must contain actions.';
const NO_RESOURCES = 'Policy statement must contain resources.';
const NO_VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
const ONE_COLON = 'Actions/Condition can contain only one colon.';
const STS_ONLY = 'AssumeRole policy may only specify STS AssumeRole actions.';

const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const PRINCIPAL_PATTERNS: Record<string, RegExp> = {
	AWS: /^(?:\*|\d{12}|arn:aws[a-z-]*:(?:iam|sts)::\d{12}:.+)$/,
	Service: /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/,
	Federated: /^(?:arn:aws[a-z-]*:iam::\d{12}:(?:saml|oidc)-provider\/.+|[a-z0-9-]+(?:\.[a-z0-9-]+)+)$/,
	CanonicalUser: /^[0-9a-f]{64}$/,
};

/**
 * Validates a policy the way IAM does before storing it. Checks run in IAM's
 * stages (shape first, then each rule across all statements), so a document
 * with several problems reports the one IAM would report.
 */
export function parsePolicyDocument(text: string, options: {kind?: PolicyKind} = {}): ParseResult {
	let document: unknown;
	try {
		document = JSON.parse(text);
	} catch {
		return {ok: false, message: SYNTAX};
	}
	// The evaluator would otherwise see only the last of two equal keys, where a reader sees both.
	if (duplicateKey(text) !== undefined) return {ok: false, message: SYNTAX};
	const statements = syntax(document);
	const message = statements ? firstProblem(statements, options.kind ?? 'identity') : SYNTAX;
	return message === undefined ? {ok: true, document} : {ok: false, message};
}

function syntax(document: unknown): Statement[] | undefined {
	if (!isRecord(document) || !Object.keys(document).every(key => TOP_LEVEL.has(key))) return undefined;
	const {Version: version, Id: id} = document;
	if (version !== undefined && !(typeof version === 'string' && VERSIONS.has(version))) return undefined;
	if (id !== undefined && typeof id !== 'string') return undefined;
	const statements = statementList(document.Statement);
	if (!statements?.length || !statements.every(statementSyntax)) return undefined;
	return statements;
}

function statementSyntax(statement: unknown): statement is Statement {
	if (!isRecord(statement) || !Object.keys(statement).every(key => STATEMENT_FIELDS.has(key))) return false;
	const both = (a: string, b: string): boolean => a in statement && b in statement;
	if (both('Action', 'NotAction') || both('Resource', 'NotResource') || both('Principal', 'NotPrincipal')) return false;
	// Case is checked later ("legacy parsing"), matching IAM's distinct message for 'allow'.
	const effect = statement.Effect;
	if (typeof effect !== 'string' || !['allow', 'deny'].includes(effect.toLowerCase())) return false;
	if ('Sid' in statement && typeof statement.Sid !== 'string') return false;
	for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
		if (key in statement && !stringList(statement[key])) return false;
	}
	return !('Condition' in statement) || conditionSyntax(statement.Condition);
}

function conditionSyntax(block: unknown): boolean {
	return (
		isRecord(block) &&
		Object.entries(block).every(
			([operator, keys]) => parseOperator(operator) !== undefined && isRecord(keys) && Object.values(keys).every(value => conditionValues(value) !== undefined),
		)
	);
}

function firstProblem(statements: Statement[], kind: PolicyKind): string | undefined {
	const stages: Record<PolicyKind, Array<Check | 'sids'>> = {
		identity: [legacyEffect, noPrincipal, 'sids', alphanumericSid, hasActions, hasResources, resourceFormat, actionFormat, conditionKeys],
		trust: [legacyEffect, hasPrincipal, principalFormat, 'sids', hasActions, noResources, stsActions, conditionKeys],
		resource: [legacyEffect, hasPrincipal, principalFormat, 'sids', alphanumericSid, hasActions, hasResources, resourceFormat, actionFormat, conditionKeys],
	};
	for (const stage of stages[kind]) {
		const message = stage === 'sids' ? duplicateSid(statements) : statements.map(stage).find(Boolean);
		if (message) return message;
	}
	return undefined;
}

const actionsOf = (statement: Statement): string[] | undefined => stringList(statement.Action ?? statement.NotAction);
const resourcesOf = (statement: Statement): string[] | undefined => stringList(statement.Resource ?? statement.NotResource);

const legacyEffect: Check = statement => (statement.Effect === 'Allow' || statement.Effect === 'Deny' ? undefined : LEGACY);
const noPrincipal: Check = statement => ('Principal' in statement || 'NotPrincipal' in statement ? SHOULD_NOT_SPECIFY_PRINCIPAL : undefined);
const hasPrincipal: Check = statement => ('Principal' in statement || 'NotPrincipal' in statement ? undefined : NO_PRINCIPALS);
const alphanumericSid: Check = statement => (typeof statement.Sid === 'string' && !/^[0-9A-Za-z]*$/.test(statement.Sid) ? SID_CHARS : undefined);
const hasActions: Check = statement => (actionsOf(statement)?.length ? undefined : NO_ACTIONS);
const hasResources: Check = statement => (resourcesOf(statement)?.length ? undefined : NO_RESOURCES);
const noResources: Check = statement => {
	const field = ['Resource', 'NotResource'].find(key => key in statement);
	return field && `Has prohibited field ${field}`;
};
const stsActions: Check = statement => (actionsOf(statement)?.some(action => action !== '*' && !/^sts:/i.test(action)) ? STS_ONLY : undefined);

const resourceFormat: Check = statement => {
	const invalid = resourcesOf(statement)?.find(resource => resource !== '*' && !resource.startsWith('arn:'));
	return invalid === undefined ? undefined : `Resource ${invalid} must be in ARN format or "*".`;
};

const actionFormat: Check = statement => {
	for (const action of actionsOf(statement) ?? []) {
		if (action === '*') continue;
		const [vendor = '', ...rest] = action.split(':');
		if (rest.length === 0) return NO_VENDOR;
		if (rest.length > 1) return ONE_COLON;
		if (!/^[a-zA-Z0-9.-]+$/.test(vendor)) return `Vendor ${vendor} is not valid`;
	}
	return undefined;
};

// Condition keys share the action rule that a vendor prefix is required.
const conditionKeys: Check = statement => {
	const block = statement.Condition;
	if (!isRecord(block)) return undefined;
	const keys = Object.values(block).flatMap(keysOf => (isRecord(keysOf) ? Object.keys(keysOf) : []));
	return keys.some(key => !key.includes(':')) ? NO_VENDOR : undefined;
};

const principalFormat: Check = statement => {
	const principal = statement.Principal ?? statement.NotPrincipal;
	if (principal === '*') return undefined;
	if (!isRecord(principal) || Object.keys(principal).length === 0) return SYNTAX;
	for (const [type, raw] of Object.entries(principal)) {
		const values = stringList(raw);
		const pattern = PRINCIPAL_PATTERNS[type];
		if (!pattern || !values?.length) return `Invalid principal in policy: "${type}"`;
		const invalid = values.find(value => !pattern.test(value));
		if (invalid !== undefined) return `Invalid principal in policy: "${type.toUpperCase()}":"${invalid}"`;
	}
	return undefined;
};

function duplicateSid(statements: Statement[]): string | undefined {
	const seen = new Set<string>();
	for (const {Sid: sid} of statements) {
		if (typeof sid !== 'string' || sid === '') continue;
		if (seen.has(sid)) return SID_UNIQUE;
		seen.add(sid);
	}
	return undefined;
}
