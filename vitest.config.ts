import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Real servers, real mvn: keep parallelism modest on a 2-core machine.
		maxWorkers: 2,
		// .ci/run asks for a machine-readable copy of the results to print its summary line.
		reporters: process.env['VITEST_JSON_REPORT'] ? ['default', ['json', {outputFile: process.env['VITEST_JSON_REPORT']}]] : ['default'],
		env: {AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
