// What a publish will do, decided before anything is packed or sent: which file or folder (or
// a sample text file made for the purpose), and the generic package's namespace, name, version
// and asset name.

import {basename} from 'node:path';
import {assetNameFor, packageNameFrom} from './names.js';

export const defaultNamespace = 'ca-wizard';
export const defaultVersion = '1.0.0';
/** The sample's package name, and its file's stem. */
export const samplePackage = 'hello-ca-wizard';

export interface PublishRequest {
	/** A file or folder to pack; absent: a sample text file is made. */
	file?: string;
	namespace?: string;
	package?: string;
	version?: string;
}

export type PublishSource = {kind: 'sample'; fileName: string} | {kind: 'path'; path: string};

export interface PublishPlan {
	source: PublishSource;
	namespace: string;
	name: string;
	version: string;
	/** The one asset of the version: the packed archive. */
	assetName: string;
}

export function planPublish(request: PublishRequest): PublishPlan {
	const source: PublishSource = request.file === undefined ? {kind: 'sample', fileName: `${samplePackage}.txt`} : {kind: 'path', path: request.file};
	const name = request.package ?? (source.kind === 'path' ? packageNameFrom(basename(source.path)) : undefined) ?? samplePackage;
	const version = request.version ?? defaultVersion;
	return {source, namespace: request.namespace ?? defaultNamespace, name, version, assetName: assetNameFor(name, version)};
}

/** The sample file's text: what it is and where it went, so the unpacked copy says where it came from. */
export function sampleText(plan: Pick<PublishPlan, 'namespace' | 'name' | 'version'>, where: {domain: string; repository: string}, now: Date): string {
	return [
		`Hello from ca-wizard.`,
		``,
		`This file was packed into a .tar.gz and published as the generic package`,
		`${plan.namespace}/${plan.name} ${plan.version} to ${where.domain}/${where.repository}`,
		`on ${now.toISOString()}.`,
		``,
	].join('\n');
}
