import type {RestRoute} from '../protocols/rest-json.js';
import {getPackageVersionAsset, listPackageVersionAssets} from './assets.js';
import {getAuthorizationToken} from './authorization.js';
import {createDomain, deleteDomain, describeDomain, listDomains} from './domains.js';
import {associateExternalConnection, disassociateExternalConnection} from './external-connections.js';
import {
	getAssociatedPackageGroup,
	listAllowedRepositoriesForGroup,
	listAssociatedPackages,
	updatePackageGroupOriginConfiguration,
} from './package-group-origins.js';
import {createPackageGroup, deletePackageGroup, describePackageGroup, listPackageGroups, listSubPackageGroups, updatePackageGroup} from './package-groups.js';
import {describePackageVersion, listPackageVersions} from './package-versions.js';
import {describePackage, listPackages, putPackageOriginConfiguration} from './packages.js';
import {copyPackageVersions} from './copy-versions.js';
import {deletePackage} from './delete-package.js';
import {
	deleteDomainPermissionsPolicy,
	deleteRepositoryPermissionsPolicy,
	getDomainPermissionsPolicy,
	getRepositoryPermissionsPolicy,
	putDomainPermissionsPolicy,
	putRepositoryPermissionsPolicy,
} from './permissions-policies.js';
import {publishPackageVersion} from './publish.js';
import {createRepository, deleteRepository, describeRepository, listRepositories, listRepositoriesInDomain, updateRepository} from './repositories.js';
import {getRepositoryEndpoint} from './repository-endpoint.js';
import {listTagsForResource, tagResource, untagResource} from './tags.js';
import {getPackageVersionReadme, listPackageVersionDependencies} from './version-metadata.js';
import {deletePackageVersions, disposePackageVersions, updatePackageVersionsStatus} from './version-status.js';

