import type {AwsApis, CodeArtifactApi, CodeArtifactOptions, Ec2Api, IamApi, InstanceMetadataApi, StsApi} from './apis.js';
import {AwsFailure} from './errors.js';
import {preloadKey} from './preload.js';
import {defaultCredentialChain, staticCredentials, type ClientSettings, type CredentialsProvider} from './sdk/client-config.js';

// Builds every AWS API the journey uses from one target. Nothing from the SDK loads here:
// each adapter (and the SDK client it wraps) is imported the first time one of its methods
// is called, so the CLI's first frame never waits for the SDK, and the bundle splits them out.

export type AwsTarget = (
	| {kind: 'aws'; profile?: string; region?: string}
	| {
			kind: 'sandbox';
			endpoint: string;
			region: string;
			admin: {accessKeyId: string; secretAccessKey: string};
			/**
			 * The build host's instance metadata: the sandbox's own port (its first instance) unless
			 * given; null when none answers, as on a laptop, whose own credentials (the admin's) then
			 * stand for the build host's.
			 */
			metadataEndpoint?: string | null;
	  }
) &
	CodeArtifactOptions;

/**
 * The APIs for `target`. Asynchronous only to settle the region: for real AWS without
 * `region`, the SDK's own resolution (AWS_REGION, then the profile) decides, and that reads
 * files; an AwsFailure (validation, RegionMissing) says how to set one when none is found.
 */
export async function createAwsApis(target: AwsTarget): Promise<AwsApis> {
	const region = target.kind === 'sandbox' ? target.region : (target.region ?? (await defaultRegion(target.profile)));
	const profile = target.kind === 'aws' && target.profile ? {profile: target.profile} : {};
	const endpoint = target.kind === 'sandbox' ? {endpoint: target.endpoint} : {};
	/** The sandbox serves instance metadata on its own port; for AWS the SDK's endpoint resolution decides. */
	const metadataUrl = target.kind === 'sandbox' ? (target.metadataEndpoint ?? `${target.endpoint}/`) : undefined;
	const noMetadata = target.kind === 'sandbox' && target.metadataEndpoint === null;
	const settings = (credentials: CredentialsProvider): ClientSettings => ({region, ...endpoint, ...profile, credentials});

	const admin = settings(target.kind === 'sandbox' ? staticCredentials(target.admin) : defaultCredentialChain(target.profile));
	const metadata = noMetadata
		? {describeHost: async () => undefined}
		: deferred<InstanceMetadataApi>(metadataMethods, async () => (await import('./sdk/instance-metadata.js')).createInstanceMetadataApi(metadataUrl));
	const metadataCredentials: CredentialsProvider = async () => (await import('./sdk/instance-metadata.js')).fromInstanceMetadataAt(metadataUrl)();
	let onEc2: Promise<boolean> | undefined;
	/** A new provider per build host: instance metadata where there is some (always in the sandbox), else a new default chain. */
	const buildHostCredentials = (): CredentialsProvider => {
		if (target.kind === 'sandbox') return noMetadata ? admin.credentials : metadataCredentials;
		const chain = defaultCredentialChain(target.profile);
		return async () => {
			onEc2 ??= metadata.describeHost().then(host => host !== undefined);
			return (await onEc2) ? metadataCredentials() : chain();
		};
	};

	const codeArtifactOptions: CodeArtifactOptions = target.domainOwner ? {domainOwner: target.domainOwner} : {};
	return {
		region,
		...services(admin, codeArtifactOptions),
		iam: deferred<IamApi>(iamMethods, async () => (await import('./sdk/iam.js')).createIamApi(admin)),
		ec2: deferred<Ec2Api>(ec2Methods, async () => (await import('./sdk/ec2.js')).createEc2Api(admin)),
		metadata,
		buildHost: () => services(settings(buildHostCredentials()), codeArtifactOptions),
	};
}

