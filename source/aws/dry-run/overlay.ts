import type {DomainSummary, InstanceProfileInfo, PolicyInfo, ProfileAssociation, RepositoryInfo, RoleInfo, Tags} from '../apis.js';
import type {PlannedCall, PlanRecorder} from '../../wizard/plan.js';

// What a dry run planned, as later reads must see it: a read of something planned answers from
// here, so the steps walk on as if it had been made; anything else is read from AWS.

export class PlanOverlay {
	readonly domains = new Map<string, DomainSummary>();
	/** By `domain/repository`: planned repositories, and real ones a planned call changed. */
	readonly repositories = new Map<string, RepositoryInfo>();
	/** Keys of `repositories` that do not exist in AWS. */
	readonly plannedRepositories = new Set<string>();
	/** Tags of planned resources, by ARN. */
	readonly tags = new Map<string, Tags>();
	readonly roles = new Map<string, RoleInfo>();
	readonly policies = new Map<string, {info: PolicyInfo; document: string}>();
	/** Policies a planned call attached, by role name. */
	readonly attachments = new Map<string, string[]>();
	readonly instanceProfiles = new Map<string, InstanceProfileInfo>();
	/** By instance id. */
	readonly associations = new Map<string, ProfileAssociation>();

	constructor(
		private readonly recorder: PlanRecorder,
		/** The caller's account: planned ARNs carry it, as AWS's do. */
		readonly account: () => Promise<string>,
		readonly region: string,
	) {}

	plan(service: PlannedCall['service'], operation: string, parameters: Record<string, string>): void {
		this.recorder.call({service, operation, parameters});
	}
}

export function repositoryKey(domain: string, repository: string): string {
	return `${domain}/${repository}`;
}

/** A stand-in id shaped like AWS's (a prefix and upper-case characters), marked as planned. */
export function plannedId(prefix: string, name: string): string {
	const letters = name.toUpperCase().replace(/[^A-Z0-9]/g, '');
	return `${prefix}PLANNED${letters}`.slice(0, 21).padEnd(21, 'X');
}
