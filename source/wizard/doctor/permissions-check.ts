// Check 4: whether the role this host wears may get a token and read the repository, judged by
// the project's own IAM evaluator over the role's attached and inline policies and within its
// permissions boundary, as AWS would: allowed only when a policy allows and the boundary does
// too. An SCP or the domain's resource policy are not read, so ✔ means "its own policies allow it".

import {evaluatePolicies, type Decision} from '../../iam-policy/evaluate.js';
import {neededRequests, type AccessTarget} from '../access-policy.js';
import {FixBook, fixSentence, type TriageContext} from '../triage-fixes.js';
import {check, type CheckResult} from './checks.js';

/** What a build host needs for Maven (GetRepositoryEndpoint, which the wizard's policy also grants, is not among it). */
const buildNeeds = new Set(['codeartifact:GetAuthorizationToken', 'sts:GetServiceBearerToken', 'codeartifact:ReadFromRepository']);

export interface RolePolicies {
	roleName: string;
	/** The documents of its attached and inline policies. */
	documents: string[];
	boundary?: {arn: string; document: string | undefined};
}

interface Missing {
	label: string;
	by: 'identity' | 'boundary';
	decision: Exclude<Decision, 'Allow'>;
}

export function checkPermissions(policies: RolePolicies, target: AccessTarget, triage: TriageContext, applyLine: string): CheckResult {
	const {roleName, boundary} = policies;
	const missing: Missing[] = [];
	for (const {request, label} of neededRequests(target)) {
		if (!buildNeeds.has(request.action)) continue;
		const identity = evaluatePolicies(policies.documents, request);
		// A boundary that cannot be read bounds nothing we can judge: only the role's own policies count then.
		const bounded = boundary?.document === undefined ? 'Allow' : evaluatePolicies([boundary.document], request);
		if (identity !== 'Allow') missing.push({label, by: 'identity', decision: identity});
		else if (bounded !== 'Allow') missing.push({label, by: 'boundary', decision: bounded});
	}
	const within = boundary ? `, within its permissions boundary ${name(boundary.arn)}` : '';
	if (missing.length === 0)
		return check(
			'permissions',
			'ok',
			`the policies of role ${roleName}${within} allow codeartifact:GetAuthorizationToken, sts:GetServiceBearerToken (for CodeArtifact) and codeartifact:ReadFromRepository.`,
		);
	const boundaryName = boundary ? name(boundary.arn) : '';
	const why = (item: Missing) =>
		item.by === 'boundary'
			? `its permissions boundary ${boundaryName} ${item.decision === 'ExplicitDeny' ? 'denies it' : 'does not allow it'}`
			: item.decision === 'ExplicitDeny'
				? 'a policy of the role denies it'
				: 'no policy of the role allows it';
	const message = `role ${roleName} may not:${missing.map(item => `\n  ${item.label} (${why(item)})`).join('')}`;
	return check('permissions', 'fail', message, fixFor(missing, roleName, boundaryName, triage, applyLine));
}

function fixFor(missing: Missing[], roleName: string, boundaryName: string, triage: TriageContext, applyLine: string): string {
	if (missing.some(item => item.by === 'boundary'))
		return `Allow these actions in the permissions boundary ${boundaryName} of role ${roleName} as well (ca-wizard never changes a boundary): a boundary caps what the role's own policies grant.`;
	if (missing.some(item => item.decision === 'ExplicitDeny'))
		return `Remove the Deny that names these actions from the policies of role ${roleName} (ca-wizard never removes one): a Deny wins over every Allow.`;
	return fixSentence(new FixBook(triage).attach(roleName), applyLine);
}

/** A policy's name from its ARN, for messages. */
function name(arn: string): string {
	return arn.slice(arn.lastIndexOf('/') + 1);
}
