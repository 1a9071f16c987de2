/**
 * Called by the helpers that start mvn, the aws CLI or a pseudo-terminal: in the fast project
 * (which must run on a machine without them) a test that needs one is misfiled, and says where it belongs.
 */
export function requireE2eProject(tool: string): void {
	if (process.env['CA_WIZARD_TEST_PROJECT'] === 'fast') {
		throw new Error(`This test needs ${tool}: list its file in the e2e project (vitest.config.ts), not the fast one.`);
	}
}
