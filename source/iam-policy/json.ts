// Shape helpers shared by the validator (strict) and the evaluator (lenient).

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** IAM lets most elements be a single string or an array of strings. */
export function stringList(value: unknown): string[] | undefined {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value as string[];
	return undefined;
}

/** `Statement` may be one statement object or an array of them. */
export function statementList(value: unknown): unknown[] | undefined {
	if (isRecord(value)) return [value];
	return Array.isArray(value) ? value : undefined;
}

/** A policy as an object, whether callers hold it parsed or as the stored JSON text; undefined when it is neither. */
export function asPolicy(document: unknown): Record<string, unknown> | undefined {
	if (typeof document !== 'string') return isRecord(document) ? document : undefined;
	try {
		const parsed: unknown = JSON.parse(document);
		return isRecord(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}
