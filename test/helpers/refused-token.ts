import type {WizardEvent} from '../../source/wizard/events.js';

/** AWS's words for a refused token request, as the SDK hands them over. */
export const refusedMessage = 'User: arn:aws:sts::1:assumed-role/r/i is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:d';

/** The token step's problem for that refusal: the plain explanation, and AWS's own words with it. */
export const refusedToken: WizardEvent = {
	type: 'problem',
	step: 'token',
	problem: {
		code: 'denied-token',
		message: 'No token.',
		details: ['Role r may not call it.'],
		awsError: {code: 'AccessDeniedException', message: refusedMessage},
	},
};
