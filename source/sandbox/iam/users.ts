import {ServiceError} from '../errors.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {firstInstance, type SandboxState} from '../state.js';
import {Input, paginate, rules} from './input.js';
import {listXml, noSuchEntity} from './shapes.js';
import type {XmlNode} from '../protocols/xml.js';

// IAM users: the sandbox has one, its admin (whose keys the sandbox prints). Read-only here.

function userArn(state: SandboxState): string {
	return `arn:aws:iam::${state.accountId}:user/${state.admin.userName}`;
}

function userXml(state: SandboxState): XmlNode {
	return {
		Path: '/',
		UserName: state.admin.userName,
		UserId: state.admin.userId,
		Arn: userArn(state),
		// A state written before the admin's date was recorded: the sandbox's first instance launched with it.
		CreateDate: state.admin.createDate ?? firstInstance(state).launchTime,
	};
}

/** Without UserName, the user whose credentials sign the request; a role session has none to name. */
export const GetUser: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const name = input.optional('UserName', rules.userName);
	input.done();
	const {state} = store;
	if (name === undefined && call.principal.kind !== 'admin') {
		throw new ServiceError('ValidationError', 400, 'Must specify userName when calling with non-User credentials');
	}
	const wanted = name ?? state.admin.userName;
	call.authorize('iam:GetUser', `arn:aws:iam::${state.accountId}:user/${wanted}`);
	// IAM names are unique without regard to case.
	if (wanted.toLowerCase() !== state.admin.userName.toLowerCase()) throw noSuchEntity(`The user with name ${wanted} cannot be found.`);
	return {User: userXml(state)};
};

export const ListUsers: QueryHandler = (params, call, {store}) => {
	const input = new Input(params);
	const pathPrefix = input.optional('PathPrefix', rules.pathPrefix) ?? '/';
	const paging = input.paging();
	input.done();
	const {state} = store;
	call.authorize('iam:ListUsers', `arn:aws:iam::${state.accountId}:user${pathPrefix}`);
	const users = '/'.startsWith(pathPrefix) ? [state] : [];
	const page = paginate(users, () => state.admin.userName, paging);
	return listXml('Users', page, userXml);
};
