import process from 'node:process';

/**
 * Loads the screens with React's production build. React and its reconciler choose their build
 * from NODE_ENV when they load; unset, they take the development one, whose checks and
 * per-render performance marks made a frame of the build's table several times slower. The
 * variable is set only while they load, so Maven and `exec`'s command inherit the user's own
 * environment; a NODE_ENV the user set stays theirs.
 */
export async function loadScreens<T>(load: () => Promise<T>): Promise<T> {
	if (process.env['NODE_ENV'] !== undefined) return load();
	process.env['NODE_ENV'] = 'production';
	try {
		return await load();
	} finally {
		delete process.env['NODE_ENV'];
	}
}