/** The services both the operator and the build host use; CodeArtifact's calls name the domain owner, when one was given. */
function services(settings: ClientSettings, options: CodeArtifactOptions): {sts: StsApi; codeartifact: CodeArtifactApi} {
	return {
		sts: deferred<StsApi>(stsMethods, async () => (await import('./sdk/sts.js')).createStsApi(settings)),
		codeartifact: deferred<CodeArtifactApi>(codeArtifactMethods, async () => (await import('./sdk/codeartifact.js')).createCodeArtifactApi(settings, options)),
	};
}

async function defaultRegion(profile: string | undefined): Promise<string> {
	const region = await (await import('./sdk/sts.js')).resolveDefaultRegion(profile);
	if (region) return region;
	// A bare EC2 build host often has no AWS config at all: its own region is the one to use.
	const host = await (await import('./sdk/instance-metadata.js')).createInstanceMetadataApi().describeHost();
	if (host) return host.region;
	const where = profile ? `region in profile ${profile} (~/.aws/config)` : 'region in your AWS profile (aws configure)';
	throw new AwsFailure(
		'validation',
		'RegionMissing',
		`No AWS region is set, and this is not an EC2 instance that could tell its own. Pass --region, set AWS_REGION, or set ${where}.`,
		'config:Region',
	);
}

// The method names of each interface, so a stand-in can exist before its module is loaded.
// `satisfies` keeps the lists complete: a method added to an interface must be added here.
const stsMethods = {getCallerIdentity: true} satisfies Methods<StsApi>;
const codeArtifactMethods = {
	listDomains: true,
	createDomain: true,
	describeDomain: true,
	deleteDomain: true,
	listRepositories: true,
	describeRepository: true,
	createRepository: true,
	listTags: true,
	deleteRepository: true,
	updateUpstreams: true,
	associateExternalConnection: true,
	disassociateExternalConnection: true,
	getAuthorizationToken: true,
	getRepositoryEndpoint: true,
	listPackages: true,
	listPackageVersions: true,
	describePackageVersion: true,
	describePackage: true,
	publishPackageVersion: true,
	getPackageVersionAsset: true,
} satisfies Methods<CodeArtifactApi>;
const iamMethods = {
	getRole: true,
	createRole: true,
	listRoles: true,
	listRoleTags: true,
	deleteRole: true,
	getPolicy: true,
	getPolicyDocument: true,
	createPolicy: true,
	listPolicyTags: true,
	listLocalPolicies: true,
	listPolicyRoles: true,
	updatePolicyDocument: true,
	restorePolicyVersion: true,
	deletePolicy: true,
	listAttachedRolePolicies: true,
	listRolePolicies: true,
	getRolePolicy: true,
	attachRolePolicy: true,
	detachRolePolicy: true,
	getInstanceProfile: true,
	getInstanceProfileByArn: true,
	createInstanceProfile: true,
	listInstanceProfileTags: true,
	listInstanceProfiles: true,
	deleteInstanceProfile: true,
	addRoleToInstanceProfile: true,
	removeRoleFromInstanceProfile: true,
} satisfies Methods<IamApi>;
const ec2Methods = {
	listInstances: true,
	currentAssociation: true,
	currentAssociations: true,
	associate: true,
	replace: true,
	disassociate: true,
} satisfies Methods<Ec2Api>;
const metadataMethods = {describeHost: true} satisfies Methods<InstanceMetadataApi>;

type Methods<Api> = Record<keyof Api, true>;
type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** An API whose implementation is loaded by the first call of any of its methods (and again if loading failed). */
function deferred<Api extends object>(methods: Methods<Api>, load: () => Promise<Api>): Api {
	let loading: Promise<Api> | undefined;
	const loaded = () =>
		(loading ??= load().catch((error: unknown) => {
			loading = undefined;
			throw error;
		}));
	const standIn: Record<string, AnyMethod> & {[preloadKey]?: () => void} = {};
	for (const name of Object.keys(methods)) {
		standIn[name] = async (...args) => {
			const api = (await loaded()) as Record<string, AnyMethod>;
			return api[name]!(...args);
		};
	}
	standIn[preloadKey] = () => void loaded().catch(() => {});
	return standIn as Api;
}
