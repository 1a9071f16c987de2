#!/usr/bin/env node
// How much ca-wizard adds to starting Node: `dist/cli.cjs --version` against bare `node -e 0`, each
// run N times, alternately (neither always goes first). Goal: at most 1.3× bare Node.
//
//   npm run build && node bench/startup.mjs [--runs N]
import {spawnSync} from 'node:child_process';
import {parseArgs} from 'node:util';
import {cli} from './cli-sandbox.mjs';

const {values} = parseArgs({options: {runs: {type: 'string', default: '21'}}});
const runs = Number(values.runs);

/** Milliseconds from spawn to exit. */
function timeOf(args) {
	const started = performance.now();
	const {status, stderr} = spawnSync(process.execPath, args, {encoding: 'utf8'});
	const elapsed = performance.now() - started;
	if (status !== 0) throw new Error(`node ${args.join(' ')} exited with ${status}: ${stderr}`);
	return elapsed;
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cliVersion = () => timeOf([cli, '--version']);
const bare = () => timeOf(['-e', '0']);
const cliTimes = [];
const bareTimes = [];
for (let run = 0; run < runs; run++) {
	if (run % 2 === 0) {
		cliTimes.push(cliVersion());
		bareTimes.push(bare());
	} else {
		bareTimes.push(bare());
		cliTimes.push(cliVersion());
	}
}
const ours = median(cliTimes);
const baseline = median(bareTimes);
const ratio = Number((ours / baseline).toFixed(2));
console.log(`ca-wizard --version: median ${ours.toFixed(0)} ms over ${runs} runs`);
console.log(`node -e 0:           median ${baseline.toFixed(0)} ms over ${runs} runs`);
console.log(`ratio: ${ratio} (goal ≤ 1.3)`);
console.log(
	JSON.stringify({
		figure: 'startup, ca-wizard --version vs node -e 0',
		ours: `${ours.toFixed(0)} ms`,
		baseline: `${baseline.toFixed(0)} ms`,
		ratio,
		goal: '≤ 1.3',
		ok: ratio <= 1.3,
	}),
);
