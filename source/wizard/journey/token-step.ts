import type {AuthorizationToken} from '../../aws/apis.js';
import {assertNever} from '../../errors.js';
import type {Problem} from '../events.js';
import {utcMinute} from '../../text/utc-minute.js';
import {profileName, triageHost} from '../triage-fixes.js';
import {triageTokenFailure, type FixId, type TokenDiagnosis} from '../triage.js';
import type {StepContext, StepOutcome} from './context.js';
import {changesMade, tokenFixAccount} from '../fix-account.js';
import {attachPolicy} from './attach-policy.js';
import {associateProfile, onceEc2KnowsProfile} from './associate-profile.js';
import {fixInstancesAccess} from './instances-access.js';
import {ensureWizardProfile} from './wizard-profile.js';
import {answer, create, needs, note, progress, stop, stopOnAws, tellWhatHappened, type Established} from './step-helpers.js';

/** The step's context with what it reads established: the domain to ask a token for, the policy to attach. */
type TokenContext = StepContext & {facts: Established<'domain' | 'domainOwner' | 'policyArn'>};

const maximumRounds = 3;

/** Asks for a token exactly as the build host will, explains a refusal, applies the chosen fix, and waits for it to take. */
export async function tokenStep(stepContext: StepContext): Promise<StepOutcome> {
	const context: TokenContext = {...stepContext, facts: needs(stepContext, 'domain', 'domainOwner', 'policyArn')};
	// Off EC2 the build hosts are other machines: their access is fixed first, then this machine's is checked as before.
	if (!context.facts.hostMetadata) await fixInstancesAccess(context);
	let failure = await tryToken(context);
	// What the fixes changed (facts.touched from here on) and when the last change was made: told once the token comes.
	const touchedBefore = context.facts.touched.length;
	let changedAt: Date | undefined;
	for (let round = 1; failure !== undefined; round++) {
		const diagnosis = triageTokenFailure(failure, triageContext(context));
		// A warning, not yet an error: a fix follows (the stops below report the error if none works).
		// The fixes are the question's choices below, so the banner explains without naming one.
		context.host.notify({
			type: 'warning',
			step: context.step,
			problem: {code: diagnosis.kind, message: diagnosis.title, details: diagnosis.explanation, ...awsError(diagnosis)},
		});
		const [first] = diagnosis.fixes;
		if (round > maximumRounds || !first) {
			stop({
				code: 'TokenRefused',
				message: diagnosis.title,
				fix: first?.detail ?? "Fix the build host's credentials, then run ca-wizard again: it resumes here.",
				details: diagnosis.explanation,
				...awsError(diagnosis),
			});
		}
		// Declining a confirmation (replacing the profile) brings the choice back, without the fix
		// declined: asked again by flags or --yes, the same answers would otherwise go round forever.
		const declined = new Set<string>();
		let applied: string;
		for (;;) {
			const offered = diagnosis.fixes.filter(f => !declined.has(f.id));
			const [preferred] = offered;
			if (!preferred)
				stop({
					code: 'TokenRefused',
					message: diagnosis.title,
					fix: "Every fix offered was declined: fix the build host's access yourself, then run ca-wizard again.",
					details: diagnosis.explanation,
					declined: true,
					...awsError(diagnosis),
				});
			const fix = await answer(context, {
				kind: 'select',
				id: 'token-fix',
				message: 'How should the wizard fix this?',
				choices: [...offered.map(f => ({value: f.id, label: f.label, hint: f.detail})), {value: 'stop', label: 'Stop here; I will fix it myself'}],
				default: preferred.id,
			});
			if (fix === 'stop')
				stop({
					code: 'TokenRefused',
					message: diagnosis.title,
					fix: "Fix the build host's access, then run ca-wizard again.",
					details: diagnosis.explanation,
					declined: true,
					...awsError(diagnosis),
				});
			if ((await applyFix(context, fix as FixId, diagnosis)) === 'applied') {
				applied = offered.find(f => f.id === fix)?.label ?? fix;
				break;
			}
			declined.add(fix);
		}
		changedAt = context.now();
		failure = await waitForToken(context);
		// A dry run's fix is only planned: nothing was fixed.
		if (failure === undefined && !context.options.dryRun) context.host.notify({type: 'fixed', step: context.step, code: diagnosis.kind, fix: applied});
	}
	if (changedAt && !context.options.dryRun) {
		tellWhatHappened(context, tokenFixAccount(changesMade(context.facts.touched.slice(touchedBefore)), changedAt, context.now()));
	}
	return 'next';
}

/** AWS's own words go with the plain explanation wherever the problem is shown. */
function awsError(diagnosis: TokenDiagnosis): Pick<Problem, 'awsError'> {
	return diagnosis.awsError ? {awsError: diagnosis.awsError} : {};
}

function triageContext(context: TokenContext) {
	const {facts, aws} = context;
	return {
		domain: facts.domain,
		domainOwner: facts.domainOwner,
		region: aws.region,
		instanceProfile: context.options.names.instanceProfile,
		host: triageHost(facts.hostMetadata),
	};
}

