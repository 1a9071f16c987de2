import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import type {StsApi} from '../apis.js';
import {attempt} from './classify-error.js';
import {clientConfig, type ClientSettings} from './client-config.js';

export function createStsApi(settings: ClientSettings): StsApi {
	const client = new STSClient(clientConfig(settings));
	return {
		async getCallerIdentity() {
			const output = await attempt('sts:GetCallerIdentity', () => client.send(new GetCallerIdentityCommand({})));
			return {account: output.Account ?? '', arn: output.Arn ?? '', userId: output.UserId ?? ''};
		},
	};
}

/**
 * The region a client for `profile` would use, by the SDK's own resolution (AWS_REGION, then
 * the profile's `region` in the shared config files); undefined when none is set.
 */
export async function resolveDefaultRegion(profile?: string): Promise<string | undefined> {
	const client = new STSClient(profile ? {profile} : {});
	try {
		return await client.config.region();
	} catch {
		return undefined;
	} finally {
		client.destroy();
	}
}
