// The fixes the token check can offer, worded for this host: which role would gain a
// permission, which profile would be replaced and what that takes away.

import type {HostMetadata} from '../aws/apis.js';

/** Every fix the token check may offer; its question's flag accepts these (and "stop"). */
export const fixIds = [
	'attach-to-current-role',
	'associate-profile',
	'replace-association',
	'wait-and-retry',
	'refresh-credentials',
	'check-domain-and-region',
] as const;
export type FixId = (typeof fixIds)[number];

export interface Fix {
	id: FixId;
	label: string;
	detail: string;
}

export interface TriageContext {
	domain: string;
	domainOwner: string;
	region: string;
	/** The wizard's own instance profile (a participant's carries its prefix). */
	instanceProfile: string;
	host: {onEc2: boolean; roleName?: string; instanceProfileArn?: string};
}

/** What the triage needs to know of the host, from its instance metadata (undefined: not on EC2). */
export function triageHost(metadata: HostMetadata | undefined): TriageContext['host'] {
	return {
		onEc2: metadata !== undefined,
		...(metadata?.roleName ? {roleName: metadata.roleName} : {}),
		...(metadata?.instanceProfileArn ? {instanceProfileArn: metadata.instanceProfileArn} : {}),
	};
}

/** The fixes, worded for this host. */
export class FixBook {
	constructor(private readonly context: TriageContext) {}

	/** For a missing permission: give it to the role the host wears, or give the host a role. */
	access(principalArn: string | undefined): Fix[] {
		const {host} = this.context;
		// Swapping the wizard's own profile for itself would change nothing.
		const canReplace = host.onEc2 && host.instanceProfileArn !== undefined && profileName(host.instanceProfileArn) !== this.context.instanceProfile;
		const role = host.roleName ?? (host.onEc2 ? undefined : roleFromArn(principalArn));
		if (role) return canReplace ? [this.attach(role), this.replace()] : [this.attach(role)];
		if (!host.onEc2) return [];
		if (!host.instanceProfileArn) return [this.associate()];
		return canReplace ? [this.replace()] : [];
	}

	attach(role: string): Fix {
		return {
			id: 'attach-to-current-role',
			label: `Attach the CodeArtifact read policy to role ${role} (recommended)`,
			detail: `Adds only the token and read permissions to the role this host already uses; everything ${role} can do today stays as it is.`,
		};
	}

	replace(): Fix {
		const {roleName, instanceProfileArn} = this.context.host;
		const current = instanceProfileArn ? profileName(instanceProfileArn) : 'the current profile';
		const label = `Replace instance profile ${current} with ${this.context.instanceProfile}`;
		if (!roleName) return {id: 'replace-association', label, detail: `${current} holds no role, so nothing is lost.`};
		return {
			id: 'replace-association',
			label,
			detail: `The instance would stop wearing role ${roleName} and lose every permission it grants (anything else on this host that uses AWS through it would break). Choose this only if nothing does.`,
		};
	}

	associate(): Fix {
		return {
			id: 'associate-profile',
			label: `Associate instance profile ${this.context.instanceProfile} with this instance`,
			detail: 'The instance has no profile yet, so nothing is replaced; its credentials appear within seconds.',
		};
	}

	wait(detail: string): Fix {
		return {id: 'wait-and-retry', label: 'Wait a few seconds and try again', detail};
	}

	refresh(label = 'Refresh the credentials, then retry'): Fix {
		return {
			id: 'refresh-credentials',
			label,
			detail: this.context.host.onEc2
				? 'Instance credentials renew themselves; if this persists, check the instance clock and its metadata service.'
				: 'Run aws sso login (or aws configure, or pick another AWS_PROFILE), then retry.',
		};
	}

	checkDomain(): Fix {
		const {domain, domainOwner, region} = this.context;
		return {
			id: 'check-domain-and-region',
			label: 'Check the domain, its owner and the region',
			detail: `The token was asked for domain ${domain}, owner ${domainOwner}, in ${region}; see aws codeartifact list-domains --region ${region}.`,
		};
	}
}

/** A fix as one sentence for a command that ends with it (token, exec, doctor): the wizard, run on this host, applies it. */
/** The fix as one sentence, naming the wizard line that applies it as it would be pasted on this host. */
export function fixSentence(fix: Fix, applyLine: string): string {
	return `${fix.label}. ${fix.detail} Running \`${applyLine}\` on this host applies it.`;
}

export function roleFromArn(arn: string | undefined): string | undefined {
	return arn ? (/:assumed-role\/([^/]+)\//.exec(arn)?.[1] ?? /:role\/(?:.*\/)?([^/]+)$/.exec(arn)?.[1]) : undefined;
}

export function profileName(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}
