import {BoundedCache} from '../../bounded-cache.js';
import {createHmac} from 'node:crypto';
import type {SandboxState} from '../state.js';

// The sandbox's second account: what a CodeArtifact domain or repository policy can grant
// another account's principals. It is the smallest honest model of one: a fixed set of IAM users
// with fixed identity policies, whose keys sign requests as any keys do. It owns no resources
// and has no IAM, EC2 or CodeArtifact of its own (api.ts answers those as not emulated); it can
// only reach the sandbox's account's domains, with --domain-owner, where their policies let it.
// Everything is derived from the state's secret, so it needs no storage and survives restarts.

export interface OtherAccountUser {
	userName: string;
	userId: string;
	accessKeyId: string;
	secretAccessKey: string;
	/** Its one identity-based policy (JSON). */
	policy: string;
}

export interface OtherAccount {
	accountId: string;
	users: OtherAccountUser[];
}

const administratorAccess = {Version: '2012-10-17', Statement: [{Effect: 'Allow', Action: '*', Resource: '*'}]};
// Reads what a domain or repository policy lets it read, but may not ask for a token: the case
// where a resource policy grants and the caller's own account does not.
const readWithoutToken = {
	Version: '2012-10-17',
	Statement: [
		{
			Effect: 'Allow',
			Action: ['codeartifact:Describe*', 'codeartifact:List*', 'codeartifact:ReadFromRepository', 'codeartifact:GetRepositoryEndpoint'],
			Resource: '*',
		},
	],
};

/** Derived once per sandbox (tests start many in one process): a token's principal is looked up on every request Maven makes, and each derivation is seven HMACs. */
const derived = new BoundedCache<string, OtherAccount>(16);

/** The two users: `partner-admin` (AdministratorAccess) and `partner-reader` (reads, but no GetAuthorizationToken). */
export function otherAccount(state: SandboxState): OtherAccount {
	return derived.getOrCompute(`${state.tokenSecret}\u0000${state.accountId}`, () => deriveOtherAccount(state));
}

function deriveOtherAccount(state: SandboxState): OtherAccount {
	const derive = (label: string) => createHmac('sha256', state.tokenSecret).update(`other-account:${label}`).digest();
	const digits = [...derive('account')].map(byte => byte % 10);
	let accountId = [1 + ((digits[0] ?? 0) % 9), ...digits.slice(1, 12)].join(''); // 12 digits, no leading zero
	if (accountId === state.accountId) accountId = `${accountId.slice(0, 11)}${(Number(accountId[11]) + 1) % 10}`;
	const user = (userName: string, policy: object): OtherAccountUser => ({
		userName,
		userId: `AIDA${base32(derive(`${userName}:id`), 17)}`,
		accessKeyId: `AKIA${base32(derive(`${userName}:key`), 16)}`,
		secretAccessKey: derive(`${userName}:secret`)
			.toString('base64')
			.replace(/[^A-Za-z0-9]/g, 'x')
			.slice(0, 40),
		policy: JSON.stringify(policy),
	});
	return {accountId, users: [user('partner-admin', administratorAccess), user('partner-reader', readWithoutToken)]};
}

export function otherAccountUserArn(account: OtherAccount, user: OtherAccountUser): string {
	return `arn:aws:iam::${account.accountId}:user/${user.userName}`;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Buffer, length: number): string {
	return [...bytes.subarray(0, length)].map(byte => alphabet[byte % 32]).join('');
}
