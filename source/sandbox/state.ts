// The sandbox's whole world as one JSON-serialisable value: persisted as a snapshot after
// every change (see store/sandbox-store.ts), so a restart or a kill -9 finds exactly what was
// acknowledged.

export type Scenario = 'access-denied' | 'no-profile';
export const scenarios: readonly Scenario[] = ['access-denied', 'no-profile'];
export type OriginRestriction = 'ALLOW' | 'BLOCK';
export type PackageFormat = 'maven' | 'generic' | 'npm' | 'pypi' | 'nuget' | 'swift' | 'ruby' | 'cargo';

export interface DomainRecord {
	name: string;
	createdTime: number; // epoch seconds
	encryptionKey: string;
	tags: Tag[];
	/** Its domain policy (PutDomainPermissionsPolicy), evaluated with the caller's identity policies. */
	permissionsPolicy?: ResourcePolicyRecord;
}

/** A CodeArtifact resource policy: the document as given, and its revision (optimistic locking). */
export interface ResourcePolicyRecord {
	document: string;
	revision: string;
}

export interface RepositoryRecord {
	domain: string;
	name: string;
	description: string;
	upstreams: string[]; // repository names, in look-up order
	externalConnections: string[]; // e.g. 'public:maven-central'
	/** Upstreams deleted since this repository's last UpdateRepository: its upstream graph still points at them (see upstream-graph.ts). */
	danglingUpstreams?: string[];
	createdTime: number;
	tags: Tag[];
	/** Its repository policy (PutRepositoryPermissionsPolicy). */
	permissionsPolicy?: ResourcePolicyRecord;
}

/**
 * An asset's hashes as recorded. SHA-1 (what Maven checks) and SHA-256 (the blob's address) are
 * always there; a cache fill leaves out MD5 and SHA-512, which few ever ask for and which are
 * most of the hashing of a large jar: BlobStore.hashesOf makes them on first use.
 */
export interface AssetHashes {
	'SHA-1': string;
	'SHA-256': string;
	MD5?: string;
	'SHA-512'?: string;
}

export interface AssetRecord {
	name: string;
	size: number;
	hashes: AssetHashes;
	blob: string; // SHA-256 of the content: the blob's address in the store
}

export interface VersionOrigin {
	domainEntryPoint: {repositoryName?: string; externalConnectionName?: string};
	originType: 'INTERNAL' | 'EXTERNAL' | 'UNKNOWN';
}

export interface PackageVersionRecord {
	version: string;
	revision: string;
	status: 'Published' | 'Unfinished' | 'Unlisted' | 'Archived' | 'Disposed' | 'Deleted';
	publishedTime: number; // epoch seconds, fractional allowed
	origin: VersionOrigin;
	assets: AssetRecord[];
}

export interface PackageRecord {
	domain: string;
	repository: string;
	format: PackageFormat;
	namespace?: string;
	name: string;
	originConfiguration: {restrictions: {publish: OriginRestriction; upstream: OriginRestriction}};
	versions: PackageVersionRecord[];
}

export interface Tag {
	key: string;
	value: string;
}

export type PackageGroupRestrictionType = 'EXTERNAL_UPSTREAM' | 'INTERNAL_UPSTREAM' | 'PUBLISH';
export type PackageGroupRestrictionMode = 'ALLOW' | 'ALLOW_SPECIFIC_REPOSITORIES' | 'BLOCK' | 'INHERIT';

/** A package group: origin controls for every package its pattern matches most specifically. */
export interface PackageGroupRecord {
	domain: string;
	pattern: string; // as given, e.g. '/maven/com.example~'
	createdTime: number;
	description?: string;
	contactInfo?: string;
	restrictions: Record<PackageGroupRestrictionType, PackageGroupRestrictionMode>;
	allowedRepositories: Record<PackageGroupRestrictionType, string[]>;
	tags: Tag[];
}

export interface ManagedPolicyRecord {
	name: string;
	id: string;
	path: string;
	description: string;
	document: string; // JSON text as given
	createDate: string; // ISO-8601
	updateDate: string;
	tags: Tag[];
	/** Versions v1..vN, oldest first; absent on a record made without them (then `document` is v1). */
	versions?: PolicyVersionRecord[];
	/** The version used for evaluation; `document` always holds its text. Absent means 'v1'. */
	defaultVersionId?: string;
	/** Number of the next version to create (IAM never reuses a version id). */
	nextVersionNumber?: number;
}

export interface PolicyVersionRecord {
	versionId: string; // 'v1', 'v2', …
	document: string;
	createDate: string;
}

export interface RoleRecord {
	name: string;
	id: string;
	path: string;
	description: string;
	assumeRolePolicyDocument: string;
	maxSessionDuration: number;
	createDate: string;
	attachedPolicyArns: string[];
	inlinePolicies: Record<string, string>; // name -> JSON text
	tags: Tag[];
	/** ARN of the managed policy that bounds what the role's policies can grant. */
	permissionsBoundary?: string;
}

