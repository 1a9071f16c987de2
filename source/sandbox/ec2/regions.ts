import {ServiceError} from '../errors.js';
import type {QueryHandler} from '../protocols/aws-query.js';
import {xmlList} from '../protocols/xml.js';
import {authorizeEc2, matchesFilters, readFilters, readIds} from './params.js';

// DescribeRegions: the regions an account sees, with their opt-in status as EC2 reports it.

type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

// Enabled in every account.
const standard = [
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-south-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ca-central-1',
	'eu-central-1',
	'eu-north-1',
	'eu-west-1',
	'eu-west-2',
	'eu-west-3',
	'sa-east-1',
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
];

// Regions an account must opt in to (launched after March 2019).
const optIn = [
	'af-south-1',
	'ap-east-1',
	'ap-south-2',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-southeast-5',
	'ap-southeast-7',
	'ca-west-1',
	'eu-central-2',
	'eu-south-1',
	'eu-south-2',
	'il-central-1',
	'me-central-1',
	'me-south-1',
	'mx-central-1',
];

/** Every region with its status for this account: the sandbox's own region counts as opted in when it needs opting in (or is not in the lists). */
function regions(own: string): Array<{name: string; status: OptInStatus}> {
	const all = [
		...standard.map(name => ({name, status: 'opt-in-not-required' as OptInStatus})),
		...optIn.map(name => ({name, status: (name === own ? 'opted-in' : 'not-opted-in') as OptInStatus})),
	];
	if (!all.some(region => region.name === own)) all.push({name: own, status: 'opted-in'});
	return all.sort((a, b) => (a.name < b.name ? -1 : 1));
}

const regionFilters = ['endpoint', 'opt-in-status', 'region-name'] as const;

export const DescribeRegions: QueryHandler = (params, call, {store}) => {
	const names = readIds(params, 'RegionName');
	const filters = readFilters(params, regionFilters);
	const allRegions = params.get('AllRegions') === 'true';
	authorizeEc2(call, params, 'DescribeRegions', '*');
	const known = regions(store.state.region);
	const unknown = names.filter(name => !known.some(region => region.name === name));
	if (unknown.length > 0) throw new ServiceError('InvalidParameterValue', 400, `Invalid region: [${unknown.join(', ')}]`);
	const endpoint = (name: string) => `ec2.${name}.amazonaws.com`;
	// Named regions are shown whatever their status; otherwise only the enabled ones, unless AllRegions.
	const shown = known
		.filter(region => (names.length > 0 ? names.includes(region.name) : allRegions || region.status !== 'not-opted-in'))
		.filter(region =>
			matchesFilters(filters, name => [
				name === 'endpoint' ? endpoint(region.name) : undefined,
				name === 'opt-in-status' ? region.status : undefined,
				name === 'region-name' ? region.name : undefined,
			]),
		);
	return {
		regionInfo: xmlList(
			shown.map(region => ({regionName: region.name, regionEndpoint: endpoint(region.name), optInStatus: region.status})),
			'item',
		),
	};
};
