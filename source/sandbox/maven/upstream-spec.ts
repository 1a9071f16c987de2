import {statSync} from 'node:fs';
import {homedir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

// What `--maven-central URL|DIR` names, read once: the sandbox starts from it, and the command
// line refuses a value that names nothing before anything starts (a folder that does not exist
// would otherwise surface only as Maven's "could not resolve", after every AWS step).

export type UpstreamSpec = {kind: 'url'; url: string} | {kind: 'directory'; path: string};

export function parseUpstreamSpec(spec: string): UpstreamSpec | {problem: string} {
	if (/^[a-z][a-z\d+.-]*:\/\//i.test(spec) && !/^file:/i.test(spec)) {
		if (!/^https?:\/\//i.test(spec) || !URL.canParse(spec)) return {problem: 'takes an http(s) URL of a Maven repository, or a folder laid out like one'};
		return {kind: 'url', url: spec};
	}
	const path = /^file:/i.test(spec) ? fileURLToPath(spec) : spec === '~' || spec.startsWith('~/') ? join(homedir(), spec.slice(1)) : resolve(spec);
	const found = statSync(path, {throwIfNoEntry: false});
	if (!found) return {problem: `there is no folder ${path}`};
	if (!found.isDirectory()) return {problem: `${path} is not a folder (a Maven repository folder, such as ~/.m2/repository)`};
	return {kind: 'directory', path};
}

/** For the command line's checks: the problem, or undefined when the value names a source. */
export function upstreamSpecProblem(spec: string): string | undefined {
	const parsed = parseUpstreamSpec(spec);
	return 'problem' in parsed ? parsed.problem : undefined;
}
