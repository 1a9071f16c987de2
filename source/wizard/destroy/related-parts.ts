import type {AwsApis} from '../../aws/apis.js';
import {mapConcurrently} from '../../aws/map-concurrently.js';
import type {LedgerEntry} from '../ledger.js';
import {created, type Standing} from './account-inventory.js';

// What has to go before the chosen resources can: a repository's upstream links and external
// connections, every attachment of a chosen policy (to any role: attaching it was our change,
// the role itself stays) and to a chosen role, a chosen role in any profile and any role in a
// chosen profile, and a chosen profile's associations with instances.

const concurrency = 5;

export async function relatedParts(aws: Pick<AwsApis, 'iam' | 'ec2'>, chosen: readonly Standing[], all: readonly Standing[]): Promise<LedgerEntry[]> {
	const of = (kind: LedgerEntry['kind']) => chosen.filter(standing => standing.entry.kind === kind).map(standing => standing.entry);
	const roles = new Set(of('iam-role').map(role => role.name));
	const profiles = of('instance-profile');
	const profileArns = new Set(profiles.flatMap(profile => (profile.arn ? [profile.arn] : [])));
	const attachment = (policyName: string, policyArn: string, role: string) =>
		created({kind: 'role-policy-attachment', name: `${policyName} → ${role}`, details: {role, policyArn}});

	const parts = [
		...chosen.filter(standing => standing.entry.kind === 'repository').flatMap(standing => standing.parts),
		// Either end chosen: the role cannot be deleted while in a profile, nor the profile while it holds one.
		...all
			.filter(standing => standing.entry.kind === 'instance-profile')
			.flatMap(standing => standing.parts.filter(part => profileArns.has(standing.entry.arn ?? '') || roles.has(part.details?.['role'] ?? ''))),
		...(
			await mapConcurrently(of('iam-policy'), concurrency, async policy =>
				(await aws.iam.listPolicyRoles(policy.arn ?? '')).map(role => attachment(policy.name, policy.arn ?? '', role)),
			)
		).flat(),
		...(
			await mapConcurrently([...roles], concurrency, async role =>
				(await aws.iam.listAttachedRolePolicies(role)).map(policy => attachment(policy.name, policy.arn, role)),
			)
		).flat(),
		...(profiles.length === 0 ? [] : await aws.ec2.currentAssociations())
			.filter(association => profileArns.has(association.instanceProfileArn))
			.map(association => {
				const profile = profiles.find(one => one.arn === association.instanceProfileArn)?.name ?? '';
				return created({
					kind: 'instance-profile-association',
					name: `${profile} on ${association.instanceId}`,
					details: {instanceId: association.instanceId, profile, associationId: association.associationId},
				});
			}),
	];
	// A policy and a role both chosen name their attachment twice.
	return parts.filter((part, index) => parts.findIndex(other => other.kind === part.kind && other.name === part.name) === index);
}
