import {existsSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {checkout} from './bundle-chunks.js';
import {temporaryDirectory} from './sandbox.js';

/**
 * Node arguments and environment that make a run of the built CLI note every module it loads
 * (record-loads.mjs), and `files()`: the files of dist/ it loaded, as the metafile names them.
 */
export function recordingLoads(env: NodeJS.ProcessEnv = process.env) {
	const log = join(temporaryDirectory('ca-wizard-loads-'), 'loaded.txt');
	const hooks = pathToFileURL(fileURLToPath(new URL('record-loads.mjs', import.meta.url))).href;
	const register = `import {register} from 'node:module'; register(${JSON.stringify(hooks)});`;
	return {
		nodeArgs: ['--import', `data:text/javascript,${encodeURIComponent(register)}`],
		env: {...env, CA_WIZARD_LOADED_LOG: log} as NodeJS.ProcessEnv,
		files(): string[] {
			if (!existsSync(log)) return [];
			return readFileSync(log, 'utf8')
				.split('\n')
				.filter(url => url.startsWith('file:'))
				.map(url => relative(checkout, fileURLToPath(url)))
				.filter(path => path.startsWith('dist/'));
		},
	};
}
