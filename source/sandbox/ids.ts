import {randomBytes, randomInt} from 'node:crypto';

const upperAlphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM-style unique ids and keys: a four-letter prefix that says what it is (AKIA, AROA, …). */
export function awsId(prefix: string, length = 16): string {
	let id = prefix;
	for (const byte of randomBytes(length)) id += upperAlphanumeric[byte % 32];
	return id;
}

export function secretKey(): string {
	return randomBytes(30)
		.toString('base64')
		.replace(/[^A-Za-z0-9]/g, 'x')
		.slice(0, 40);
}

export function hexId(prefix: string, length: number): string {
	return (
		prefix +
		randomBytes(Math.ceil(length / 2))
			.toString('hex')
			.slice(0, length)
	);
}

export function accountId(): string {
	return String(randomInt(1, 10)) + Array.from({length: 11}, () => randomInt(0, 10)).join('');
}

export function requestId(): string {
	const hex = randomBytes(16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isoNow(now = new Date()): string {
	return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
