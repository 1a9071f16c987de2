#!/usr/bin/env node
// A workshop on one machine: thirty participants' wizards against one sandbox, each on a build
// host of its own, against the same thirty Maven builds without CodeArtifact at all.
//
// Starts the built CLI's sandbox as the presenter would (`--host 0.0.0.0 --instances 30`, the
// offline ~/.m2/repository as Maven Central) and runs `ca-wizard --sandbox-url … --participant pN
// --yes --json` for p1…p30 (each with AWS_EC2_METADATA_SERVICE_ENDPOINT at its own host, all from
// one folder), in parallel batches as large as the machine has cores. Against them: thirty cold
// `mvn compile` runs of the same demo project (a fresh copy and an empty local repository each,
// as the wizard's build) through a static file server over the same folder, in the same batches.
// Batches of the two sides alternate, so neither runs on a warmer or quieter machine. Prints both
// wall times, their ratio, the sandbox's peak memory (its RSS high-water mark) and the slowest
// participant. Goal: ratio at most 1.3, every participant green.
//
//   npm run bench:workshop            (builds the CLI first)
//   node bench/workshop.mjs [--participants N] [--batch N] [--maven-central DIR]
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {loadSandbox, root} from './build-sandbox-bundle.mjs';
import {cli, startCliSandbox} from './cli-sandbox.mjs';
import {startStaticMavenServer} from './static-maven-server.mjs';

const {values: options} = parseArgs({
	options: {
		participants: {type: 'string', default: '30'},
		batch: {type: 'string', default: String(availableParallelism())},
		'maven-central': {type: 'string', default: join(homedir(), '.m2', 'repository')},
	},
});
const count = Number(options.participants);
const batchSize = Number(options.batch);
for (const [name, value] of [
	['--participants', count],
	['--batch', batchSize],
]) {
	if (!Number.isInteger(value) || value < 1 || value > 100) throw new Error(`${name} takes a whole number from 1 to 100`);
}
const mavenCentral = options['maven-central'];
if (!existsSync(mavenCentral)) throw new Error(`${mavenCentral} does not exist: the bench needs a local Maven repository to serve as Maven Central.`);
if (!existsSync(cli)) throw new Error(`${cli} does not exist: run npm run bench:workshop (it builds the CLI first).`);

const work = mkdtempSync(join(tmpdir(), 'ca-wizard-workshop-bench-'));
const room = join(work, 'room'); // every participant's ./ca-wizard-work-pN lands here
mkdirSync(room);
cpSync(join(root, 'assets', 'demo-project'), join(work, 'demo-template'), {recursive: true});

/** Runs a command to its end; resolves to its exit code, output and wall time in seconds. */
async function timed(command, args, spawnOptions) {
	const started = performance.now();
	const child = spawn(command, args, {...spawnOptions, stdio: ['ignore', 'pipe', 'pipe']});
	const stdout = [];
	const stderr = [];
	child.stdout.on('data', chunk => stdout.push(chunk));
	child.stderr.on('data', chunk => stderr.push(chunk));
	const [code] = await once(child, 'close');
	return {code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), seconds: (performance.now() - started) / 1000};
}

/** The presenter's sandbox: reachable by the room, a build host per participant. */
async function startSandbox() {
	const sandbox = await startCliSandbox([
		'--host',
		'0.0.0.0',
		'--data',
		join(work, 'sandbox-data'),
		'--instances',
		String(count),
		'--maven-central',
		mavenCentral,
	]);
	if (sandbox.hosts.length !== count) throw new Error(`the sandbox listed ${sandbox.hosts.length} build hosts, not ${count}`);
	return sandbox;
}

/** Linux's high-water mark of a process's resident memory, in MiB (undefined elsewhere). */
function peakRssMiB(pid) {
	try {
		const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kib === undefined ? undefined : Number(kib) / 1024;
	} catch {
		return undefined;
	}
}

