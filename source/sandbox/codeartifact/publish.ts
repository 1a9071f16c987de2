import {createHash} from 'node:crypto';
import {ServiceError} from '../errors.js';
import type {RestHandler} from '../protocols/rest-json.js';
import type {SandboxContext} from '../context.js';
import type {AssetRecord, PackageRecord, PackageVersionRecord} from '../state.js';
import {packageArn} from './arns.js';
import {checkGenericAssetName} from './assets.js';
import {readPackageInputs} from './package-inputs.js';
import {groupRefusal} from './package-group-store.js';
import {ensurePackage, findPackage, putVersionAsset} from './package-store.js';
import {conflict, describeCoordinates, requireRepository} from './resources.js';
import {assetSummary, epochSeconds, versionIdentity} from './shapes.js';
import {invalid} from './validation.js';

/**
 * PublishPackageVersion: generic packages only, one asset per call, the raw body being the
 * asset. Every check runs before anything is stored, so a refused request leaves no trace:
 * the body must hash to the `x-amz-content-sha256` the caller sent; `unfinished=true` keeps
 * the version Unfinished so that more assets can follow, and a call without it publishes it.
 * A Published version takes no new assets; re-sending an identical asset succeeds, a
 * different one under the same name is a ConflictException (as AWS documents).
 */
export const publishPackageVersion: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, packageVersion, assetName, assetSHA256, unfinished} = readPackageInputs(
		input,
		['packageVersion', 'assetName', 'assetSHA256'],
		['unfinished'],
	);
	if (coordinates.format !== 'generic')
		throw invalid(`PublishPackageVersion publishes generic packages only; format ${coordinates.format} is published with its own package manager.`);
	if (!coordinates.namespace) throw invalid('A generic package needs a namespace: pass namespace (--namespace) with PublishPackageVersion.');
	checkGenericAssetName(assetName);
	const {state} = context.store;
	call.authorize('codeartifact:PublishPackageVersion', packageArn(state, coordinates));
	requireRepository(state, coordinates.domain, coordinates.repository, domainOwner);

	const actual = createHash('sha256').update(input.body).digest('hex');
	if (actual !== assetSHA256) {
		throw invalid(
			`The SHA-256 of the asset content does not match assetSHA256 (x-amz-content-sha256): the content hashes to ${actual}, the request says ${assetSHA256}. Nothing was stored.`,
		);
	}
	const existing = findPackage(state, coordinates);
	if (existing?.originConfiguration.restrictions.publish === 'BLOCK') {
		throw new ServiceError(
			'AccessDeniedException',
			403,
			`Publishing package ${describeCoordinates(coordinates)} to repository ${coordinates.repository} is blocked by its package origin configuration (publish: BLOCK). Change it with PutPackageOriginConfiguration.`,
		);
	}
	const blockedBy = groupRefusal(state, coordinates.domain, coordinates, 'PUBLISH', coordinates.repository);
	if (blockedBy) {
		throw new ServiceError(
			'AccessDeniedException',
			403,
			`Publishing package ${describeCoordinates(coordinates)} to repository ${coordinates.repository} is blocked by the origin configuration of its ${blockedBy}. Change it with UpdatePackageGroupOriginConfiguration.`,
		);
	}
	const version = existing?.versions.find(v => v.version === packageVersion);
	const same = version?.assets.find(a => a.name === assetName);
	if (same && same.hashes['SHA-256'] !== actual) {
		throw conflict(
			'asset',
			assetName,
			`Asset ${assetName} of package version ${packageVersion} already exists with different content. Assets cannot be overwritten; publish a new version.`,
		);
	}
	if (existing && version && version.status !== 'Unfinished') {
		if (same) return {json: output(context, existing, version, same)};
		throw conflict(
			'package-version',
			packageVersion,
			`Package version ${packageVersion} of ${describeCoordinates(coordinates)} is ${version.status}: assets can be added only while it is Unfinished (publish with unfinished=true until the last asset).`,
		);
	}

	const asset = context.store.blobs.put(assetName, input.body);
	const pkg = ensurePackage(state, coordinates, 'published');
	const record = putVersionAsset(pkg, packageVersion, asset, {
		origin: {domainEntryPoint: {repositoryName: coordinates.repository}, originType: 'INTERNAL'},
		status: unfinished ? 'Unfinished' : 'Published',
		publishedTime: epochSeconds(context.now()),
	});
	context.store.commit();
	return {json: output(context, pkg, record, asset)};
};

function output(context: SandboxContext, pkg: PackageRecord, version: PackageVersionRecord, asset: AssetRecord) {
	return {
		...versionIdentity(pkg, version),
		status: version.status,
		asset: assetSummary(context.store.blobs, asset),
	};
}
