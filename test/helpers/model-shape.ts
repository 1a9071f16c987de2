import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';

// The botocore models the aws CLI v1 ships are the source of truth for request and reply shapes:
// a reply is checked against its operation's output shape, as parsed by the official SDK v3
// (`sdk`: timestamps as Date, blobs as bytes), as the raw JSON body on the wire (`wire`:
// timestamps as epoch seconds, blobs as base64), where a member the model lacks would be
// silently dropped by every SDK, or as the aws CLI v1 prints it (`cli`: the wire's values, but
// every member by its name, header-bound ones too, and a streamed payload written to a file).

type Mode = 'sdk' | 'wire' | 'cli';

interface Shape {
	type: string;
	members?: Record<string, {shape: string; location?: string; jsonName?: string}>;
	required?: string[];
	member?: {shape: string};
	key?: {shape: string};
	value?: {shape: string};
	enum?: string[];
	payload?: string;
	streaming?: boolean;
}
interface Model {
	operations: Record<string, {output?: {shape: string}}>;
	shapes: Record<string, Shape>;
}

let dataDir: string | undefined;
/** botocore's data folder: the python the installed `aws` command runs (its shebang, or the python3 a pyenv shim picks). */
function botocoreData(): string {
	if (dataDir) return dataDir;
	const aws = execFileSync('sh', ['-c', 'command -v aws'], {encoding: 'utf8'}).trim();
	const shebang = (/^#!(.*)/.exec(readFileSync(aws, 'utf8'))?.[1] ?? '').trim().split(/\s+/);
	const candidates = [...(shebang.some(word => word.includes('python')) ? [shebang] : []), ['python3'], ['python']];
	const script = 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))';
	for (const [interpreter = '', ...options] of candidates) {
		try {
			dataDir = execFileSync(interpreter, [...options, '-c', script], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
			return dataDir;
		} catch {
			// not this python: the next candidate
		}
	}
	throw new Error(`No python next to ${aws} has botocore: the botocore models (the aws CLI v1) are needed`);
}

/** NAME (`service-2.json`, say) from the newest model folder botocore has for SERVICE, gzipped or not. */
function readModelFile(service: string, name: string): unknown {
	const folder = join(botocoreData(), service);
	const version = readdirSync(folder).sort().at(-1) ?? '';
	const file = readdirSync(join(folder, version)).includes(name) ? name : `${name}.gz`;
	const raw = readFileSync(join(folder, version, file));
	return JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
}

const models = new Map<string, Model>();
/** The newest model botocore has for SERVICE (`codeartifact`, `iam`, `sts`, `ec2`). */
export function serviceModel(service: string): Model {
	const cached = models.get(service);
	if (cached) return cached;
	const model = readModelFile(service, 'service-2.json') as Model;
	models.set(service, model);
	return model;
}

/** How a paginated operation pages, as the model's paginators file says: `result_key` names the listed items. */
export interface Paginator {
	input_token: string;
	output_token: string;
	limit_key: string;
	/** One member, or several (IAM's ListEntitiesForPolicy lists groups, users and roles). */
	result_key: string | string[];
}

/** SERVICE's paginated operations (the model's `paginators-1.json`), by operation name. */
export function modelPaginators(service: string): Record<string, Paginator> {
	return (readModelFile(service, 'paginators-1.json') as {pagination: Record<string, Paginator>}).pagination;
}

