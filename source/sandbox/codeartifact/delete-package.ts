import type {RestHandler} from '../protocols/rest-json.js';
import {packageKey} from '../state.js';
import {packageArn} from './arns.js';
import {readPackageInputs} from './package-inputs.js';
import {requirePackage} from './resources.js';
import {packageSummary} from './shapes.js';

/** Deletes a package with all its versions and its origin configuration; answers with its summary as it was. */
export const deletePackage: RestHandler = (input, call, context) => {
	const {domainOwner, coordinates} = readPackageInputs(input);
	const {state} = context.store;
	call.authorize('codeartifact:DeletePackage', packageArn(state, coordinates));
	const pkg = requirePackage(state, coordinates, domainOwner);
	const deletedPackage = packageSummary(pkg);
	delete state.packages[packageKey(pkg)];
	context.store.commit();
	return {json: {deletedPackage}};
};
