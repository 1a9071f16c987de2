import {describe, expect, it} from 'vitest';
import {bump, nextFreeVersion} from '../../source/publish/next-version.js';

describe('the next free version', () => {
	it('counts up the last number of the version', () => {
		expect(bump('1.0.0')).toBe('1.0.1');
		expect(bump('2.9')).toBe('2.10');
		expect(bump('1.0.0-rc.1')).toBe('1.0.0-rc.2');
		expect(bump('7')).toBe('8');
		expect(bump('1.0.0-SNAPSHOT')).toBe('1.0.1-SNAPSHOT');
		expect(bump('nightly')).toBe('nightly.1');
		expect(bump('1.0.123456789012345678901234567890')).toBe('1.0.123456789012345678901234567891');
	});

	it('skips every version the repository has already', () => {
		expect(nextFreeVersion('1.0.0', ['1.0.0'])).toBe('1.0.1');
		expect(nextFreeVersion('1.0.0', ['1.0.0', '1.0.1', '1.0.2', '2.0.0'])).toBe('1.0.3');
		expect(nextFreeVersion('1.0.0', [])).toBe('1.0.1');
		expect(nextFreeVersion('nightly', ['nightly', 'nightly.1'])).toBe('nightly.2');
	});
});
