import {CommonError} from '../errors.js';
import {externalConnectionFormat} from './external-connection-names.js';

// The sandbox serves Maven (a repository endpoint, backed by public:maven-central) and generic
// packages (through the API). AWS accepts the other formats too; the sandbox refuses them where a
// learner first asks for them, rather than hand out an endpoint or a connection that then serves
// nothing ("Successfully configured npm", then every install a 404).

const servedFormats = ['maven', 'generic'];
const servedConnections = ['public:maven-central'];
const served = 'The ca-wizard sandbox serves the maven and generic formats only, with public:maven-central as its one external connection';

/** GetRepositoryEndpoint (what `aws codeartifact login --tool npm|pip|twine|dotnet|nuget|swift` asks first). */
export function checkServedFormat(format: string): void {
	if (!servedFormats.includes(format)) {
		throw new CommonError('NotEmulated', `${served}: it has no ${format} repository endpoint. Use --format maven (or the generic package API).`);
	}
}

export function checkServedConnection(externalConnection: string): void {
	if (!servedConnections.includes(externalConnection)) {
		const format = externalConnectionFormat(externalConnection);
		throw new CommonError('NotEmulated', `${served}: ${externalConnection}${format ? ` (${format})` : ''} is not emulated.`);
	}
}
