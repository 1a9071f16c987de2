import type {SandboxInstance} from '../sandbox/index.js';

/**
 * The build hosts and their metadata endpoints, one line each: to act as one, unset the admin
 * keys and point AWS_EC2_METADATA_SERVICE_ENDPOINT at its endpoint (see the README).
 */
export function instanceTable(instances: readonly SandboxInstance[]): string[] {
	const nameWidth = Math.max('instance'.length, ...instances.map(instance => instance.name.length));
	const idWidth = Math.max('id'.length, ...instances.map(instance => instance.instanceId.length));
	const row = (name: string, id: string, endpoint: string) => `${name.padEnd(nameWidth)}  ${id.padEnd(idWidth)}  ${endpoint}`;
	return [row('instance', 'id', 'metadata endpoint'), ...instances.map(instance => row(instance.name, instance.instanceId, instance.metadataEndpoint))];
}
