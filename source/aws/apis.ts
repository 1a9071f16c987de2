// Narrow, consumer-shaped views of the AWS services the journey uses: only the calls we make,
// in our own types. SDK adapters (aws/sdk/*) implement them; nothing else imports the SDK.

export interface Identity {
	account: string;
	arn: string;
	userId: string;
}

export interface StsApi {
	getCallerIdentity(): Promise<Identity>;
}

export interface DomainSummary {
	name: string;
	owner: string;
	arn: string;
	status: string;
	createdTime?: Date;
}

export interface RepositoryInfo {
	name: string;
	domain: string;
	domainOwner: string;
	arn: string;
	description: string;
	upstreams: string[];
	externalConnections: string[];
}

export interface PackageInfo {
	format: string;
	namespace?: string;
	name: string;
	publish?: 'ALLOW' | 'BLOCK';
	upstream?: 'ALLOW' | 'BLOCK';
}

export interface PackageVersionInfo {
	version: string;
	status: string;
	publishedTime?: Date;
	/** Where the version entered the domain (DescribePackageVersion's origin.domainEntryPoint): an external connection, or the repository it was published to. */
	origin?: {externalConnection: string} | {repository: string};
	/** INTERNAL (published to this domain), EXTERNAL (from an external connection) or UNKNOWN; DescribePackageVersion says. */
	originType?: string;
}

/** A generic package's coordinates: the only format PublishPackageVersion takes. */
export interface GenericPackage {
	namespace: string;
	name: string;
}

/** One asset to publish: its bytes and their SHA-256 (hex), which AWS checks before it stores anything. */
export interface AssetUpload {
	name: string;
	content: Uint8Array;
	sha256: string;
}

export interface PublishedVersion {
	version: string;
	revision: string;
	status: string;
	asset: {name: string; size: number; sha256: string};
}

/** Resource tags as key/value pairs (the ownership tags in wizard/ownership-tags.ts among them). */
export type Tags = Record<string, string>;

export interface AuthorizationToken {
	/** Never print, log or write this value. */
	token: string;
	expiration: Date;
}

/**
 * One set of CodeArtifact calls. Built with a domain owner (--domain-owner), every call on a
 * domain names that account, so a domain in another account is reached (or refused by AWS);
 * without one, AWS takes the caller's account.
 */
export interface CodeArtifactApi {
	/** The domains of the caller's own account. */
	listDomains(): Promise<DomainSummary[]>;
	createDomain(name: string, options?: {tags?: Tags}): Promise<DomainSummary>;
	/** The domain, owned by the API's domain owner; undefined when AWS finds none (ResourceNotFound). */
	describeDomain(name: string): Promise<DomainSummary | undefined>;
	/** Refused while the domain holds repositories. */
	deleteDomain(name: string): Promise<void>;
	listRepositories(domain: string): Promise<RepositoryInfo[]>;
	describeRepository(domain: string, repository: string): Promise<RepositoryInfo | undefined>;
	createRepository(domain: string, repository: string, options: {description?: string; upstreams?: string[]; tags?: Tags}): Promise<RepositoryInfo>;
	/** The tags of a domain or repository, by its ARN. */
	listTags(arn: string): Promise<Tags>;
	deleteRepository(domain: string, repository: string): Promise<void>;
	updateUpstreams(domain: string, repository: string, upstreams: string[]): Promise<RepositoryInfo>;
	associateExternalConnection(domain: string, repository: string, connection: string): Promise<RepositoryInfo>;
	disassociateExternalConnection(domain: string, repository: string, connection: string): Promise<void>;
	getAuthorizationToken(domain: string, options?: {domainOwner?: string; durationSeconds?: number}): Promise<AuthorizationToken>;
	getRepositoryEndpoint(domain: string, repository: string, format: 'maven'): Promise<string>;
	listPackages(domain: string, repository: string, options?: {format?: string}): Promise<PackageInfo[]>;
	/** The versions of one package, newest publish first. */
	listPackageVersions(domain: string, repository: string, pkg: {format: string; namespace?: string; name: string}): Promise<PackageVersionInfo[]>;
	/** One package and its origin controls; undefined while the repository does not have it. */
	describePackage(domain: string, repository: string, pkg: {format: string; namespace?: string; name: string}): Promise<PackageInfo | undefined>;
	/** One version with its publish time (lists do not carry it). */
	describePackageVersion(
		domain: string,
		repository: string,
		pkg: {format: string; namespace?: string; name: string},
		version: string,
	): Promise<PackageVersionInfo>;
	/** PublishPackageVersion, format generic, one asset, finished (unfinished=false): the version is Published at once. */
	publishPackageVersion(domain: string, repository: string, pkg: GenericPackage, version: string, asset: AssetUpload): Promise<PublishedVersion>;
	/** GetPackageVersionAsset: the asset's bytes, as stored. */
	getPackageVersionAsset(domain: string, repository: string, pkg: GenericPackage, version: string, assetName: string): Promise<Uint8Array>;
}

export interface CodeArtifactOptions {
	/** The 12-digit account that owns the domains called on; the caller's own when absent. */
	domainOwner?: string;
}

export interface RoleInfo {
	name: string;
	arn: string;
	assumeRolePolicyDocument: string; // decoded JSON text
	/** The managed policy that bounds what the role's own policies may grant (GetRole shows it; lists do not). */
	permissionsBoundaryArn?: string;
}

