// An API object may be a stand-in whose module (and SDK client) loads at its first call
// (create-aws-apis.ts). preload() starts that load early, without calling AWS.

export const preloadKey = Symbol('preload');

/**
 * Starts loading a deferred API's module now: for a caller that knows it will need it soon and
 * is waiting for something else meanwhile. A failed load is left for the first real call to
 * report. Any other API object (a dry run's, a test's) is left alone.
 */
export function preload(api: object): void {
	(api as {[preloadKey]?: () => void})[preloadKey]?.();
}
