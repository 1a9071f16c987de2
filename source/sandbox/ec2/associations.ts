import type {ApiCall} from '../context.js';
import {ServiceError} from '../errors.js';
import {findByName, roleArn} from '../iam/shapes.js';
import {hexId, isoNow} from '../ids.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import {entry, firstInstance, type AssociationRecord, type InstanceProfileRecord, type SandboxState} from '../state.js';
import {
	authorizeEc2,
	decodeNextToken,
	dryRunEnds,
	encodeNextToken,
	matchesFilters,
	permitEc2,
	readFilters,
	readIds,
	readMaxResults,
	requiredParameter,
} from './params.js';
import {associationXml, checkInstanceIds, currentAssociation, findAssociation, instanceArn, profileFromSpecification} from './shapes.js';

// Which instance profile each build host has. An association that ends is removed from the state
// at once. Credentials instance metadata issued through it stay valid until they expire, as on
// AWS (see auth/principal.ts); instance metadata issues none through it any more, and a new
// association gets new ones.

/** Handing a profile to an instance hands over its role: EC2 asks for iam:PassRole on it. */
function authorizePassRole(state: SandboxState, call: ApiCall, profile: InstanceProfileRecord): void {
	for (const name of profile.roleNames) {
		const role = findByName(state.iam.roles, name);
		call.authorize('iam:PassRole', roleArn(state, role ?? {path: '/', name}), {'iam:PassedToService': 'ec2.amazonaws.com'});
	}
}

/**
 * The profile the request names, once EC2 knows of it: an instance profile made moments ago is
 * refused as invalid until IAM's change has propagated (--iam-delay, --consistency aws), as on AWS.
 */
function usableProfile(state: SandboxState, effective: SandboxState, params: URLSearchParams): InstanceProfileRecord {
	const profile = profileFromSpecification(state, params);
	profileFromSpecification(effective, params);
	return profile;
}

function associate(state: SandboxState, instanceId: string, profile: InstanceProfileRecord, now: Date): AssociationRecord {
	const association: AssociationRecord = {
		associationId: hexId('iip-assoc-', 17),
		instanceId,
		instanceProfileName: profile.name,
		state: 'associated',
		timestamp: isoNow(now),
	};
	state.associations[association.associationId] = association;
	return association;
}

function endAssociation(state: SandboxState, association: AssociationRecord): void {
	delete state.associations[association.associationId];
}

export const AssociateIamInstanceProfile: QueryHandler = (params, call, {store, now, effective}) => {
	const {state} = store;
	const instanceId = requiredParameter(params, 'InstanceId');
	authorizeEc2(call, params, 'AssociateIamInstanceProfile', instanceArn(state, instanceId));
	checkInstanceIds(state, [instanceId]);
	const profile = usableProfile(state, effective(), params);
	authorizePassRole(state, call, profile);
	if (currentAssociation(state, instanceId)) throw new ServiceError('IncorrectState', 400, `There is an existing association for instance ${instanceId}`);
	const association = associate(state, instanceId, profile, now());
	store.commit({packagesUnchanged: true});
	// The change is immediate here; AWS reports it as under way.
	return {iamInstanceProfileAssociation: associationXml(state, association, 'associating')};
};

const associationFilters = ['instance-id', 'state'] as const;

export const DescribeIamInstanceProfileAssociations: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const maxResults = readMaxResults(params, 5, 1000);
	const nextToken = params.get('NextToken') || undefined;
	// The lists are read once the caller may describe associations: nobody else gets them looked at.
	permitEc2(call, 'DescribeIamInstanceProfileAssociations', '*');
	const ids = readIds(params, 'AssociationId');
	const filters = readFilters(params, associationFilters);
	dryRunEnds(params);
	for (const id of ids) findAssociation(state, id);
	const matching = Object.values(state.associations)
		.filter(a => ids.length === 0 || ids.includes(a.associationId))
		.filter(a => matchesFilters(filters, name => [name === 'state' ? a.state : a.instanceId]))
		.sort((a, b) => (a.associationId < b.associationId ? -1 : a.associationId > b.associationId ? 1 : 0));
	const start = nextToken === undefined ? 0 : firstAtOrAfter(matching, decodeNextToken('DescribeIamInstanceProfileAssociations', nextToken));
	const end = maxResults === undefined ? matching.length : start + maxResults;
	const next = matching[end];
	return {
		iamInstanceProfileAssociationSet: xmlList(
			matching.slice(start, end).map(a => associationXml(state, a)),
			'item',
		),
		nextToken: next ? encodeNextToken('DescribeIamInstanceProfileAssociations', next.associationId) : undefined,
	};
};

function firstAtOrAfter(associations: AssociationRecord[], id: string): number {
	const index = associations.findIndex(a => a.associationId >= id);
	return index < 0 ? associations.length : index;
}

export const ReplaceIamInstanceProfileAssociation: QueryHandler = (params, call, {store, now, effective}) => {
	const {state} = store;
	const associationId = requiredParameter(params, 'AssociationId');
	const existing = entry(state.associations, associationId);
	authorizeEc2(call, params, 'ReplaceIamInstanceProfileAssociation', instanceArn(state, existing?.instanceId ?? firstInstance(state).instanceId));
	const old = findAssociation(state, associationId);
	const profile = usableProfile(state, effective(), params);
	authorizePassRole(state, call, profile);
	endAssociation(state, old);
	const association = associate(state, old.instanceId, profile, now());
	store.commit({packagesUnchanged: true});
	return {iamInstanceProfileAssociation: associationXml(state, association, 'associating')};
};

export const DisassociateIamInstanceProfile: QueryHandler = (params, call, {store}) => {
	const {state} = store;
	const associationId = requiredParameter(params, 'AssociationId');
	const existing = entry(state.associations, associationId);
	authorizeEc2(call, params, 'DisassociateIamInstanceProfile', instanceArn(state, existing?.instanceId ?? firstInstance(state).instanceId));
	const association = findAssociation(state, associationId);
	const reply = associationXml(state, association, 'disassociating');
	endAssociation(state, association);
	store.commit({packagesUnchanged: true});
	return {iamInstanceProfileAssociation: reply};
};
