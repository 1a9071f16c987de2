#!/usr/bin/env node
// How close the wizard's first frame comes to a bare bundled Ink app's (the design's goal).
//
// Starts, under a pseudo-terminal, N times each and interleaved: the built CLI
// (`dist/cli.cjs --sandbox`) until its first screen shows, and a bare Ink app bundled with the
// same esbuild settings (ink and react inlined, as in the CLI) until its text shows. Prints both
// medians and their ratio, then the figure as one JSON line (bench/all.mjs collects those).
//
//   npm run build && node bench/first-frame.mjs [--runs N]
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';
import {spawn} from 'node-pty';
import {bundleOptions, cliOnlyPlugins} from '../scripts/bundle-options.mjs';
import {benchBundle, root} from './build-sandbox-bundle.mjs';
import {cli} from './cli-sandbox.mjs';

const {values} = parseArgs({options: {runs: {type: 'string', default: '9'}}});
const runs = Number(values.runs);

// Self-contained, like dist/: it can live in the checkout's own .build/ (node_modules may be shared).
// The goal's baseline is Ink as published. The CLI also patches two of its libraries' load costs
// (cliOnlyPlugins); the same bare app with those patches is timed too, for a like-for-like figure.
const bare = benchBundle('bare-ink.mjs');
const barePatched = benchBundle('bare-ink-patched.mjs');
mkdirSync(dirname(bare), {recursive: true});
const bareApp = {
	contents: "import {render, Text} from 'ink';\nrender(<Text>first frame</Text>);\n",
	resolveDir: root,
	loader: 'tsx',
	sourcefile: 'bare-ink.tsx',
};
await build({stdin: bareApp, ...bundleOptions, outfile: bare});
await build({stdin: bareApp, ...bundleOptions, plugins: [...cliOnlyPlugins, ...bundleOptions.plugins], outfile: barePatched});

const env = {...process.env, TERM: 'xterm-256color'};
delete env.CI; // the interactive screens, as a person sees them

/** Milliseconds from spawn until `marker` is on the screen. */
function timeToText(args, marker) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const pty = spawn(process.execPath, args, {cols: 120, rows: 40, cwd: root, env});
		let output = '';
		const timer = setTimeout(() => {
			pty.kill('SIGKILL');
			reject(new Error(`no "${marker}" within 20 s: ${output.slice(-500)}`));
		}, 20_000);
		pty.onData(data => {
			output += data;
			if (output.includes(marker)) {
				const elapsed = performance.now() - started;
				clearTimeout(timer);
				pty.kill('SIGKILL');
				resolve(elapsed);
			}
		});
	});
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const wizardTimes = [];
const bareTimes = [];
const patchedTimes = [];
for (let run = 0; run < runs; run++) {
	const workDir = mkdtempSync(join(tmpdir(), 'ca-wizard-first-frame-'));
	const wizard = () => timeToText([cli, '--sandbox', '--workdir', workDir], 'ca-wizard · step');
	const sides = [
		async () => wizardTimes.push(await wizard()),
		async () => bareTimes.push(await timeToText([bare], 'first frame')),
		async () => patchedTimes.push(await timeToText([barePatched], 'first frame')),
	];
	// Rotate which side goes first, so none always follows another.
	for (let side = 0; side < sides.length; side++) await sides[(run + side) % sides.length]();
	rmSync(workDir, {recursive: true, force: true});
}
const wizard = median(wizardTimes);
const baseline = median(bareTimes);
console.log(`ca-wizard first frame: median ${wizard.toFixed(0)} ms over ${runs} runs`);
const patched = median(patchedTimes);
console.log(`bare bundled Ink app:  median ${baseline.toFixed(0)} ms over ${runs} runs`);
console.log(`the same, with the CLI's library patches: median ${patched.toFixed(0)} ms over ${runs} runs`);
const ratio = Number((wizard / baseline).toFixed(2));
const likeForLike = Number((wizard / patched).toFixed(2));
console.log(`ratio: ${ratio} (goal ≤ 1.2); like for like: ${likeForLike}`);
console.log(
	JSON.stringify({
		figure: 'first frame, ca-wizard --sandbox vs a bare bundled Ink app',
		ours: `${wizard.toFixed(0)} ms`,
		baseline: `${baseline.toFixed(0)} ms`,
		ratio,
		goal: '≤ 1.2',
		ok: ratio <= 1.2,
	}),
);
console.log(
	JSON.stringify({
		figure: 'first frame, like for like: vs the bare app with the CLI’s library patches',
		ours: `${wizard.toFixed(0)} ms`,
		baseline: `${patched.toFixed(0)} ms`,
		ratio: likeForLike,
		goal: 'information',
		ok: true,
	}),
);
