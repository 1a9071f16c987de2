import type {AwsApis, Tags} from '../../aws/apis.js';
import {AwsFailure} from '../../aws/errors.js';
import {mapConcurrently} from '../../aws/map-concurrently.js';
import type {LedgerEntry} from '../ledger.js';
import {createdByTag, runTag} from '../ownership-tags.js';

// What stands in the account, read from AWS alone: CodeArtifact domains and repositories, IAM
// roles, the account's own policies and instance profiles, each with its tags. destroy and
// list tell ca-wizard's own from these tags, so neither needs the run record (another machine,
// a lost work folder). Each is described as a run record entry, the shape destroy removes.

/** A resource that can carry tags, as an entry of the run record would describe it. */
export interface Standing {
	entry: LedgerEntry;
	tags: Tags;
	/** What hangs on it and goes when it goes: a repository's links and connections, a profile's roles. */
	parts: LedgerEntry[];
}

/** Who made a resource and in which run, from its tags; undefined when ca-wizard did not. */
export interface Owner {
	createdBy: string;
	run: string;
}

export function ownerOf(tags: Tags): Owner | undefined {
	const createdBy = tags[createdByTag];
	return createdBy === undefined ? undefined : {createdBy, run: tags[runTag] ?? ''};
}

/** A few tag calls at a time: quick on a long list, gentle on IAM's rate limits. */
const tagConcurrency = 5;

export async function readInventory(aws: Pick<AwsApis, 'codeartifact' | 'iam'>): Promise<Standing[]> {
	const [domains, roles, policies, profiles] = await Promise.all([readDomains(aws), readRoles(aws), readPolicies(aws), readProfiles(aws)]);
	return [...domains, ...roles, ...policies, ...profiles];
}

async function readDomains({codeartifact}: Pick<AwsApis, 'codeartifact'>): Promise<Standing[]> {
	const standing: Standing[] = [];
	for (const domain of await codeartifact.listDomains()) {
		standing.push({
			entry: created({kind: 'domain', name: domain.name, arn: domain.arn, details: {domain: domain.name, owner: domain.owner}}),
			tags: await tagsOrNone(() => codeartifact.listTags(domain.arn)),
			parts: [],
		});
		const repositories = await codeartifact.listRepositories(domain.name).catch(goneAsEmpty);
		standing.push(
			...(await mapConcurrently(repositories, tagConcurrency, async repository => {
				const at = {domain: domain.name, repository: repository.name};
				return {
					entry: created({kind: 'repository', name: repository.name, arn: repository.arn, details: at}),
					tags: await tagsOrNone(() => codeartifact.listTags(repository.arn)),
					parts: [
						...repository.upstreams.map(upstream => created({kind: 'upstream-link', name: `${repository.name} → ${upstream}`, details: {...at, upstream}})),
						...repository.externalConnections.map(connection =>
							created({kind: 'external-connection', name: `${repository.name} → ${connection}`, details: {...at, connection}}),
						),
					],
				};
			})),
		);
	}
	return standing;
}

async function readRoles({iam}: Pick<AwsApis, 'iam'>): Promise<Standing[]> {
	return mapConcurrently(await iam.listRoles(), tagConcurrency, async role => ({
		entry: created({kind: 'iam-role', name: role.name, arn: role.arn}),
		tags: await tagsOrNone(() => iam.listRoleTags(role.name)),
		parts: [],
	}));
}

async function readPolicies({iam}: Pick<AwsApis, 'iam'>): Promise<Standing[]> {
	return mapConcurrently(await iam.listLocalPolicies(), tagConcurrency, async policy => ({
		entry: created({kind: 'iam-policy', name: policy.name, arn: policy.arn}),
		tags: await tagsOrNone(() => iam.listPolicyTags(policy.arn)),
		parts: [],
	}));
}

async function readProfiles({iam}: Pick<AwsApis, 'iam'>): Promise<Standing[]> {
	return mapConcurrently(await iam.listInstanceProfiles(), tagConcurrency, async profile => ({
		entry: created({kind: 'instance-profile', name: profile.name, arn: profile.arn}),
		tags: await tagsOrNone(() => iam.listInstanceProfileTags(profile.name)),
		parts: profile.roleNames.map(role => created({kind: 'instance-profile-role', name: `${role} in ${profile.name}`, details: {profile: profile.name, role}})),
	}));
}

/** Entries for the run record's shape: what stands was made, as far as removing it goes. */
export function created(resource: Omit<LedgerEntry, 'state'>): LedgerEntry {
	return {...resource, state: 'created'};
}

/** Deleted between the list and the tag call: nothing to tell, nothing to remove. */
async function tagsOrNone(read: () => Promise<Tags>): Promise<Tags> {
	return read().catch((error: unknown) => {
		if (error instanceof AwsFailure && error.kind === 'not-found') return {};
		throw error;
	});
}

function goneAsEmpty(error: unknown): never[] {
	if (error instanceof AwsFailure && error.kind === 'not-found') return [];
	throw error;
}
