import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {summaryText} from '../../source/wizard/summary-lines.js';
import {summaryFor} from '../helpers/summary-for.js';
import {reachStep} from './journey-fixtures.js';

// At 80×24 the summary screen never draws a command (a wrapped one would not paste): it says
// they are printed below, and the text printed below the last frame has each on one line, with
// the run's profile and region and `npx ca-wizard` where none is installed.

it('at 80×24 the commands are counted on the screen and printed whole below it, with the run’s target', async () => {
	const summary = await summaryFor({kind: 'aws', profile: 'dev'}, 'npx ca-wizard');
	const wizard = renderWizard([...reachStep('summary'), {type: 'summary', summary}], {columns: 80, rows: 24});
	const frame = await wizard.waitForText('printed below');
	expect(frame).toContain('↓ 2 commands, printed below');
	expect(frame).toContain('Commands and console links are printed below the screen, ready to copy.'); // real AWS: the console links too
	expect(frame).not.toContain('npx ca-wizard exec');
	expect(wizard.height()).toBeLessThan(24);

	const below = summaryText(summary);
	expect(below).toContainEqual(
		expect.stringMatching(/^ {2}npx ca-wizard exec --workdir '.*my work' --profile dev --region eu-west-1 -- mvn -s .* -f .*pom\.xml' compile$/),
	);
	expect(below).toContainEqual(expect.stringMatching(/^ {2}eval "\$\(npx ca-wizard token --workdir '.*my work' --profile dev --region eu-west-1\)"$/));
	expect(below).toContainEqual(expect.stringMatching(/^ {2}npx ca-wizard destroy --workdir '.*my work' --profile dev --region eu-west-1$/));
	expect(below).toContainEqual(expect.stringMatching(/^ {2}aws iam delete-role --role-name ca-wizard-build-host --profile dev --region eu-west-1$/));
});
