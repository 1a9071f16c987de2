// Where a real-AWS run's result can be seen in the AWS console. Only for real AWS: a sandbox's
// domain exists nowhere the console could show.

export interface ConsoleLinks {
	domain: string;
	repository: string;
	/** The repository's package list, as the console's Packages table opens it. */
	packages: string;
	/** The IAM role the build host gets its token with, when the run knows it. */
	role?: string;
}

export interface ConsolePlace {
	region: string;
	/** The account that owns the domain: the console names it in the path. */
	account: string;
	domain: string;
	repository: string;
	role?: string;
}

// The Packages table's state as the console itself writes it into the address ({"f":{},"s":{},"n":20,"i":0}:
// no filter, no sort, 20 a page, the first page).
const packagesTable = 'packages-meta=eyJmIjp7fSwicyI6e30sIm4iOjIwLCJpIjowfQ';

/** The console's own addresses (codesuite/codeartifact/d/ACCOUNT/DOMAIN/r/REPOSITORY; IAM is global). */
export function consoleLinks({region, account, domain, repository, role}: ConsolePlace): ConsoleLinks {
	const codeartifact = `https://${region}.console.aws.amazon.com/codesuite/codeartifact/d/${account}/${encodeURIComponent(domain)}`;
	const repositoryPage = `${codeartifact}/r/${encodeURIComponent(repository)}?region=${region}`;
	return {
		domain: `${codeartifact}?region=${region}`,
		repository: repositoryPage,
		packages: `${repositoryPage}&${packagesTable}`,
		...(role ? {role: `https://console.aws.amazon.com/iam/home#/roles/details/${encodeURIComponent(role)}`} : {}),
	};
}
