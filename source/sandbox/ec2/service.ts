import type {QueryService} from '../protocols/aws-query.js';
import {stsService} from '../sts.js';

export const ec2Service: QueryService = {...stsService, name: 'ec2', version: '2016-11-15', namespace: 'http://ec2.amazonaws.com/doc/2016-11-15/', style: 'ec2Query', actions: {}};
