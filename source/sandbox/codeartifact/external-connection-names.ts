import type {PackageFormat} from '../state.js';

/** The public repositories AssociateExternalConnection accepts, and the package format each serves. */
export const externalConnections: Readonly<Record<string, PackageFormat>> = {
	'public:npmjs': 'npm',
	'public:pypi': 'pypi',
	'public:maven-central': 'maven',
	'public:maven-googleandroid': 'maven',
	'public:maven-gradleplugins': 'maven',
	'public:maven-commonsware': 'maven',
	'public:maven-clojars': 'maven',
	'public:nuget-org': 'nuget',
	'public:ruby-gems-org': 'ruby',
	'public:crates-io': 'cargo',
};

export function isExternalConnection(name: string): boolean {
	return Object.hasOwn(externalConnections, name);
}

export function externalConnectionFormat(name: string): PackageFormat | undefined {
	return isExternalConnection(name) ? externalConnections[name] : undefined;
}
