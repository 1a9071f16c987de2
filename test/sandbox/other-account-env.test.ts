import {describe, expect, it} from 'vitest';
import {adminEnvironment, otherAccountEnvironment, readRecord} from '../../source/sandbox/running-record.js';
import {useSandbox} from '../helpers/sandbox.js';

describe("the running record carries the second account's keys for `sandbox env --as`", () => {
	const sandbox = useSandbox();

	it('prints the chosen user’s keys in place of the admin’s, nothing else changed', () => {
		const record = readRecord(sandbox.current.dataDir);
		if (!record) throw new Error('the sandbox wrote no record');
		const partner = sandbox.current.otherAccount.users['partner-reader'];
		expect(otherAccountEnvironment(record, 'partner-reader')).toEqual({
			...adminEnvironment(record),
			AWS_ACCESS_KEY_ID: partner?.accessKeyId,
			AWS_SECRET_ACCESS_KEY: partner?.secretAccessKey,
		});
		expect(otherAccountEnvironment(record, 'nobody')).toBeUndefined();
		expect(otherAccountEnvironment({...record, otherAccountUsers: undefined}, 'partner-admin')).toBeUndefined();
	});
});
