import process from 'node:process';
import {afterEach, describe, expect, it} from 'vitest';
import {loadScreens} from '../../source/host/production-react.js';

const before = process.env['NODE_ENV'];
afterEach(() => {
	if (before === undefined) delete process.env['NODE_ENV'];
	else process.env['NODE_ENV'] = before;
});

describe('loadScreens', () => {
	it("loads with NODE_ENV=production, and leaves it unset after, for Maven's and exec's children", async () => {
		delete process.env['NODE_ENV'];
		const seen = await loadScreens(async () => process.env['NODE_ENV']);
		expect(seen).toBe('production');
		expect(process.env['NODE_ENV']).toBeUndefined();
	});

	it('leaves it unset after a load that fails', async () => {
		delete process.env['NODE_ENV'];
		await expect(loadScreens(() => Promise.reject(new Error('no such module')))).rejects.toThrow('no such module');
		expect(process.env['NODE_ENV']).toBeUndefined();
	});

	it('keeps a NODE_ENV the user set', async () => {
		process.env['NODE_ENV'] = 'development';
		expect(await loadScreens(async () => process.env['NODE_ENV'])).toBe('development');
		expect(process.env['NODE_ENV']).toBe('development');
	});
});
