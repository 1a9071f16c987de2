import {expect, it} from 'vitest';
import {check, type CheckResult} from '../../../source/wizard/doctor/checks.js';
import {spreading} from '../../../source/wizard/doctor/run-doctor.js';

const attach = 'Attach the CodeArtifact read policy to role ci.';

it('policies that allow it but a refused token: the token check says the change may still be spreading, before the fix', () => {
	const results: CheckResult[] = [check('permissions', 'ok', 'allowed'), check('token', 'fail', 'refused', attach)];
	const [, token] = spreading(results);
	expect(token?.fix).toMatch(/^An IAM change made in the last minute or so may not have reached this host yet .* run doctor again\. If it still fails: Attach/);
});

it('policies that do not allow it but a granted token: the permissions check says so instead', () => {
	const [permissions, token] = spreading([check('permissions', 'fail', 'may not', attach), check('token', 'ok', 'granted')]);
	expect(permissions?.fix).toContain('may not have reached this host yet');
	expect(token?.fix).toBeUndefined();
});

it('when they agree, nothing is added', () => {
	const agree = [check('permissions', 'fail', 'may not', attach), check('token', 'fail', 'refused', attach)];
	expect(spreading(agree)).toEqual(agree);
	const unread = [check('permissions', 'warn', 'could not read'), check('token', 'fail', 'refused', attach)];
	expect(spreading(unread)).toEqual(unread);
});