export interface PolicyInfo {
	name: string;
	arn: string;
	defaultVersionId: string;
}

export interface InstanceProfileInfo {
	name: string;
	arn: string;
	id: string;
	roleNames: string[];
}

export interface IamApi {
	getRole(name: string): Promise<RoleInfo | undefined>;
	/** Every role in the account (destroy and list find ca-wizard's by their tags). */
	listRoles(): Promise<RoleInfo[]>;
	createRole(name: string, trustPolicy: string, description: string, tags?: Tags): Promise<RoleInfo>;
	listRoleTags(name: string): Promise<Tags>;
	/** Refused while policies are attached or the role is in an instance profile. */
	deleteRole(name: string): Promise<void>;
	getPolicy(arn: string): Promise<PolicyInfo | undefined>;
	/** The default version's document, decoded. */
	getPolicyDocument(arn: string): Promise<string | undefined>;
	createPolicy(name: string, document: string, description: string, tags?: Tags): Promise<PolicyInfo>;
	listPolicyTags(arn: string): Promise<Tags>;
	/** The account's own managed policies (Scope=Local). */
	listLocalPolicies(): Promise<PolicyInfo[]>;
	/** The roles a managed policy is attached to. */
	listPolicyRoles(arn: string): Promise<string[]>;
	/** Makes `document` the default version (deleting the oldest non-default one when the five-version limit is reached). */
	updatePolicyDocument(arn: string, document: string): Promise<void>;
	/** Makes `versionId` the default again and deletes the version that was the default. */
	restorePolicyVersion(arn: string, versionId: string): Promise<void>;
	/** Deletes the non-default versions, then the policy (IAM refuses a policy that has any). */
	deletePolicy(arn: string): Promise<void>;
	listAttachedRolePolicies(roleName: string): Promise<{name: string; arn: string}[]>;
	/** The names of the role's inline policies. */
	listRolePolicies(roleName: string): Promise<string[]>;
	/** An inline policy's document, decoded; undefined when the role has none of that name. */
	getRolePolicy(roleName: string, policyName: string): Promise<string | undefined>;
	attachRolePolicy(roleName: string, policyArn: string): Promise<void>;
	detachRolePolicy(roleName: string, policyArn: string): Promise<void>;
	getInstanceProfile(name: string): Promise<InstanceProfileInfo | undefined>;
	/** The profile whose ARN this is (association records give ARNs, not names). */
	getInstanceProfileByArn(arn: string): Promise<InstanceProfileInfo | undefined>;
	createInstanceProfile(name: string, tags?: Tags): Promise<InstanceProfileInfo>;
	listInstanceProfileTags(name: string): Promise<Tags>;
	/** Every instance profile in the account, with its roles. */
	listInstanceProfiles(): Promise<InstanceProfileInfo[]>;
	deleteInstanceProfile(name: string): Promise<void>;
	addRoleToInstanceProfile(profileName: string, roleName: string): Promise<void>;
	removeRoleFromInstanceProfile(profileName: string, roleName: string): Promise<void>;
}

export interface ProfileAssociation {
	associationId: string;
	instanceId: string;
	instanceProfileArn: string;
	state: string;
}

/** An EC2 instance of the account, as the wizard lists them for a choice. */
export interface InstanceSummary {
	instanceId: string;
	/** Its Name tag, when it has one. */
	name?: string;
	/** pending, running, stopping, stopped… */
	state: string;
	/** The instance profile it wears, when one is associated. */
	instanceProfileArn?: string;
}

export interface Ec2Api {
	/** The account's instances in the region that are not terminated (or shutting down), in EC2's order. */
	listInstances(): Promise<InstanceSummary[]>;
	/** The instance's current association in state associated/associating, if any. */
	currentAssociation(instanceId: string): Promise<ProfileAssociation | undefined>;
	/** Every association in state associated/associating, of any instance. */
	currentAssociations(): Promise<ProfileAssociation[]>;
	associate(instanceId: string, instanceProfileName: string): Promise<ProfileAssociation>;
	replace(associationId: string, instanceProfileName: string): Promise<ProfileAssociation>;
	disassociate(associationId: string): Promise<void>;
}

/** What instance metadata says about the machine the wizard runs on (absent: not an EC2 host). */
export interface HostMetadata {
	instanceId: string;
	region: string;
	availabilityZone: string;
	/** The instance profile's ARN, when one is associated. */
	instanceProfileArn?: string;
	/** The role name metadata serves credentials for, when it does. */
	roleName?: string;
}

export interface InstanceMetadataApi {
	/** Undefined when no metadata service answers (not an EC2 host); never throws for that. */
	describeHost(): Promise<HostMetadata | undefined>;
}

/** Everything the journey needs from AWS, as the operator (admin) and as the build host. */
export interface AwsApis {
	region: string;
	sts: StsApi;
	codeartifact: CodeArtifactApi;
	iam: IamApi;
	ec2: Ec2Api;
	metadata: InstanceMetadataApi;
	/**
	 * The same services with the build host's own credentials (instance metadata on EC2, else
	 * the default chain). Each call resolves credentials afresh, so a role attached a moment
	 * ago is seen as soon as the host sees it.
	 */
	buildHost(): {sts: StsApi; codeartifact: CodeArtifactApi};
}
