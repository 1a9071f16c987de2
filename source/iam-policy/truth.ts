// Whether a statement applies can be unknown: it may depend on a condition key the caller does
// not model. Kleene's three-valued logic keeps what is certain (false AND anything is false) and
// leaves the rest 'unknown', which a Deny treats as applying and an Allow as not.

export type Truth = boolean | 'unknown';

export function allOf(values: Iterable<Truth>): Truth {
	let result: Truth = true;
	for (const value of values) {
		if (value === false) return false;
		if (value === 'unknown') result = 'unknown';
	}
	return result;
}

export function not(value: Truth): Truth {
	return value === 'unknown' ? value : !value;
}

/** De Morgan: some value holds when not every value fails. */
export function anyOf(values: Iterable<Truth>): Truth {
	return not(allOf([...values].map(not)));
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * AWS's rule for one set of statements: a Deny that applies wins, otherwise an Allow that applies
 * allows. Failing closed, a Deny that might apply applies, and an Allow that might does not.
 */
export function decide(statements: Iterable<{effect: unknown; applies: () => Truth}>): Decision {
	let allowed = false;
	for (const {effect, applies} of statements) {
		if (effect !== 'Allow' && effect !== 'Deny') continue;
		const verdict = applies();
		if (effect === 'Deny' && verdict !== false) return 'ExplicitDeny';
		if (effect === 'Allow' && verdict === true) allowed = true;
	}
	return allowed ? 'Allow' : 'ImplicitDeny';
}