/** One token request with the build host's own credentials; undefined when it worked. */
/** `waiting`: one of the wait's repeated asks, which the wait's own progress line stands for (no ask/refused line each time). */
async function tryToken(context: TokenContext, waiting = false): Promise<unknown> {
	const {facts} = context;
	if (!waiting) progress(context, 'Asking for an authorization token as the build host…');
	try {
		const token: AuthorizationToken = await context.aws.buildHost().codeartifact.getAuthorizationToken(facts.domain, {domainOwner: facts.domainOwner});
		facts.token = token; // kept in memory only: never shown, logged or written
		const hours = Math.round((token.expiration.getTime() - context.now().getTime()) / 360_000) / 10;
		progress(context, 'The build host got a token', true);
		const until = utcMinute(token.expiration);
		note(context, `Token valid until ${until} (${hours} h). It is never shown or written anywhere.`, 'success');
		return undefined;
	} catch (error) {
		// Asked, and refused: a ✖, never a ✔ beside the refusal. The problem (shown below the screen's body) says why.
		if (!waiting) progress(context, 'Asked for a token as the build host: refused', true, 'failed');
		return error;
	}
}

async function applyFix(context: TokenContext, fix: FixId, diagnosis: TokenDiagnosis): Promise<'applied' | 'declined'> {
	const {aws, facts, options} = context;
	const host = facts.hostMetadata;
	const fail = (doing: string) => (error: unknown) => stopOnAws(error, 'FixFailed', doing);
	switch (fix) {
		case 'attach-to-current-role': {
			const role = host?.roleName;
			if (!role)
				return stop({
					code: 'NoInstanceRole',
					message: 'The instance has no role to attach the policy to.',
					fix: "Choose to associate the wizard's instance profile instead.",
				});
			await attachPolicy(context, role, facts.policyArn, 'FixFailed');
			return 'applied';
		}
		case 'associate-profile':
		case 'replace-association': {
			if (!host)
				return stop({
					code: 'NotOnEc2',
					message: 'This machine is not an EC2 instance, so no instance profile can be associated.',
					fix: 'Run ca-wizard on the build host, or give your own credentials the policy.',
				});
			const current = await aws.ec2.currentAssociation(host.instanceId).catch(fail('Looking up the instance profile association'));
			// Another run on this host associated the wizard's profile meanwhile: only time is needed.
			if (current && profileName(current.instanceProfileArn) === options.names.instanceProfile) return 'applied';
			if (current) {
				const ok = await answer(context, {
					kind: 'confirm',
					id: 'replace-profile',
					message: `Replace the instance profile ${current.instanceProfileArn} with ${options.names.instanceProfile}?`,
					detail: `Whatever on this instance relies on the current profile's role${host.roleName ? ` (${host.roleName})` : ''} loses those permissions.`,
					default: false,
				});
				if (!ok) return 'declined';
				const profile = await ensureWizardProfile(context, facts.policyArn);
				await create(
					context,
					{
						kind: 'instance-profile-association',
						name: `${profile} on ${host.instanceId}`,
						details: {instanceId: host.instanceId, profile, previousProfileArn: current.instanceProfileArn},
					},
					() => onceEc2KnowsProfile(context, profile, () => aws.ec2.replace(current.associationId, profile)).catch(fail('Replacing the instance profile')),
					made => ({details: {associationId: made.associationId}}),
				);
			} else {
				await associateProfile(context, host.instanceId, await ensureWizardProfile(context, facts.policyArn));
			}
			return 'applied';
		}
		case 'check-domain-and-region':
			return stop({code: 'WrongDomainOrRegion', message: diagnosis.title, fix: diagnosis.fixes[0]?.detail ?? 'Check --region and the domain owner.'});
		case 'wait-and-retry':
		case 'refresh-credentials':
			return 'applied'; // nothing to change, only time
		default:
			return assertNever(fix);
	}
}

/** New permissions and credentials take a while to reach the host: poll, with a bound. */
async function waitForToken(context: TokenContext): Promise<unknown> {
	const {options} = context;
	if (options.dryRun) {
		// The fix is only planned: nothing would change by waiting.
		note(context, 'Once the fix above is made, the build host would be granted a token (a dry run does not wait for it).', 'success');
		return undefined;
	}
	const deadline = context.now().getTime() + options.credentialWaitMs;
	for (;;) {
		context.facts.hostMetadata = (await context.aws.metadata.describeHost()) ?? context.facts.hostMetadata;
		const failure = await tryToken(context, true);
		if (failure === undefined || context.now().getTime() >= deadline) return failure;
		const left = Math.max(0, Math.round((deadline - context.now().getTime()) / 1000));
		progress(context, `Waiting for the change to reach the build host (up to ${left} s more)…`);
		await context.sleep(options.pollIntervalMs, options.signal);
	}
}
