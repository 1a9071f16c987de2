// What a user installs: this checkout packed with `npm pack` and installed from the tarball into an
// empty folder, offline (a package with no dependencies has nothing to fetch). The packaging test and
// bench/install-size.mjs both measure this.
import {execFileSync} from 'node:child_process';
import {lstatSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, encoding: 'utf8'});

/** Packs dist/ as built now and installs it under `folder` (made empty beforehand by the caller). */
export function packAndInstall(folder) {
	const packed = join(folder, 'packed');
	const installed = join(folder, 'installed');
	mkdirSync(packed, {recursive: true});
	mkdirSync(installed, {recursive: true});
	const [{filename}] = JSON.parse(npm(['pack', '--json', '--pack-destination', packed], root));
	const tarball = join(packed, filename);
	// An empty project of its own, so that npm does not look for one in the folders above.
	writeFileSync(join(installed, 'package.json'), '{"private": true}\n');
	npm(['install', '--offline', tarball], installed);
	const modules = join(installed, 'node_modules');
	return {
		tarball,
		folder: installed,
		bin: join(modules, '.bin', 'ca-wizard'),
		/** The packages in node_modules (a scope's folder counted by its packages), npm's own files left out. */
		packages: readdirSync(modules)
			.filter(name => !name.startsWith('.'))
			.flatMap(name => (name.startsWith('@') ? readdirSync(join(modules, name)).map(inner => `${name}/${inner}`) : [name])),
		/** Bytes node_modules takes on disk, as du counts them (allocated blocks). */
		bytesOnDisk: diskUsage(modules),
	};
}

function diskUsage(path) {
	const stat = lstatSync(path);
	return stat.blocks * 512 + (stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + diskUsage(join(path, name)), 0) : 0);
}
