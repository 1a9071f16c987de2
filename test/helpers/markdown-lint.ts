import {lint} from 'markdownlint/promise';

/**
 * markdownlint's findings on a write-up, with its default rules but one: MD013 (lines of 80
 * characters at most) is off, since a table row of ARNs, a policy statement on its line or a
 * settings.xml URL cannot be wrapped without breaking it.
 */
export async function markdownProblems(markdown: string): Promise<string[]> {
	const results = await lint({strings: {report: markdown}, config: {default: true, MD013: false}});
	return (
		results['report']?.map(problem => `${problem.lineNumber}: ${problem.ruleNames.join('/')} ${problem.ruleDescription} [${problem.errorContext ?? ''}]`) ?? []
	);
}
