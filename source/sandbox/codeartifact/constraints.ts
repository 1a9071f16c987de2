// The CodeArtifact model's constraints on every input the sandbox reads, and the check of one
// value against them: shared by the API's validation and the Maven endpoint's paths.

/** One input member as the CodeArtifact model declares it: where it travels and what it must satisfy. */
export interface FieldSpec {
	/** The model's member name: AWS names this one in its validation messages. */
	readonly member: string;
	readonly in: 'query' | 'header' | 'body';
	/** The query key, header name or JSON key on the wire. */
	readonly wire: string;
	readonly type: 'string' | 'integer' | 'boolean';
	/** A full-match Java-style pattern, as printed in the model. */
	readonly pattern?: string;
	/** Length bounds for strings, value bounds for integers. */
	readonly min?: number;
	readonly max?: number;
	readonly enum?: readonly string[];
	/** Refuses control characters the model's pattern lets through (see packagePart). */
	readonly noControls?: true;
}

// The model's patterns, in its words (AWS quotes them in its messages). One rule is the
// sandbox's own: the model's package-part pattern, `[^#/\s]+`, lets U+0001 and every other
// control character that is not whitespace through. Yet a version travels back in
// GetPackageVersionAsset's X-PackageVersion header, where HTTP allows no control character
// but tab, and a Maven group, artifact and version go into maven-metadata.xml, where XML 1.0
// allows none of C0 but tab and line breaks. A version published with one could never be
// fetched (each GetPackageVersionAsset answered 500), so package, namespace and version refuse
// control characters (Unicode Cc) wherever they come in: every API operation, and the Maven
// endpoint's paths (maven-path.ts checks them with these same specs).
const patterns = {
	domain: '[a-z][a-z0-9\\-]{0,48}[a-z0-9]',
	account: '[0-9]{12}',
	repository: '[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}',
	packagePart: '[^#/\\s]+',
	printable: '\\P{C}+',
	printableOrEmpty: '\\P{C}*',
	nonBlank: '\\S+',
	externalConnection: '[A-Za-z0-9][A-Za-z0-9._\\-:]{1,99}',
	sha256: '[0-9a-f]+',
	packageGroup: '[^\\p{C}\\p{IsWhitespace}]+',
} as const;

const packageFormats = ['npm', 'pypi', 'maven', 'nuget', 'generic', 'ruby', 'swift', 'cargo'] as const;
const restriction = ['ALLOW', 'BLOCK'] as const;
const versionStatuses = ['Published', 'Unfinished', 'Unlisted', 'Archived', 'Disposed', 'Deleted'] as const;
export const packageGroupRestrictionTypes = ['EXTERNAL_UPSTREAM', 'INTERNAL_UPSTREAM', 'PUBLISH'] as const;

const query = <const S extends Omit<FieldSpec, 'in' | 'type'>>(spec: S) => ({...spec, in: 'query', type: 'string'}) as const;
const integer = <const S extends Omit<FieldSpec, 'type'>>(spec: S) => ({...spec, type: 'integer'}) as const;