export interface InstanceProfileRecord {
	name: string;
	id: string;
	path: string;
	createDate: string;
	roleNames: string[]; // at most one, as AWS allows
	tags: Tag[];
}

export interface AssociationRecord {
	associationId: string;
	instanceId: string;
	instanceProfileName: string;
	state: 'associating' | 'associated' | 'disassociating' | 'disassociated';
	timestamp: string;
}

/** Temporary credentials that instance metadata hands to the simulated build host. */
export interface InstanceSessionRecord {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	roleName: string;
	/** The role's unique id when the session was issued; absent in a state written before it was recorded (then the session is refused). */
	roleId?: string;
	associationId: string;
	/** The instance it was issued to (its session name); absent in a state written before several instances (then the first). */
	instanceId?: string;
	issued: string;
	expiration: string;
}

/** Credentials STS issued on request: AssumeRole (a role session) or GetSessionToken (the admin's, for a while). */
export interface StsSessionRecord {
	kind: 'assumed-role' | 'session-token';
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	/** An assumed role, by name and unique id (a role created again under its name is another role). */
	roleName?: string;
	roleId?: string;
	sessionName?: string;
	/** Session policies (Policy, PolicyArns' documents as they were): the session may do only what they allow too. */
	sessionPolicies?: string[];
	issued: string;
	expiration: string;
}

export interface InstanceRecord {
	instanceId: string;
	imageId: string;
	instanceType: string;
	privateIpAddress: string;
	launchTime: string;
	tags: Tag[]; // a Name tag: build-host-1, build-host-2, …
}

export interface SandboxState {
	version: 1;
	accountId: string;
	region: string;
	scenario: Scenario;
	tokenSecret: string; // HMAC key that signs CodeArtifact authorization tokens
	admin: {userName: string; userId: string; accessKeyId: string; secretAccessKey: string; createDate?: string};
	/** The simulated EC2 build hosts, in launch order: the first is "the" build host of a single-host set-up. */
	instances: InstanceRecord[];
	domains: Record<string, DomainRecord>;
	repositories: Record<string, RepositoryRecord>; // key: `${domain}/${name}`
	packages: Record<string, PackageRecord>; // key: packageKey()
	/** Absent in a state written before package groups; a domain's root group `/*` is stored when first changed. */
	packageGroups?: Record<string, PackageGroupRecord>; // key: packageGroupKey()
	iam: {
		policies: Record<string, ManagedPolicyRecord>; // key: policy name
		roles: Record<string, RoleRecord>;
		instanceProfiles: Record<string, InstanceProfileRecord>;
	};
	associations: Record<string, AssociationRecord>;
	sessions: Record<string, InstanceSessionRecord>; // key: access key id
	/** Absent in a state written before STS issued credentials on request. */
	stsSessions?: Record<string, StsSessionRecord>; // key: access key id
}

/** The first instance: "the" build host of a single-host set-up. */
export function firstInstance(state: SandboxState): InstanceRecord {
	const first = state.instances[0];
	if (!first) throw new Error('The sandbox state has no instance.');
	return first;
}

export function repositoryKey(domain: string, repository: string): string {
	return `${domain}/${repository}`;
}

export function packageKey(p: {domain: string; repository: string; format: string; namespace?: string | undefined; name: string}): string {
	return [p.domain, p.repository, p.format, p.namespace ?? '', p.name].join('\u0000');
}

export function packageGroupKey(domain: string, pattern: string): string {
	return `${domain}\u0000${pattern}`;
}

/** A record's own entry: names from requests (`constructor`, `__proto__`) never reach Object's prototype. */
export function entry<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * An empty name-keyed record without a prototype: `record['__proto__'] = x` (a name IAM allows)
 * then stores an entry instead of replacing the prototype and storing nothing.
 */
export function emptyRecord<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

function withoutPrototype<T>(source: Record<string, T> | undefined): Record<string, T> {
	const record = emptyRecord<T>();
	// Object.entries sees an own `__proto__` key, which JSON.parse creates as a plain property.
	for (const [key, value] of Object.entries(source ?? {})) record[key] = value;
	return record;
}

/** Re-creates every name-keyed record of a state (e.g. one JSON.parse made) without a prototype, in place. */
export function protectRecords(state: SandboxState): SandboxState {
	state.domains = withoutPrototype(state.domains);
	state.repositories = withoutPrototype(state.repositories);
	state.packages = withoutPrototype(state.packages);
	if (state.packageGroups) state.packageGroups = withoutPrototype(state.packageGroups);
	state.iam.policies = withoutPrototype(state.iam.policies);
	state.iam.roles = withoutPrototype(state.iam.roles);
	for (const role of Object.values(state.iam.roles)) role.inlinePolicies = withoutPrototype(role.inlinePolicies);
	state.iam.instanceProfiles = withoutPrototype(state.iam.instanceProfiles);
	state.associations = withoutPrototype(state.associations);
	state.sessions = withoutPrototype(state.sessions);
	if (state.stsSessions) state.stsSessions = withoutPrototype(state.stsSessions);
	return state;
}
