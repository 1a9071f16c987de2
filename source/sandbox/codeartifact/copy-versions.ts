import type {RestHandler} from '../protocols/rest-json.js';
import type {PackageVersionRecord, SandboxState} from '../state.js';
import {packageArn, repositoryArn} from './arns.js';
import {ensurePackage, findPackage, searchOrder, type PackageCoordinates} from './package-store.js';
import {requireRepository} from './resources.js';
import {emptyBatch, recordFailure, recordSuccess, selectVersion, VersionFailure} from './version-batch.js';
import {readVersionSelection} from './version-selection.js';
import {invalid, readInputs} from './validation.js';

/**
 * CopyPackageVersions: from one repository to another in the same domain. The caller needs
 * ReadFromRepository on the source and CopyPackageVersions on the destination's package. A copy
 * keeps the version's assets, revision, status, publish time and origin (its domain entry point
 * is where it first entered the domain). With includeFromUpstream, versions the source reaches
 * through its upstreams are copied too. Unfinished and Disposed versions have nothing complete
 * to copy (NOT_ALLOWED); a version the destination holds is ALREADY_EXISTS unless allowOverwrite.
 */
export const copyPackageVersions: RestHandler = (input, call, context) => {
	const {domain, domainOwner, sourceRepository, destinationRepository, format, namespace, allowOverwrite, includeFromUpstream, ...rest} = readInputs(
		input,
		['domain', 'sourceRepository', 'destinationRepository', 'format', 'package'],
		['domainOwner', 'namespace', 'allowOverwrite', 'includeFromUpstream'],
	);
	const selection = readVersionSelection(input, 'versions or revisions');
	if (sourceRepository === destinationRepository) throw invalid('The source and destination repositories must be different.');
	const {state} = context.store;
	const source: PackageCoordinates = {domain, repository: sourceRepository, format: format as PackageCoordinates['format'], namespace, name: rest.package};
	const destination: PackageCoordinates = {...source, repository: destinationRepository};
	call.authorize('codeartifact:ReadFromRepository', repositoryArn(state, domain, sourceRepository));
	call.authorize('codeartifact:CopyPackageVersions', packageArn(state, destination));
	requireRepository(state, domain, sourceRepository, domainOwner);
	requireRepository(state, domain, destinationRepository, domainOwner);
	const reach = includeFromUpstream === true ? searchOrder(state, domain, sourceRepository) : [sourceRepository];
	const result = emptyBatch();
	for (const version of selection.versions) {
		const holder = reach.find(name => findPackage(state, {...source, repository: name})?.versions.some(v => v.version === version)) ?? sourceRepository;
		const found = selectVersion(findPackage(state, {...source, repository: holder}), version, selection, undefined);
		const failure = found instanceof VersionFailure ? found : refusal(state, found, destination, allowOverwrite === true);
		if (failure || found instanceof VersionFailure) {
			if (failure) recordFailure(result, version, failure);
			continue;
		}
		const pkg = ensurePackage(state, destination, 'published');
		pkg.versions = [...pkg.versions.filter(v => v.version !== version), structuredClone(found)];
		recordSuccess(result, version, found.revision, found.status);
	}
	if (Object.keys(result.successfulVersions).length > 0) context.store.commit();
	return {json: result};
};

function refusal(state: SandboxState, version: PackageVersionRecord, destination: PackageCoordinates, allowOverwrite: boolean): VersionFailure | undefined {
	if (version.status === 'Unfinished' || version.status === 'Disposed') {
		return new VersionFailure('NOT_ALLOWED', `Package version ${version.version} is ${version.status} and cannot be copied.`);
	}
	const held = findPackage(state, destination)?.versions.some(v => v.version === version.version);
	if (held && !allowOverwrite) {
		return new VersionFailure(
			'ALREADY_EXISTS',
			`Package version ${version.version} already exists in repository ${destination.repository}. Set allowOverwrite to replace it.`,
		);
	}
	return undefined;
}
