import {renderInk} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {KeyHints, type KeyHintsProps} from '../../source/components/KeyHints.js';
import type {Question} from '../../source/wizard/questions.js';

const running: Omit<KeyHintsProps, 'question'> = {typing: false, quitting: false, finished: undefined, fullText: 'none'};
const hints = (question: Question | undefined, more: Partial<KeyHintsProps> = {}) => renderInk(<KeyHints question={question} {...running} {...more} />).frame();
const select: Question = {
	kind: 'select',
	id: 's',
	message: 'm',
	choices: [{value: 'a', label: 'a'}],
	default: 'a',
	canGoBack: true,
	custom: {label: 'New…', default: 'n', validate: () => undefined},
};
const confirm: Question = {kind: 'confirm', id: 'c', message: 'm', default: false};

it('says which keys work for the waiting question', () => {
	expect(hints(undefined)).toBe('q quit');
	expect(hints(select)).toBe('↑↓ choose · Enter select · Esc back · q quit');
	expect(hints({kind: 'text', id: 't', message: 'm', default: ''})).toBe('Enter accept · Ctrl-C quit');
	expect(hints(confirm)).toBe('y/n · Enter no · q quit');
	expect(hints(undefined, {quitting: true})).toBe('stopping…');
});

it('while a name is typed, q is a letter: only Enter, Esc and Ctrl-C', () => {
	expect(hints(select, {typing: true})).toBe('Enter accept · Esc back · Ctrl-C quit');
	expect(hints({...select, choices: [], canGoBack: false}, {typing: true})).toBe('Enter accept · Ctrl-C quit');
});

it('offers v when the long text is cut, and scrolling while it is open', () => {
	expect(hints(confirm, {fullText: 'cut'})).toBe('y/n · Enter no · v view all · q quit');
	expect(hints(confirm, {fullText: 'open'})).toBe('↑↓ PgUp/PgDn scroll · v close · y/n · Enter no · q quit');
	expect(hints(undefined, {fullText: 'open'})).toBe('↑↓ PgUp/PgDn scroll · v close · q quit');
	// A list keeps the arrows: PgUp/PgDn scroll, as everywhere.
	expect(hints(select, {fullText: 'open'})).toBe('PgUp/PgDn scroll · v close · ↑↓ choose · Enter select · Esc back · q quit');
	expect(
		hints({kind: 'multiselect', id: 'm', message: 'm', choices: [{value: 'a', label: 'a'}], default: '', validate: () => undefined}, {fullText: 'open'}),
	).toBe('PgUp/PgDn scroll · v close · ↑↓ choose · Space pick · Enter accept · q quit');
});

it('once the run is over, no key hints: how it ended', () => {
	expect(hints(undefined, {finished: 'completed'})).toBe('');
	expect(hints(undefined, {quitting: true, finished: 'cancelled', left: 'created'})).toBe(
		'Stopped. What was created is kept; below: how to resume or undo it.',
	);
	expect(hints(undefined, {quitting: true, finished: 'cancelled', left: 'nothing'})).toBe('Stopped. Nothing was created; below: how to resume.');
	expect(hints(undefined, {finished: 'stopped', problem: 'below'})).toBe('Stopped at the problem below.');
	expect(hints(undefined, {finished: 'stopped'})).not.toContain('quit');
});
