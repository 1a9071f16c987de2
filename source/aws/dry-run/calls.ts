import type {CodeArtifactApi, Ec2Api, IamApi, InstanceMetadataApi, StsApi} from '../apis.js';

// Every method of the narrow AWS interfaces, classified: a read, or the operation AWS names
// the change it makes. `satisfies` makes the lists complete: a method added to an interface
// does not compile until it is classified here, and a write does not compile until the dry-run
// adapter plans it.

/** A call that changes nothing: a dry run makes it for real. */
export const read = 'read';
/** `read`, or the operation AWS names the change (CreateDomain, AttachRolePolicy…): what the plan lists. */
export type Access = string;

type Classified<Api> = Record<keyof Api, Access>;

export const stsCalls = {getCallerIdentity: read} as const satisfies Classified<StsApi>;
export const metadataCalls = {describeHost: read} as const satisfies Classified<InstanceMetadataApi>;

export const codeArtifactCalls = {
	listDomains: read,
	createDomain: 'CreateDomain',
	describeDomain: read,
	deleteDomain: 'DeleteDomain',
	listRepositories: read,
	describeRepository: read,
	createRepository: 'CreateRepository',
	listTags: read,
	deleteRepository: 'DeleteRepository',
	updateUpstreams: 'UpdateRepository',
	associateExternalConnection: 'AssociateExternalConnection',
	disassociateExternalConnection: 'DisassociateExternalConnection',
	getAuthorizationToken: read,
	getRepositoryEndpoint: read,
	listPackages: read,
	listPackageVersions: read,
	describePackage: read,
	describePackageVersion: read,
	publishPackageVersion: 'PublishPackageVersion',
	getPackageVersionAsset: read,
} as const satisfies Classified<CodeArtifactApi>;

export const iamCalls = {
	getRole: read,
	createRole: 'CreateRole',
	listRoleTags: read,
	deleteRole: 'DeleteRole',
	getPolicy: read,
	getPolicyDocument: read,
	createPolicy: 'CreatePolicy',
	listPolicyTags: read,
	updatePolicyDocument: 'CreatePolicyVersion',
	restorePolicyVersion: 'SetDefaultPolicyVersion',
	deletePolicy: 'DeletePolicy',
	listAttachedRolePolicies: read,
	listRolePolicies: read,
	listRoles: read,
	listLocalPolicies: read,
	listPolicyRoles: read,
	listInstanceProfiles: read,
	getRolePolicy: read,
	attachRolePolicy: 'AttachRolePolicy',
	detachRolePolicy: 'DetachRolePolicy',
	getInstanceProfile: read,
	getInstanceProfileByArn: read,
	createInstanceProfile: 'CreateInstanceProfile',
	listInstanceProfileTags: read,
	deleteInstanceProfile: 'DeleteInstanceProfile',
	addRoleToInstanceProfile: 'AddRoleToInstanceProfile',
	removeRoleFromInstanceProfile: 'RemoveRoleFromInstanceProfile',
} as const satisfies Classified<IamApi>;

export const ec2Calls = {
	currentAssociation: read,
	listInstances: read,
	currentAssociations: read,
	associate: 'AssociateIamInstanceProfile',
	replace: 'ReplaceIamInstanceProfileAssociation',
	disassociate: 'DisassociateIamInstanceProfile',
} as const satisfies Classified<Ec2Api>;

/** The methods a classification lists as changes: the dry-run adapters must implement each as a plan entry (dry-run-*.ts). */
export type Writes<Calls> = {[K in keyof Calls]: Calls[K] extends typeof read ? never : K}[keyof Calls];