/** Every scalar input the emulated operations read, keyed by how handlers ask for it. */
export const fields = {
	domain: query({member: 'domain', wire: 'domain', pattern: patterns.domain, min: 2, max: 50}),
	domainOwner: query({member: 'domainOwner', wire: 'domain-owner', pattern: patterns.account, min: 12, max: 12}),
	administratorAccount: query({member: 'administratorAccount', wire: 'administrator-account', pattern: patterns.account, min: 12, max: 12}),
	repository: query({member: 'repository', wire: 'repository', pattern: patterns.repository, min: 2, max: 100}),
	sourceRepository: query({member: 'sourceRepository', wire: 'source-repository', pattern: patterns.repository, min: 2, max: 100}),
	destinationRepository: query({member: 'destinationRepository', wire: 'destination-repository', pattern: patterns.repository, min: 2, max: 100}),
	repositoryPrefix: query({member: 'repositoryPrefix', wire: 'repository-prefix', pattern: patterns.repository, min: 2, max: 100}),
	externalConnection: query({member: 'externalConnection', wire: 'external-connection', pattern: patterns.externalConnection, min: 2, max: 100}),
	format: query({member: 'format', wire: 'format', enum: packageFormats}),
	namespace: query({member: 'namespace', wire: 'namespace', pattern: patterns.packagePart, min: 1, max: 255, noControls: true}),
	package: query({member: 'package', wire: 'package', pattern: patterns.packagePart, min: 1, max: 255, noControls: true}),
	packagePrefix: query({member: 'packagePrefix', wire: 'package-prefix', pattern: patterns.packagePart, min: 1, max: 255, noControls: true}),
	packageVersion: query({member: 'packageVersion', wire: 'version', pattern: patterns.packagePart, min: 1, max: 255, noControls: true}),
	packageVersionRevision: query({member: 'packageVersionRevision', wire: 'revision', pattern: patterns.nonBlank, min: 1, max: 50}),
	asset: query({member: 'asset', wire: 'asset', pattern: patterns.printable, min: 1, max: 255}),
	assetName: query({member: 'assetName', wire: 'asset', pattern: patterns.printable, min: 1, max: 255}),
	status: query({member: 'status', wire: 'status', enum: versionStatuses}),
	sortBy: query({member: 'sortBy', wire: 'sortBy', enum: ['PUBLISHED_TIME']}),
	originType: query({member: 'originType', wire: 'originType', enum: ['INTERNAL', 'EXTERNAL', 'UNKNOWN']}),
	publish: query({member: 'publish', wire: 'publish', enum: restriction}),
	upstream: query({member: 'upstream', wire: 'upstream', enum: restriction}),
	endpointType: query({member: 'endpointType', wire: 'endpointType', enum: ['dualstack', 'ipv4']}),
	nextToken: query({member: 'nextToken', wire: 'next-token', pattern: patterns.nonBlank, min: 1, max: 2000}),
	maxResults: integer({member: 'maxResults', in: 'query', wire: 'max-results', min: 1, max: 1000}),
	durationSeconds: integer({member: 'durationSeconds', in: 'query', wire: 'duration', min: 0, max: 43200}),
	unfinished: {member: 'unfinished', in: 'query', wire: 'unfinished', type: 'boolean'},
	assetSHA256: {member: 'assetSHA256', in: 'header', wire: 'x-amz-content-sha256', type: 'string', pattern: patterns.sha256, min: 64, max: 64},
	description: {member: 'description', in: 'body', wire: 'description', type: 'string', pattern: patterns.printableOrEmpty, max: 1000},
	encryptionKey: {member: 'encryptionKey', in: 'body', wire: 'encryptionKey', type: 'string', pattern: patterns.nonBlank, min: 1, max: 1011},
	// The package version batch operations (delete, dispose, status, copy) read these from the body.
	expectedStatus: {member: 'expectedStatus', in: 'body', wire: 'expectedStatus', type: 'string', enum: versionStatuses},
	targetStatus: {member: 'targetStatus', in: 'body', wire: 'targetStatus', type: 'string', enum: versionStatuses},
	allowOverwrite: {member: 'allowOverwrite', in: 'body', wire: 'allowOverwrite', type: 'boolean'},
	includeFromUpstream: {member: 'includeFromUpstream', in: 'body', wire: 'includeFromUpstream', type: 'boolean'},
	packageGroup: query({member: 'packageGroup', wire: 'package-group', pattern: patterns.packageGroup, min: 2, max: 520}),
	bodyPackageGroup: {member: 'packageGroup', in: 'body', wire: 'packageGroup', type: 'string', pattern: patterns.packageGroup, min: 2, max: 520},
	// DeletePackageGroup's packageGroup is a plain String in the model.
	anyPackageGroup: query({member: 'packageGroup', wire: 'package-group'}),
	contactInfo: {member: 'contactInfo', in: 'body', wire: 'contactInfo', type: 'string', pattern: patterns.printableOrEmpty, min: 0, max: 1000},
	prefix: query({member: 'prefix', wire: 'prefix', pattern: patterns.printableOrEmpty, min: 0, max: 520}),
	originRestrictionType: query({member: 'originRestrictionType', wire: 'originRestrictionType', enum: packageGroupRestrictionTypes}),
	preview: {member: 'preview', in: 'query', wire: 'preview', type: 'boolean'},
	// ListDomains alone takes its paging members in the JSON body.
	bodyMaxResults: integer({member: 'maxResults', in: 'body', wire: 'maxResults', min: 1, max: 1000}),
	bodyNextToken: {member: 'nextToken', in: 'body', wire: 'nextToken', type: 'string', pattern: patterns.nonBlank, min: 1, max: 2000},
	// PutDomainPermissionsPolicy alone takes the domain and its owner in the JSON body.
	bodyDomain: {member: 'domain', in: 'body', wire: 'domain', type: 'string', pattern: patterns.domain, min: 2, max: 50},
	bodyDomainOwner: {member: 'domainOwner', in: 'body', wire: 'domainOwner', type: 'string', pattern: patterns.account, min: 12, max: 12},
	policyDocument: {member: 'policyDocument', in: 'body', wire: 'policyDocument', type: 'string', pattern: '[\\P{C}\\s]+', min: 1, max: 7168},
	policyRevision: {member: 'policyRevision', in: 'body', wire: 'policyRevision', type: 'string', pattern: patterns.nonBlank, min: 1, max: 100},
	policyRevisionQuery: query({member: 'policyRevision', wire: 'policy-revision', pattern: patterns.nonBlank, min: 1, max: 100}),
} as const satisfies Record<string, FieldSpec>;

