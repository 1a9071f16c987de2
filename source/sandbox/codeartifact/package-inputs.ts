import type {RestInput} from '../protocols/rest-json.js';
import type {PackageFormat} from '../state.js';
import type {PackageCoordinates} from './package-store.js';
import type {FieldName} from './constraints.js';
import {readInputs, type Inputs} from './validation.js';

const packageRequired = ['domain', 'repository', 'format', 'package'] as const;
const packageOptional = ['domainOwner', 'namespace'] as const;
type Required = (typeof packageRequired)[number];
type Optional = (typeof packageOptional)[number];

/**
 * The inputs every package operation shares (domain, domain-owner, repository, format,
 * namespace, package) plus the ones it adds, checked together so that one answer lists every
 * problem; and the coordinates they name.
 */
export function readPackageInputs<R extends FieldName = never, O extends FieldName = never>(
	input: RestInput,
	required: readonly R[] = [],
	optional: readonly O[] = [],
): Inputs<R | Required, O | Optional> & {coordinates: PackageCoordinates} {
	const values = readInputs<R | Required, O | Optional>(input, [...packageRequired, ...required], [...packageOptional, ...optional]);
	const coordinates: PackageCoordinates = {
		domain: values.domain,
		repository: values.repository,
		format: values.format as PackageFormat,
		namespace: values.namespace,
		name: values.package,
	};
	return {...values, coordinates};
}
