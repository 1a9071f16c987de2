import {renderInk} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {bannerHeight, ErrorBanner} from '../../source/components/ErrorBanner.js';

it('shows what happened, its code, the fix and the details', () => {
	const frame = renderInk(
		<ErrorBanner
			problem={{
				code: 'TokenRefused',
				message: 'The build host may not get a token.',
				fix: 'Attach the policy to its role.',
				details: ['User: arn:aws:sts::1:assumed-role/r/i'],
			}}
			columns={100}
		/>,
	).frame();
	expect(frame).toContain('✖ The build host may not get a token. [TokenRefused]');
	expect(frame).toContain('Fix: Attach the policy to its role.');
	expect(frame).toContain('User: arn:aws:sts::1:assumed-role/r/i');
	expect(frame.split('\n')[0]).toMatch(/^╭─+╮$/);
});

it('wraps long details instead of cutting them, and has no Fix line without a fix', () => {
	const explanation = 'Maven needs a token to read the repository, and nothing allows this identity to call codeartifact:GetAuthorizationToken on the domain.';
	const frame = renderInk(<ErrorBanner problem={{code: 'denied-token', message: 'Refused.', details: [explanation]}} columns={60} />).frame();
	const inside = frame
		.split('\n')
		.slice(2, -1)
		.map(line => line.replace(/^│ /, '').replace(/\s*│$/, ''));
	expect(inside.join(' ')).toBe(explanation);
	expect(frame).not.toContain('…');
	expect(frame).not.toContain('Fix:');
});

it('counts the detail rows it has no room for', () => {
	const details = Array.from({length: 6}, (_, index) => `detail ${index}`);
	const frame = renderInk(<ErrorBanner problem={{code: 'X', message: 'Failed.', details}} columns={60} detailRows={3} />).frame();
	expect(frame).toContain('detail 1');
	expect(frame).not.toContain('detail 2');
	expect(frame).toContain('… 4 more lines');
});

it("keeps AWS's own words whole under the details, even when the details are cut", () => {
	const message =
		'User: arn:aws:sts::549480709600:assumed-role/build-host-role/i-4394d90c444055828 is not authorized to perform: codeartifact:GetAuthorizationToken on resource: arn:aws:codeartifact:us-east-1:549480709600:domain/ca-wizard-demo';
	const details = ['first', 'second', 'third'];
	const frame = renderInk(
		<ErrorBanner
			problem={{code: 'denied-token', message: 'Refused.', details, awsError: {code: 'AccessDeniedException', message}}}
			columns={80}
			detailRows={2}
		/>,
	).frame();
	const inside = frame
		.split('\n')
		.slice(1, -1)
		.map(line => line.replace(/^│ /, '').replace(/\s*│$/, ''));
	expect(inside.slice(0, 3)).toEqual(['✖ Refused. [denied-token]', 'first', '… 2 more lines']);
	expect(inside.slice(3).join(' ')).toBe(`AccessDeniedException: ${message}`);
	expect(bannerHeight({code: 'denied-token', message: 'Refused.', awsError: {code: 'AccessDeniedException', message}}, 80)).toBe(3 + inside.length - 3);
});

it('with no row for the details, takes none: not even for their count', () => {
	const details = ['first', 'second'];
	const frame = renderInk(<ErrorBanner problem={{code: 'X', message: 'Failed.', details}} columns={60} detailRows={0} />).frame();
	expect(frame.split('\n')).toHaveLength(bannerHeight({code: 'X', message: 'Failed.'}, 60));
	expect(frame).not.toContain('more lines');
});