/** Shapes of nested body members, checked with checkValue(). */
export const nestedSpecs = {
	repositoryName: {type: 'string', pattern: patterns.repository, min: 2, max: 100},
	tagKey: {type: 'string', pattern: patterns.printable, min: 1, max: 128},
	tagValue: {type: 'string', pattern: patterns.printableOrEmpty, min: 0, max: 256},
	restriction: {type: 'string', enum: restriction},
	packageVersion: {type: 'string', pattern: patterns.packagePart, min: 1, max: 255, noControls: true},
	packageVersionRevision: {type: 'string', pattern: patterns.nonBlank, min: 1, max: 50},
	packageGroupRestrictionType: {type: 'string', enum: packageGroupRestrictionTypes},
	packageGroupRestrictionMode: {type: 'string', enum: ['ALLOW', 'ALLOW_SPECIFIC_REPOSITORIES', 'BLOCK', 'INHERIT']},
} as const satisfies Record<string, Omit<FieldSpec, 'member' | 'in' | 'wire'>>;

export type FieldName = keyof typeof fields;

/** The model's checks on one value; `path` names it in the messages (e.g. `upstreams.1.member.repositoryName`). */
export function checkValue(spec: Omit<FieldSpec, 'member' | 'in' | 'wire'>, path: string, value: unknown): string[] {
	const fail = (constraint: string) => [`Value '${display(value)}' at '${path}' failed to satisfy constraint: Member must ${constraint}`];
	if (spec.type === 'integer') {
		if (typeof value !== 'number' || !Number.isInteger(value)) return fail('be an integer');
		if (spec.min !== undefined && value < spec.min) return fail(`have value greater than or equal to ${spec.min}`);
		if (spec.max !== undefined && value > spec.max) return fail(`have value less than or equal to ${spec.max}`);
		return [];
	}
	if (spec.type === 'boolean') return typeof value === 'boolean' ? [] : fail('be a boolean');
	if (typeof value !== 'string') return fail('be a string');
	const length = [...value].length;
	if (spec.min !== undefined && length < spec.min) return fail(`have length greater than or equal to ${spec.min}`);
	if (spec.max !== undefined && length > spec.max) return fail(`have length less than or equal to ${spec.max}`);
	if (spec.enum && !spec.enum.includes(value)) return fail(`satisfy enum value set: [${spec.enum.join(', ')}]`);
	if (spec.pattern && !fullMatch(spec.pattern).test(value)) return fail(`satisfy regular expression pattern: ${spec.pattern}`);
	if (spec.noControls && controlCharacter.test(value)) return fail('not contain control characters');
	return [];
}

/** checkValue() for a member that must be present. */
export function checkRequired(spec: Omit<FieldSpec, 'member' | 'in' | 'wire'>, path: string, value: unknown): string[] {
	if (value === undefined || value === null) return [`Value null at '${path}' failed to satisfy constraint: Member must not be null`];
	return checkValue(spec, path, value);
}

const controlCharacter = /\p{Cc}/u;

const compiled = new Map<string, RegExp>();
function fullMatch(pattern: string): RegExp {
	let regex = compiled.get(pattern);
	// Java's \p{IsWhitespace} is \p{White_Space} in JavaScript.
	if (!regex) compiled.set(pattern, (regex = new RegExp(`^(?:${pattern.replaceAll('\\p{IsWhitespace}', '\\p{White_Space}')})$`, 'u')));
	return regex;
}

function display(value: unknown): string {
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
