// The esbuild settings every bundle of ours shares: the CLI (scripts/build.mjs) and the bare Ink app
// the first-frame bench compares it with, so that the two are bundled alike.

/** Ink imports its devtools (react-devtools-core, ws) only when DEV=true, and says so when they are missing: they are
 * debugging aids, never shipped. The import is left to fail as "not installed", the case Ink already handles. */
const noInkDevtools = {
	name: 'no-ink-devtools',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, args =>
			/[/\\]ink[/\\]build[/\\]/.test(args.importer) ? {path: 'react-devtools-core', external: true} : undefined,
		);
	},
};

export const bundleOptions = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	treeShaking: true,
	jsx: 'automatic',
	legalComments: 'none',
	// React and its reconciler pick their production builds by this (the development ones are several times larger
	// and slower); bundled, the choice is made now and the other build is left out.
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [noInkDevtools],
	// Bundled CommonJS (react, the SDK's helpers) calls require() for Node's built-ins; an ES module has none, so
	// every output file makes its own. The shebang makes dist/cli.js runnable (a hashbang is valid in any module).
	banner: {
		js: "#!/usr/bin/env node\nimport{createRequire as __caCreateRequire}from'node:module';const require=__caCreateRequire(import.meta.url);",
	},
	logLevel: 'warning',
};
