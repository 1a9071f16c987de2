import {codeArtifactRoutes} from './codeartifact/routes.js';
import {ec2Service} from './ec2/service.js';
import {iamService} from './iam/service.js';
import {stsService} from './sts.js';

// What the sandbox answers, per service, read from the very tables that route requests: the
// README's list (`npm run readme`) cannot claim an operation the sandbox does not serve.

export interface EmulatedService {
	/** As AWS names the service. */
	title: string;
	/** The botocore model's folder name. */
	model: string;
	operations: string[];
}

export function emulatedServices(): EmulatedService[] {
	const sorted = (names: string[]) => [...new Set(names)].sort();
	return [
		{title: 'CodeArtifact', model: 'codeartifact', operations: sorted(codeArtifactRoutes.map(route => route.operation))},
		{title: 'IAM', model: 'iam', operations: sorted(Object.keys(iamService.actions))},
		{title: 'STS', model: 'sts', operations: sorted(Object.keys(stsService.actions))},
		{title: 'EC2', model: 'ec2', operations: sorted(Object.keys(ec2Service.actions))},
	];
}

const start = '<!-- sandbox-operations:start -->';
const end = '<!-- sandbox-operations:end -->';

/** TEXT with the part between the operations markers rewritten: one line per service, every operation it answers. */
export function withOperationsList(text: string): string {
	const from = text.indexOf(start);
	const to = text.indexOf(end, from);
	if (from === -1 || to === -1) return text;
	const lines = emulatedServices().map(
		({title, operations}) => `- **${title}** (${operations.length}): ${operations.map(operation => `\`${operation}\``).join(', ')}`,
	);
	return `${text.slice(0, from + start.length)}\n${lines.join('\n')}\n${text.slice(to)}`;
}