/** The CodeArtifact control plane (restJson1): method and path as the model's `http` traits give them. */
export const codeArtifactRoutes: RestRoute[] = [
	{method: 'POST', path: '/v1/domain', operation: 'CreateDomain', handler: createDomain},
	{method: 'GET', path: '/v1/domain', operation: 'DescribeDomain', handler: describeDomain},
	{method: 'DELETE', path: '/v1/domain', operation: 'DeleteDomain', handler: deleteDomain},
	{method: 'POST', path: '/v1/domains', operation: 'ListDomains', handler: listDomains},
	{method: 'POST', path: '/v1/domain/repositories', operation: 'ListRepositoriesInDomain', handler: listRepositoriesInDomain},
	{method: 'POST', path: '/v1/repository', operation: 'CreateRepository', handler: createRepository},
	{method: 'GET', path: '/v1/repository', operation: 'DescribeRepository', handler: describeRepository},
	{method: 'PUT', path: '/v1/repository', operation: 'UpdateRepository', handler: updateRepository},
	{method: 'DELETE', path: '/v1/repository', operation: 'DeleteRepository', handler: deleteRepository},
	{method: 'POST', path: '/v1/repositories', operation: 'ListRepositories', handler: listRepositories},
	{method: 'POST', path: '/v1/repository/external-connection', operation: 'AssociateExternalConnection', handler: associateExternalConnection},
	{method: 'DELETE', path: '/v1/repository/external-connection', operation: 'DisassociateExternalConnection', handler: disassociateExternalConnection},
	{method: 'GET', path: '/v1/repository/endpoint', operation: 'GetRepositoryEndpoint', handler: getRepositoryEndpoint},
	{method: 'POST', path: '/v1/authorization-token', operation: 'GetAuthorizationToken', handler: getAuthorizationToken},
	{method: 'POST', path: '/v1/packages', operation: 'ListPackages', handler: listPackages},
	{method: 'GET', path: '/v1/package', operation: 'DescribePackage', handler: describePackage},
	{method: 'POST', path: '/v1/package', operation: 'PutPackageOriginConfiguration', handler: putPackageOriginConfiguration},
	{method: 'POST', path: '/v1/package/versions', operation: 'ListPackageVersions', handler: listPackageVersions},
	{method: 'GET', path: '/v1/package/version', operation: 'DescribePackageVersion', handler: describePackageVersion},
	{method: 'POST', path: '/v1/package/version/publish', operation: 'PublishPackageVersion', handler: publishPackageVersion},
	{method: 'GET', path: '/v1/package/version/asset', operation: 'GetPackageVersionAsset', handler: getPackageVersionAsset},
	{method: 'POST', path: '/v1/package/version/assets', operation: 'ListPackageVersionAssets', handler: listPackageVersionAssets},
	{method: 'DELETE', path: '/v1/package', operation: 'DeletePackage', handler: deletePackage},
	{method: 'POST', path: '/v1/package/versions/delete', operation: 'DeletePackageVersions', handler: deletePackageVersions},
	{method: 'POST', path: '/v1/package/versions/dispose', operation: 'DisposePackageVersions', handler: disposePackageVersions},
	{method: 'POST', path: '/v1/package/versions/update_status', operation: 'UpdatePackageVersionsStatus', handler: updatePackageVersionsStatus},
	{method: 'POST', path: '/v1/package/versions/copy', operation: 'CopyPackageVersions', handler: copyPackageVersions},
	{method: 'POST', path: '/v1/package/version/dependencies', operation: 'ListPackageVersionDependencies', handler: listPackageVersionDependencies},
	{method: 'GET', path: '/v1/package/version/readme', operation: 'GetPackageVersionReadme', handler: getPackageVersionReadme},
	{method: 'POST', path: '/v1/tag', operation: 'TagResource', handler: tagResource},
	{method: 'POST', path: '/v1/untag', operation: 'UntagResource', handler: untagResource},
	{method: 'POST', path: '/v1/tags', operation: 'ListTagsForResource', handler: listTagsForResource},
	{method: 'POST', path: '/v1/package-group', operation: 'CreatePackageGroup', handler: createPackageGroup},
	{method: 'GET', path: '/v1/package-group', operation: 'DescribePackageGroup', handler: describePackageGroup},
	{method: 'PUT', path: '/v1/package-group', operation: 'UpdatePackageGroup', handler: updatePackageGroup},
	{method: 'DELETE', path: '/v1/package-group', operation: 'DeletePackageGroup', handler: deletePackageGroup},
	{method: 'POST', path: '/v1/package-groups', operation: 'ListPackageGroups', handler: listPackageGroups},
	{method: 'POST', path: '/v1/package-groups/sub-groups', operation: 'ListSubPackageGroups', handler: listSubPackageGroups},
	{
		method: 'PUT',
		path: '/v1/package-group-origin-configuration',
		operation: 'UpdatePackageGroupOriginConfiguration',
		handler: updatePackageGroupOriginConfiguration,
	},
	{method: 'GET', path: '/v1/package-group-allowed-repositories', operation: 'ListAllowedRepositoriesForGroup', handler: listAllowedRepositoriesForGroup},
	{method: 'GET', path: '/v1/list-associated-packages', operation: 'ListAssociatedPackages', handler: listAssociatedPackages},
	{method: 'GET', path: '/v1/get-associated-package-group', operation: 'GetAssociatedPackageGroup', handler: getAssociatedPackageGroup},
	{method: 'PUT', path: '/v1/domain/permissions/policy', operation: 'PutDomainPermissionsPolicy', handler: putDomainPermissionsPolicy},
	{method: 'GET', path: '/v1/domain/permissions/policy', operation: 'GetDomainPermissionsPolicy', handler: getDomainPermissionsPolicy},
	{method: 'DELETE', path: '/v1/domain/permissions/policy', operation: 'DeleteDomainPermissionsPolicy', handler: deleteDomainPermissionsPolicy},
	{method: 'PUT', path: '/v1/repository/permissions/policy', operation: 'PutRepositoryPermissionsPolicy', handler: putRepositoryPermissionsPolicy},
	{method: 'GET', path: '/v1/repository/permissions/policy', operation: 'GetRepositoryPermissionsPolicy', handler: getRepositoryPermissionsPolicy},
	// The model's path for this one is plural.
	{method: 'DELETE', path: '/v1/repository/permissions/policies', operation: 'DeleteRepositoryPermissionsPolicy', handler: deleteRepositoryPermissionsPolicy},
];
