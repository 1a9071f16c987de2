import type {QueryService} from '../protocols/aws-query.js';
import {stsService} from '../sts.js';

export const iamService: QueryService = {...stsService, name: 'iam', version: '2010-05-08', namespace: 'https://iam.amazonaws.com/doc/2010-05-08/', actions: {}};
