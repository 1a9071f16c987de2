import {expect, it} from 'vitest';
import {keepPublishStatement, publishStatement, publishStatementSid} from '../../source/wizard/journey/host-publish.js';

const read = {
	Sid: 'ReadRepositories',
	Effect: 'Allow',
	Action: ['codeartifact:ReadFromRepository'],
	Resource: 'arn:aws:codeartifact:us-east-1:111122223333:repository/d/a',
};
const readMore = {
	...read,
	Resource: ['arn:aws:codeartifact:us-east-1:111122223333:repository/d/a', 'arn:aws:codeartifact:us-east-1:111122223333:repository/d/b'],
};
const publish = publishStatement({region: 'us-east-1', owner: '111122223333', domain: 'd', repository: 'a'});
const text = (...statements: object[]) => JSON.stringify({Version: '2012-10-17', Statement: statements}, null, 2);

it('a new version of our policy keeps the publish statement the user asked for, once', () => {
	const next = JSON.parse(keepPublishStatement(text(read, publish), text(readMore))) as {Statement: {Sid?: string}[]};
	expect(next.Statement).toEqual([readMore, publish]);
	expect(next.Statement.filter(statement => statement.Sid === publishStatementSid)).toHaveLength(1);
});

it('without one, the new version is the template as it is (no publish right appears unasked)', () => {
	expect(keepPublishStatement(text(read), text(readMore))).toBe(text(readMore));
});
