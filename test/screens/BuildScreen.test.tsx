import {renderWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import type {PackageRow, WizardEvent} from '../../source/wizard/events.js';
import {buildScreenReserve} from '../../source/screens/BuildScreen.js';

function download(index: number): WizardEvent {
	const row: PackageRow = {name: `artifact-${index}`, namespace: 'org.example', format: 'maven', latestVersion: `1.${index}`, publish: '', upstream: '', state: 'seen'};
	return {type: 'package', row};
}

it("shows Maven's last lines and the packages that fit the terminal, newest first", async () => {
	const wizard = renderWizard([
		{type: 'step', step: 'build', status: 'active'},
		{type: 'progress', step: 'build', message: 'mvn compile…'},
		...Array.from({length: 30}, (_, index): WizardEvent => ({type: 'maven-output', line: `[INFO] Downloaded artifact-${index}`})),
		...Array.from({length: 20}, (_, index) => download(index)),
	]);
	wizard.store.dispatch({type: 'resize', columns: 100, rows: buildScreenReserve + 5});
	const frame = await wizard.waitForText('… 16 more');
	expect(frame).toContain('mvn compile now fetches every dependency');
	expect(frame).toContain('Maven output (30 lines)');
	expect(frame).toContain('│ [INFO] Downloaded artifact-29');
	expect(frame).not.toContain('│ [INFO] Downloaded artifact-25');
	expect(frame).toContain('Packages (20)');
	const names = [...frame.matchAll(/^(artifact-\d+)\s/gm)].map(match => match[1]);
	expect(names).toEqual(['artifact-19', 'artifact-18', 'artifact-17', 'artifact-16']);
	wizard.store.dispatch({type: 'resize', columns: 100, rows: buildScreenReserve + 10});
	await wizard.waitForText('… 11 more');
});
