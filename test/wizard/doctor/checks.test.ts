import {describe, expect, it} from 'vitest';
import {check, doctorExitCode, doctorJsonLines, doctorLines, skipped} from '../../../source/wizard/doctor/checks.js';

describe('doctor output', () => {
	const fine = check('settings', 'ok', 'fine.');
	const unread = check('permissions', 'warn', 'unread.');
	const notTried = skipped('request', 'no token');
	const results = [fine, check('token', 'fail', 'refused.', 'Attach it.'), unread, notTried];

	it('a mark per check, its fix under it, and a count; exit 1 only on a failure', () => {
		expect(doctorLines(results)).toEqual([
			'✔ settings.xml: fine.',
			'✖ Token: refused.',
			'  fix: Attach it.',
			'! Permissions: unread.',
			'– Repository request: not checked: no token.',
			'1 check failed (1 warning): see the fixes above.',
		]);
		expect(doctorExitCode(results)).toBe(1);
		expect(doctorExitCode([fine, unread, notTried])).toBe(0);
		expect(doctorLines([fine]).at(-1)).toBe('This host is ready to build through CodeArtifact.');
	});

	it('--json: one object per check with id, status, message and fix', () => {
		const parsed = doctorJsonLines(results).map(line => JSON.parse(line) as unknown);
		expect(parsed[1]).toEqual({id: 'token', status: 'fail', message: 'refused.', fix: 'Attach it.'});
		expect(parsed).toHaveLength(4);
	});
});
