/** The trust policy of a build host's role: EC2 instances may assume it. */
export const ec2Trust = JSON.stringify({
	Version: '2012-10-17',
	Statement: [{Effect: 'Allow', Principal: {Service: 'ec2.amazonaws.com'}, Action: 'sts:AssumeRole'}],
});
