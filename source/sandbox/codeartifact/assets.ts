import type {RestHandler} from '../protocols/rest-json.js';
import {packageArn} from './arns.js';
import {readPackageInputs} from './package-inputs.js';
import {compareText, paginate} from './pagination.js';
import {listingOf} from './listing-lag.js';
import {notFound, requireVersion} from './resources.js';
import {assetSummary, versionIdentity} from './shapes.js';
import {invalid} from './validation.js';

// Generic asset names, as the CodeArtifact user guide states them: Unicode letters and digits
// (Ll, Lm, Lo, Lt, Lu, Nl, Nd), the specials ~!@^&()-_+[]{};,. and single inner spaces; never
// `.` or `..`. No slash, backslash or percent sign: a name can never be read as a path (and
// names never reach the file system anyway: bytes are stored under their SHA-256).
const assetNameCharacters = /^[\p{Ll}\p{Lm}\p{Lo}\p{Lt}\p{Lu}\p{Nl}\p{Nd}~!@^&()\-_+[\]{};,. ]+$/u;

export function checkGenericAssetName(name: string): void {
	const reason = !assetNameCharacters.test(name)
		? 'may contain only Unicode letters and digits, spaces and the characters ~!@^&()-_+[]{};,.'
		: name === '.' || name === '..'
			? 'cannot be . or ..'
			: name.startsWith(' ') || name.endsWith(' ') || name.includes('  ')
				? 'cannot start or end with a space, or contain consecutive spaces'
				: undefined;
	if (reason) throw invalid(`Invalid asset name '${name}': an asset name ${reason}.`);
	const wide = [...name].find(char => !headerSafe.test(char));
	if (wide !== undefined) {
		throw invalid(
			`Invalid asset name '${name}': the sandbox accepts asset names in Latin-1 only (up to U+00FF). GetPackageVersionAsset returns the name in the X-AssetName header, which the AWS SDKs and CLI read as Latin-1, so '${wide}' would come back garbled. Rename the asset (e.g. with ASCII letters).`,
		);
	}
}

/** What an HTTP header carries unchanged to clients that read it as Latin-1. */
const headerSafe = /^[\u0000-\u00ff]*$/;

export const getPackageVersionAsset: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, packageVersion, asset, packageVersionRevision} = readPackageInputs(
		input,
		['packageVersion', 'asset'],
		['packageVersionRevision'],
	);
	const {state} = context.store;
	call.authorize('codeartifact:GetPackageVersionAsset', packageArn(state, coordinates));
	const {record} = requireVersion(state, coordinates, packageVersion, domainOwner);
	if (packageVersionRevision !== undefined && packageVersionRevision !== record.revision) {
		throw notFound(
			'package-version',
			packageVersion,
			`Package version ${packageVersion} has no revision ${packageVersionRevision}; its current revision is ${record.revision}.`,
		);
	}
	const found = record.assets.find(a => a.name === asset);
	if (!found) throw notFound('asset', asset, `Asset ${asset} was not found in package version ${packageVersion}.`);
	return {
		raw: context.store.blobs.get(found.blob),
		headers: {'x-assetname': headerText(found.name), 'x-packageversion': headerText(record.version), 'x-packageversionrevision': record.revision},
	};
};

export const listPackageVersionAssets: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates, packageVersion, maxResults, nextToken} = readPackageInputs(input, ['packageVersion'], ['maxResults', 'nextToken']);
	const {state} = context.store;
	call.authorize('codeartifact:ListPackageVersionAssets', packageArn(state, coordinates));
	// A listing: it lags as the others do (GetPackageVersionAsset, a download, does not).
	const {pkg, record} = requireVersion(state, coordinates, packageVersion, domainOwner, listingOf(context));
	const page = paginate(
		[...record.assets].sort((a, b) => compareText(a.name, b.name)),
		'ListPackageVersionAssets',
		maxResults,
		nextToken,
		asset => asset.name,
	);
	return {
		json: {
			...versionIdentity(pkg, record),
			assets: page.items.map(asset => assetSummary(context.store.blobs, asset)),
			...(page.nextToken ? {nextToken: page.nextToken} : {}),
		},
	};
};

/**
 * HTTP header values are bytes, and both the SDK (Node's HTTP parser) and the aws CLI (Python's
 * http.client) read them as Latin-1: a name within U+0000–U+00FF goes out as Latin-1 and comes
 * back unchanged. Publishing refuses wider names (see checkGenericAssetName); one that came in
 * another way (a Maven file name) goes out as its UTF-8 bytes, as AWS sends it.
 */
function headerText(value: string): string {
	return headerSafe.test(value) ? value : Buffer.from(value, 'utf8').toString('latin1');
}
