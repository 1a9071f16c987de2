import type {Key} from 'ink';
import {expect, it} from 'vitest';
import {keyActions} from '../../source/components/key-actions.js';

const none: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

it('reads a run of keys one by one: erases, text, Enter, control characters dropped', () => {
	expect(keyActions('\u007F\u007F\b', none)).toEqual([{kind: 'erase'}, {kind: 'erase'}, {kind: 'erase'}]);
	expect(keyActions('libs\r', none)).toEqual([{kind: 'text', text: 'libs'}, {kind: 'enter'}]);
	expect(keyActions('a\u0000b\tc', none)).toEqual([{kind: 'text', text: 'abc'}]);
	expect(keyActions('日本', none)).toEqual([{kind: 'text', text: '日本'}]);
});

it("takes Ink's own flags for a single key", () => {
	expect(keyActions('', {...none, upArrow: true})).toEqual([{kind: 'up'}]);
	expect(keyActions('', {...none, backspace: true})).toEqual([{kind: 'erase'}]);
	expect(keyActions('\r', {...none, return: true})).toEqual([{kind: 'enter'}]);
	expect(keyActions('a', {...none, ctrl: true})).toEqual([{kind: 'home'}]);
	expect(keyActions('', {...none, escape: true})).toEqual([{kind: 'other'}]);
});
