import {renderInk} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {ErrorBanner} from '../../source/components/ErrorBanner.js';

it('shows what happened, its code, the fix and the details', () => {
	const frame = renderInk(
		<ErrorBanner problem={{code: 'TokenRefused', message: 'The build host may not get a token.', fix: 'Attach the policy to its role.', details: ['User: arn:aws:sts::1:assumed-role/r/i']}} />,
	).frame();
	expect(frame).toContain('✖ The build host may not get a token. [TokenRefused]');
	expect(frame).toContain('Fix: Attach the policy to its role.');
	expect(frame).toContain('User: arn:aws:sts::1:assumed-role/r/i');
	expect(frame.split('\n')[0]).toMatch(/^╭─+╮$/);
});
