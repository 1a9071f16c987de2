import {SandboxError} from './errors.js';

export interface FaultSpec {
	throttle: number; // share of requests answered with the service's throttling error
	error: number; // share answered with its internal error
	latency: number; // milliseconds added to every request
}

export type FaultDecision = 'none' | 'Throttling' | 'Internal';

const noFaults: FaultSpec = {throttle: 0, error: 0, latency: 0};

/** Parses `throttle=0.2,error=0.05,latency=200`; a typo is an error that names the form. */
export function parseFaults(spec: string | undefined): FaultSpec {
	if (!spec) return noFaults;
	const faults = {...noFaults};
	for (const part of spec
		.split(',')
		.map(s => s.trim())
		.filter(Boolean)) {
		const [key, raw] = part.split('=');
		const value = Number(raw);
		if (!key || !(key in faults) || raw === undefined || !Number.isFinite(value) || value < 0) {
			throw new SandboxError(
				'BadFaults',
				`--faults: cannot read "${part}". Use for example --faults throttle=0.2,error=0.05,latency=200 (shares from 0 to 1, latency in ms).`,
			);
		}
		if (key !== 'latency' && value > 1) throw new SandboxError('BadFaults', `--faults: ${key} is a share of requests, from 0 to 1; got ${value}.`);
		faults[key as keyof FaultSpec] = value;
	}
	if (faults.throttle + faults.error > 1) throw new SandboxError('BadFaults', '--faults: throttle and error together cannot exceed 1.');
	return faults;
}

export function decideFault(faults: FaultSpec, random = Math.random): FaultDecision {
	const roll = random();
	if (roll < faults.throttle) return 'Throttling';
	if (roll < faults.throttle + faults.error) return 'Internal';
	return 'none';
}
