import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {lockFolder} from '../../source/files/folder-lock.js';
import {startSandbox} from '../../source/sandbox/index.js';
import {temporaryDirectory} from '../helpers/sandbox.js';

// A folder ca-wizard cannot create is a sentence with the fix, never a raw EEXIST or ENOTDIR.

describe('a folder that cannot be created', () => {
	const file = join(temporaryDirectory(), 'a-file');
	writeFileSync(file, 'not a folder');

	it("is refused with its reason and the way out, for the wizard's work folder", () => {
		expect(() =>
			lockFolder(join(file, 'work'), {role: 'work folder', holder: 'another ca-wizard run', alternative: 'pass another folder with --workdir DIR'}),
		).toThrow(
			expect.objectContaining({
				code: 'FolderUnusable',
				message: `The work folder ${join(file, 'work')} cannot be used: a file is in the way on its path (ENOTDIR).`,
				fix: 'Check the path and its permissions, or pass another folder with --workdir DIR.',
			}),
		);
	});

	it("and for the sandbox's data folder", async () => {
		await expect(startSandbox({dataDir: file, port: 0})).rejects.toMatchObject({
			code: 'FolderUnusable',
			message: `The data folder ${file} cannot be used: a file of that name is in the way (EEXIST).`,
		});
	});
});
