import type {NetworkInterfaceInfo} from 'node:os';
import {describe, expect, it} from 'vitest';
import {advertise, publicUrlProblem} from '../../source/sandbox/public-url.js';

const address = (value: string, internal: boolean, family: 'IPv4' | 'IPv6' = 'IPv4') =>
	({address: value, internal, family, netmask: '', mac: '', cidr: null}) as unknown as NetworkInterfaceInfo;
const machine = {
	lo: [address('127.0.0.1', true), address('::1', true, 'IPv6')],
	eth0: [address('fe80::1', false, 'IPv6'), address('10.0.0.5', false)],
	eth1: [address('192.168.1.9', false)],
};

describe('what a sandbox advertises', () => {
	it("bound to every address: this machine's first network IPv4 address, never 127.0.0.1", () => {
		const advertised = advertise('0.0.0.0', 7717, undefined, machine);
		expect(advertised.endpoint).toBe('http://10.0.0.5:7717');
		expect(advertised.at(40001)).toBe('http://10.0.0.5:40001');
		expect(advertised.warning).toBeUndefined();
		expect(advertise('::', 7717, undefined, machine).endpoint).toBe('http://10.0.0.5:7717');
	});

	it('bound to every address on a machine with loopback only: 127.0.0.1, and a warning naming --public-url', () => {
		const advertised = advertise('0.0.0.0', 7717, undefined, {lo: machine.lo});
		expect(advertised.endpoint).toBe('http://127.0.0.1:7717');
		expect(advertised.warning).toContain('--public-url');
	});

	it('bound to one address: that one', () => {
		expect(advertise('127.0.0.1', 7717, undefined, machine).endpoint).toBe('http://127.0.0.1:7717');
		expect(advertise('192.168.1.9', 7717, undefined, machine).endpoint).toBe('http://192.168.1.9:7717');
		expect(advertise('fd00::5', 7717, undefined, machine).endpoint).toBe('http://[fd00::5]:7717');
	});

	it('--public-url wins; without a port of its own it takes the sandbox’s, and other ports keep its host', () => {
		expect(advertise('0.0.0.0', 7717, 'http://workshop.example:8080/', machine).endpoint).toBe('http://workshop.example:8080');
		expect(advertise('0.0.0.0', 7717, 'http://workshop.example', machine).endpoint).toBe('http://workshop.example:7717');
		// A port that is the scheme's default, written out, is kept (the URL parser would drop it).
		expect(advertise('0.0.0.0', 7717, 'http://workshop.example:80', machine).endpoint).toBe('http://workshop.example');
		expect(advertise('0.0.0.0', 7717, 'https://sandbox.example', machine).endpoint).toBe('https://sandbox.example:7717');
		const advertised = advertise('0.0.0.0', 7717, 'http://10.1.2.3:9000', machine);
		expect(advertised.at(40001)).toBe('http://10.1.2.3:40001');
		expect(advertise('0.0.0.0', 7717, 'http://[fd00::5]:9000', machine).at(40001)).toBe('http://[fd00::5]:40001');
	});
});

describe('publicUrlProblem', () => {
	it.each(['http://10.0.0.5:7717', 'http://10.0.0.5', 'https://sandbox.example/', 'http://[fd00::5]:7717'])('accepts %s', url => {
		expect(publicUrlProblem(url)).toBeUndefined();
	});

	it.each([
		['10.0.0.5:7717', 'takes http(s)://HOST or http(s)://HOST:PORT'],
		['ftp://10.0.0.5', 'ftp: is neither http nor https'],
		['http://10.0.0.5:7717/sandbox', 'no path, query or user name'],
		['http://me:secret@10.0.0.5', 'no path, query or user name'],
		['http://127.0.0.1:7717', '127.0.0.1 is no address of this machine to the others'],
		['http://localhost:7717', 'localhost is no address'],
		['http://[::1]:7717', '[::1] is no address'],
		['http://0.0.0.0:7717', '0.0.0.0 is no address'],
	])('refuses %s', (url, problem) => {
		expect(publicUrlProblem(url)).toContain(problem);
	});
});
