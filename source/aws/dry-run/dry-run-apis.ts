import type {AwsApis} from '../apis.js';
import type {PlanRecorder} from '../../wizard/plan.js';
import {dryRunCodeArtifact, type RepositoryEndpointOf} from './dry-run-codeartifact.js';
import {dryRunEc2, dryRunIam} from './dry-run-iam.js';
import {PlanOverlay} from './overlay.js';

export type {RepositoryEndpointOf} from './dry-run-codeartifact.js';

/**
 * The journey's AWS APIs for --dry-run: reads go to AWS (or the sandbox) as usual; every call
 * that would change something is recorded in `plan` instead, and answered as AWS would answer
 * it, so the journey walks on. The build host's token request is a read: it is really made.
 */
export function dryRunApis(real: AwsApis, plan: PlanRecorder, endpointOf: RepositoryEndpointOf): AwsApis {
	let account: Promise<string> | undefined;
	const overlay = new PlanOverlay(plan, () => (account ??= real.sts.getCallerIdentity().then(identity => identity.account)), real.region);
	return {
		region: real.region,
		sts: real.sts,
		metadata: real.metadata,
		codeartifact: dryRunCodeArtifact(real.codeartifact, overlay, endpointOf),
		iam: dryRunIam(real.iam, overlay),
		ec2: dryRunEc2(real.ec2, overlay),
		buildHost() {
			const host = real.buildHost();
			return {sts: host.sts, codeartifact: dryRunCodeArtifact(host.codeartifact, overlay, endpointOf)};
		},
	};
}

/** Where AWS serves a repository: https://DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/FORMAT/REPOSITORY/. */
export function awsRepositoryEndpoint(region: string): RepositoryEndpointOf {
	return (domain, owner, format, repository) => `https://${domain}-${owner}.d.codeartifact.${region}.amazonaws.com/${format}/${repository}/`;
}
