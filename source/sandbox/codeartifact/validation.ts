import {ServiceError} from '../errors.js';
import type {RestInput} from '../protocols/rest-json.js';
import {checkRequired, fields, type FieldName, type FieldSpec} from './constraints.js';

// Reading a request's inputs against the model's constraints (constraints.ts), and the
// ValidationException that reports what breaks them.

type ValueOf<F extends FieldName> = (typeof fields)[F]['type'] extends 'integer' ? number : (typeof fields)[F]['type'] extends 'boolean' ? boolean : string;
export type Inputs<R extends FieldName, O extends FieldName> = {[K in R]: ValueOf<K>} & {[K in O]?: ValueOf<K> | undefined};

/**
 * Reads and checks the named inputs against the model, reporting every problem at once as
 * AWS does (`2 validation errors detected: …; …`). Required members that are absent fail too.
 */
export function readInputs<R extends FieldName, O extends FieldName = never>(
	input: RestInput,
	required: readonly R[],
	optional: readonly O[] = [],
): Inputs<R, O> {
	const problems: string[] = [];
	const values: Record<string, unknown> = {};
	for (const [name, isRequired] of [...required.map(n => [n, true] as const), ...optional.map(n => [n, false] as const)]) {
		const spec: FieldSpec = fields[name];
		const raw = rawValue(input, spec);
		if ((raw === undefined || raw === null) && !isRequired) continue;
		const value = spec.in === 'body' || raw === undefined || raw === null ? raw : parseText(String(raw), spec);
		const found = checkRequired(spec, spec.member, value);
		if (found.length > 0) problems.push(...found);
		else values[name] = value;
	}
	if (problems.length > 0) throw validationError(problems);
	return values as Inputs<R, O>;
}

export function validationError(problems: string[], reason = 'FIELD_VALIDATION_FAILED'): ServiceError {
	const count = problems.length;
	return new ServiceError('ValidationException', 400, `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`, {reason});
}

/** A rule beyond the model's constraints (e.g. duration 1–899 s): AWS words these plainly. */
export function invalid(message: string, reason = 'FIELD_VALIDATION_FAILED'): ServiceError {
	return new ServiceError('ValidationException', 400, message, {reason});
}

function rawValue(input: RestInput, spec: FieldSpec): unknown {
	if (spec.in === 'query') return input.query.get(spec.wire) ?? undefined;
	if (spec.in === 'header') {
		const value = input.headers[spec.wire];
		return Array.isArray(value) ? value[0] : value;
	}
	return input.json()[spec.wire];
}

function parseText(text: string, spec: FieldSpec): unknown {
	if (spec.type === 'integer') return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
	if (spec.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
	return text;
}
