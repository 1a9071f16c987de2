#!/usr/bin/env node
// What `npx ca-wizard` downloads and installs: the package as `npm pack` makes it from the current
// build, installed into an empty folder. Goal: at most 5 MB on disk, and one package (no dependencies).
//
//   npm run build && node bench/install-size.mjs
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {packAndInstall} from '../scripts/pack-install.mjs';

const budget = 5 * 1024 * 1024;
const folder = mkdtempSync(join(tmpdir(), 'ca-wizard-install-size-'));
try {
	const {bytesOnDisk, packages} = packAndInstall(folder);
	const megabytes = bytes => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
	console.log(`installed into an empty folder: ${megabytes(bytesOnDisk)} on disk, ${packages.length} package(s): ${packages.join(', ')}`);
	const ratio = Number((bytesOnDisk / budget).toFixed(2));
	console.log(
		JSON.stringify({
			figure: 'install size, npm pack installed into an empty folder',
			ours: `${megabytes(bytesOnDisk)}, ${packages.length} package${packages.length === 1 ? '' : 's'}`,
			baseline: '5 MB',
			ratio,
			goal: '≤ 5 MB, 1 package',
			ok: bytesOnDisk <= budget && packages.length === 1,
		}),
	);
} finally {
	rmSync(folder, {recursive: true, force: true});
}
