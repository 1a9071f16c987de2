import {keys, renderWizard, waitFor, type RenderedWizard} from '../helpers/render.js';
import {expect, it} from 'vitest';
import type {WizardEvent} from '../../source/wizard/events.js';
import type {Question} from '../../source/wizard/questions.js';
import {accessEvents, createAccess, tokenEvents, tokenFix} from './journey-fixtures.js';

// The keys of the `v` view at 80×24: a burst of keys (several in one write, as over SSH or
// pasted) counts key by key, and the hints say what each key does on that screen.

const size = {columns: 80, rows: 24};
const lastLine = (wizard: RenderedWizard) => wizard.frame().trimEnd().split('\n').at(-1);
/** The first row the open view shows, from its "lines A–B of N". */
const firstShown = (wizard: RenderedWizard) => Number(/lines (\d+)–\d+ of \d+/.exec(wizard.frame())?.[1]);

/** The screen after `events`, asking `question`, with `v` open. */
async function openView(events: WizardEvent[], question: Question): Promise<RenderedWizard> {
	const wizard = renderWizard(events, size);
	void wizard.host.ask(question);
	await wizard.waitForText('v view all');
	await wizard.press('v');
	await wizard.waitForText('lines 1–');
	return wizard;
}

it('a burst of arrows scrolls a row per arrow, a burst of PgDn/PgUp a page per key', async () => {
	const wizard = await openView(accessEvents, createAccess);
	expect(lastLine(wizard)).toBe('↑↓ PgUp/PgDn scroll · v close · y/n · Enter yes · Esc back · q quit');

	await wizard.press(keys.down.repeat(3));
	await waitFor(() => expect(firstShown(wizard)).toBe(4));
	await wizard.press(keys.up.repeat(2));
	await waitFor(() => expect(firstShown(wizard)).toBe(2));

	const [from, to] = (/lines (\d+)–(\d+)/.exec(wizard.frame()) ?? []).slice(1).map(Number);
	const rows = (to ?? 0) - (from ?? 0) + 1;
	expect(rows).toBeGreaterThan(2);
	await wizard.press(keys.pageDown.repeat(2));
	await waitFor(() => expect(firstShown(wizard)).toBe(2 + 2 * (rows - 1)));
	await wizard.press(keys.pageUp.repeat(2));
	await waitFor(() => expect(firstShown(wizard)).toBe(2));
	expect(wizard.height()).toBeLessThan(size.rows);
});

it('where a list takes the arrows (the token fix), a burst of arrows moves the highlight, PgDn scrolls, and the hints say so', async () => {
	const wizard = await openView(tokenEvents, tokenFix);
	expect(lastLine(wizard)).toBe('PgUp/PgDn scroll · v close · ↑↓ choose · Enter select · q quit');

	await wizard.press(keys.down.repeat(2));
	await waitFor(() => expect(wizard.frame()).toContain('❯ Stop here'));
	expect(firstShown(wizard)).toBe(1);
	await wizard.press(keys.pageDown);
	await waitFor(() => expect(firstShown(wizard)).toBeGreaterThan(1));
	expect(wizard.height()).toBeLessThan(size.rows);
});
