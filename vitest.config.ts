import {defineConfig} from 'vitest/config';

// Tests that drive the real mvn, the aws CLI or a pseudo-terminal: they need those tools and
// take most of the run. `npm run test:fast` leaves them out for the inner loop; `npm test` runs both.
const e2e = [
	'test/cli/wizard-pty.test.ts',
	'test/cli/destroy-pty.test.ts',
	'test/cli/stop-undo-pty.test.ts',
	'test/cli/stop-signals-pty.test.ts',
	'test/cli/wizard-no-tty.test.ts',
	'test/cli/wizard-json-result.test.ts',
	'test/cli/no-color-pty.test.ts',
	'test/cli/token-exec.test.ts',
	'test/cli/doctor.test.ts',
	'test/cli/wizard-dry-run.test.ts',
	'test/cli/wizard-sigkill.test.ts',
	'test/cli/workshop.test.ts',
	'test/cli/iam-delay.test.ts',
	'test/cli/consistency-aws.test.ts',
	'test/cli/report.test.ts',
	'test/cli/nothing-drawn.test.ts',
	'test/cli/package-install.test.ts',
	'test/integration/**/*.test.ts',
	'test/maven/maven-build.test.ts',
	'test/maven/mvn.test.ts',
	'test/sandbox/cli.test.ts',
	'test/sandbox/*/cli.test.ts',
	'test/sandbox/codeartifact/aws-cli.test.ts',
	'test/sandbox/codeartifact/package-groups-cli.test.ts',
	'test/sandbox/codeartifact/aws-cli-formats.test.ts',
	'test/sandbox/codeartifact/aws-cli-every-operation.test.ts',
	'test/sandbox/sandbox-env-cli.test.ts',
	'test/sandbox/maven/mvn-build.test.ts',
	'test/sandbox/tags-cli.test.ts',
];

export default defineConfig({
	test: {
		globalSetup: ['test/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Real servers, real mvn: keep parallelism modest on a 2-core machine.
		maxWorkers: 2,
		// .ci/run asks for a machine-readable copy of the results to print its summary line.
		reporters: process.env['VITEST_JSON_REPORT'] ? ['default', ['json', {outputFile: process.env['VITEST_JSON_REPORT']}]] : ['default'],
		env: {AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
		projects: [
			// The fast project tells the mvn, aws CLI and terminal helpers so, and they refuse to run in it.
			{extends: true, test: {name: 'fast', include: ['test/**/*.test.{ts,tsx}'], exclude: e2e, env: {CA_WIZARD_TEST_PROJECT: 'fast'}}},
			{extends: true, test: {name: 'e2e', include: e2e}},
		],
	},
});
