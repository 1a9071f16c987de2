import {FolderInUseError, lockFolder} from '../../files/folder-lock.js';
import {SandboxError} from '../errors.js';

/** One sandbox per data folder (see lockFolder); returns the release. */
export function acquireDataLock(dataDir: string): () => void {
	try {
		return lockFolder(dataDir, {role: 'data folder', holder: 'another sandbox', alternative: 'pass another folder with --data DIR'});
	} catch (error) {
		if (error instanceof FolderInUseError) throw new SandboxError('DataFolderInUse', `${error.message} Fix: ${error.fix}`);
		throw error;
	}
}