async function participant(sandbox, index) {
	const name = `p${index + 1}`;
	const env = {...process.env, ...sandbox.env, AWS_EC2_METADATA_SERVICE_ENDPOINT: sandbox.hosts[index].metadataEndpoint, CI: 'true'};
	const result = await timed(process.execPath, [cli, '--sandbox-url', sandbox.endpoint, '--participant', name, '--yes', '--json'], {cwd: room, env});
	const events = result.stdout
		.split('\n')
		.filter(line => line.startsWith('{'))
		.map(line => JSON.parse(line));
	const summary = events.find(event => event.type === 'summary')?.summary;
	const refused = events.some(event => event.type === 'problem' && event.problem?.code === 'denied-token');
	const green = result.code === 0 && summary?.build?.success === true;
	const why = green ? '' : (events.findLast(event => event.type === 'problem')?.problem?.message ?? result.stderr.trim().split('\n').at(-1));
	return {name, seconds: result.seconds, green, refused, why};
}

/** One cold `mvn compile` of a fresh copy of the demo project through the static server. */
async function staticBuild(staticServer, index) {
	const dir = join(work, `static-${index + 1}`);
	cpSync(join(work, 'demo-template'), join(dir, 'project'), {recursive: true});
	const settings = join(dir, 'settings.xml');
	writeFileSync(settings, `<settings><mirrors><mirror><id>static</id><url>${staticServer.url}</url><mirrorOf>*</mirrorOf></mirror></mirrors></settings>\n`);
	const result = await timed('mvn', ['-B', '-s', settings, `-Dmaven.repo.local=${join(dir, 'm2')}`, 'compile'], {cwd: join(dir, 'project')});
	if (result.code !== 0 || !result.stdout.includes('BUILD SUCCESS'))
		throw new Error(`mvn failed through the static server (exit ${result.code}):\n${result.stdout.slice(-4000)}`);
	rmSync(dir, {recursive: true, force: true});
	return result.seconds;
}

const {createMavenUpstream} = await loadSandbox();
const staticServer = await startStaticMavenServer(createMavenUpstream(mavenCentral));
const sandbox = await startSandbox();
const results = [];
let sandboxWall = 0;
let staticWall = 0;
try {
	console.log(`${count} participants in batches of ${batchSize}; sandbox at ${sandbox.endpoint} with ${sandbox.hosts.length} build hosts`);
	await staticBuild(staticServer, -1); // unmeasured: the JVM, Maven and the page cache warm up for both sides
	for (let first = 0, round = 0; first < count; first += batchSize, round++) {
		const indexes = Array.from({length: Math.min(batchSize, count - first)}, (_, offset) => first + offset);
		// Alternate which side goes first, so neither always follows the other.
		for (const side of round % 2 ? ['static', 'sandbox'] : ['sandbox', 'static']) {
			const started = performance.now();
			if (side === 'sandbox') results.push(...(await Promise.all(indexes.map(index => participant(sandbox, index)))));
			else await Promise.all(indexes.map(index => staticBuild(staticServer, index)));
			const seconds = (performance.now() - started) / 1000;
			if (side === 'sandbox') sandboxWall += seconds;
			else staticWall += seconds;
			console.log(`batch ${round + 1} ${side.padEnd(7)} ${seconds.toFixed(1)} s (${indexes.map(index => `p${index + 1}`).join(', ')})`);
		}
	}
	const peak = peakRssMiB(sandbox.child.pid);
	const slowest = results.reduce((a, b) => (b.seconds > a.seconds ? b : a));
	const failed = results.filter(result => !result.green);
	const unrefused = results.filter(result => !result.refused);
	console.log(`participants through the sandbox: ${sandboxWall.toFixed(1)} s wall`);
	console.log(`the same builds, static server:   ${staticWall.toFixed(1)} s wall`);
	console.log(`ratio: ${(sandboxWall / staticWall).toFixed(2)} (goal ≤ 1.3)`);
	console.log(`sandbox peak memory (RSS): ${peak === undefined ? 'not measurable here (no /proc)' : `${peak.toFixed(0)} MiB`}`);
	console.log(`slowest participant: ${slowest.name}, ${slowest.seconds.toFixed(1)} s`);
	console.log(`green: ${count - failed.length}/${count}${failed.map(result => `\n  ${result.name}: ${result.why}`).join('')}`);
	console.log(
		`met the AccessDenied: ${count - unrefused.length}/${count}${unrefused.length ? ` (not: ${unrefused.map(result => result.name).join(', ')})` : ''}`,
	);
	if (failed.length > 0) process.exitCode = 1;
} finally {
	await sandbox.stop();
	await staticServer.stop();
	rmSync(work, {recursive: true, force: true});
}