/** Every way VALUE departs from SHAPE, as `path: problem` lines (none: it matches). */
function problems(model: Model, shapeName: string, value: unknown, path: string, mode: Mode): string[] {
	const shape = model.shapes[shapeName];
	if (!shape) return [`${path}: the model has no shape ${shapeName}`];
	const wrong = (expected: string) => [`${path}: expected ${expected} (${shapeName}), got ${JSON.stringify(value)?.slice(0, 80)}`];
	switch (shape.type) {
		case 'structure': {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong('an object');
			const found: string[] = [];
			const members = shape.members ?? {};
			const byName = new Map(Object.entries(members).map(([name, member]) => [mode === 'wire' ? (member.jsonName ?? name) : name, [name, member] as const]));
			for (const [key, item] of Object.entries(value)) {
				if (key === '$metadata' && mode === 'sdk') continue;
				const entry = byName.get(key);
				if (!entry) found.push(`${path}.${key}: not a member of ${shapeName}`);
				else if (item !== undefined) found.push(...problems(model, entry[1].shape, item, `${path}.${key}`, mode));
			}
			for (const name of shape.required ?? [])
				if ((value as Record<string, unknown>)[name] === undefined) found.push(`${path}.${name}: required by ${shapeName}, missing`);
			return found;
		}
		case 'list':
			if (!Array.isArray(value)) return wrong('a list');
			return value.flatMap((item, index) => problems(model, shape.member?.shape ?? '', item, `${path}[${index}]`, mode));
		case 'map':
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong('a map');
			return Object.entries(value).flatMap(([key, item]) => [
				...problems(model, shape.key?.shape ?? '', key, `${path}{${key}}`, mode),
				...problems(model, shape.value?.shape ?? '', item, `${path}{${key}}`, mode),
			]);
		case 'string':
			if (typeof value !== 'string') return wrong('a string');
			return shape.enum && !shape.enum.includes(value) ? wrong(`one of ${shape.enum.join('|')}`) : [];
		case 'integer':
		case 'long':
		case 'float':
		case 'double':
			return typeof value === 'number' ? [] : wrong('a number');
		case 'boolean':
			return typeof value === 'boolean' ? [] : wrong('a boolean');
		case 'timestamp':
			if (mode === 'sdk') return value instanceof Date && !Number.isNaN(value.getTime()) ? [] : wrong('a Date');
			return typeof value === 'number' || typeof value === 'string' ? [] : wrong('a timestamp');
		case 'blob':
			if (shape.streaming) return [];
			if (mode === 'sdk') return value instanceof Uint8Array ? [] : wrong('bytes');
			return typeof value === 'string' ? [] : wrong('base64 text');
		default:
			return [`${path}: shape type ${shape.type} not checked`];
	}
}

/** How OUTPUT departs from OPERATION's output shape in SERVICE's model; empty when it matches. */
export function outputShapeProblems(service: string, operation: string, output: unknown, mode: Mode = 'sdk'): string[] {
	const model = serviceModel(service);
	const spec = model.operations[operation];
	if (!spec) return [`${service} has no operation ${operation}`];
	if (!spec.output) return output === undefined || Object.keys(output as object).every(key => key === '$metadata') ? [] : [`${operation} has no output`];
	const shape = model.shapes[spec.output.shape];
	// On the wire a restJson1 reply's body holds only the members not bound to headers or the status.
	if (mode === 'wire' && shape?.members) {
		const inBody = Object.fromEntries(Object.entries(shape.members).filter(([, member]) => !member.location));
		model.shapes[`${spec.output.shape}$body`] = {...shape, members: inBody, required: (shape.required ?? []).filter(name => name in inBody)};
		return problems(model, `${spec.output.shape}$body`, output, operation, mode);
	}
	if (mode === 'cli' && shape?.payload && model.shapes[shape.members?.[shape.payload]?.shape ?? '']?.streaming) {
		const printed = Object.fromEntries(Object.entries(shape.members ?? {}).filter(([name]) => name !== shape.payload));
		model.shapes[`${spec.output.shape}$printed`] = {...shape, members: printed, required: (shape.required ?? []).filter(name => name in printed)};
		return problems(model, `${spec.output.shape}$printed`, output, operation, mode);
	}
	return problems(model, spec.output.shape, output, operation, mode);
}

/** The operations SERVICE's model defines, sorted. */
export function modelOperations(service: string): string[] {
	return Object.keys(serviceModel(service).operations).sort();
}
