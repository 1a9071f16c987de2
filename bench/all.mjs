#!/usr/bin/env node
// Every goal of the bench in one run (`npm run bench` builds the CLI first): runs each script in
// turn, shows its own lines as they come, and collects the JSON line each ends with
// ({"figure", "ours", "baseline", "ratio", "goal", "ok"}) into one table. A script that is not
// there yet is skipped with a line saying so; one that fails or prints no JSON line is a row
// marked failed, and the run exits 1.
//
//   node bench/all.mjs [--runs N] [--markdown] [--only NAME,NAME]
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {parseArgs} from 'node:util';
import {root} from './build-sandbox-bundle.mjs';

/** In the order the issue lists the goals; `runs` says whether the script takes --runs. */
const scripts = [
	{name: 'install-size', runs: false},
	{name: 'first-frame', runs: true},
	{name: 'startup', runs: true},
	{name: 'render-cost', runs: true},
	{name: 'journey', runs: true},
	{name: 'maven-through-sandbox', runs: true},
];

const {values: options} = parseArgs({
	options: {
		runs: {type: 'string'},
		markdown: {type: 'boolean', default: false},
		only: {type: 'string'},
	},
});
if (options.runs !== undefined && !(Number.isInteger(Number(options.runs)) && Number(options.runs) > 0))
	throw new Error('--runs takes a positive whole number');
const only = options.only?.split(',').map(name => name.trim());
const unknown = only?.filter(name => !scripts.some(script => script.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`--only: no bench script named ${unknown.join(', ')} (there are ${scripts.map(script => script.name).join(', ')})`);

/** Runs one script, echoing its lines; resolves to its exit code and the JSON result lines it printed (render-cost prints two). */
async function run(path, args) {
	const child = spawn(process.execPath, [path, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'inherit']});
	const results = [];
	for await (const line of createInterface({input: child.stdout})) {
		console.log(`  ${line}`);
		if (!line.startsWith('{')) continue;
		try {
			const parsed = JSON.parse(line);
			if (typeof parsed.figure === 'string') results.push(parsed);
		} catch {
			// A line that only looks like JSON is the script's own output.
		}
	}
	const code = child.exitCode ?? (await new Promise(resolve => child.once('close', resolve)));
	return {code, results};
}

const rows = [];
for (const script of scripts) {
	if (only && !only.includes(script.name)) continue;
	const path = join(root, 'bench', `${script.name}.mjs`);
	if (!existsSync(path)) {
		console.log(`${script.name}: skipped, bench/${script.name}.mjs does not exist yet`);
		continue;
	}
	console.log(`${script.name}:`);
	const {code, results} = await run(path, script.runs && options.runs ? ['--runs', options.runs] : []);
	if (code === 0 && results.length > 0) rows.push(...results);
	else rows.push({figure: script.name, ours: '', baseline: '', ratio: undefined, goal: '', ok: false, failed: code === 0 ? 'no JSON line' : `exit ${code}`});
}

const header = ['figure', 'ours', 'baseline', 'ratio', 'goal', 'ok'];
const cells = rows.map(row => [
	row.figure,
	row.ours,
	row.baseline,
	typeof row.ratio === 'number' ? row.ratio.toFixed(2) : '',
	row.goal,
	row.failed ? `failed (${row.failed})` : row.ok ? 'yes' : 'no',
]);
console.log('');
if (options.markdown) {
	const line = values => `| ${values.join(' | ')} |`;
	console.log(
		[line(header), line(header.map(() => '---')), ...cells.map(values => line(values.map(value => String(value).replaceAll('|', '\\|'))))].join('\n'),
	);
} else {
	const widths = header.map((title, index) => Math.max(title.length, ...cells.map(values => String(values[index]).length)));
	for (const values of [header, ...cells])
		console.log(
			values
				.map((value, index) => String(value).padEnd(widths[index]))
				.join('  ')
				.trimEnd(),
		);
}
if (rows.some(row => !row.ok)) process.exitCode = 1;
