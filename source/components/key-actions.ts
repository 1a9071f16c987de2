// What one input event means for a field or a list. Ink splits what arrives at once into escape
// sequences (arrows, Esc) and runs of everything else: a burst of Backspaces, or text pasted with
// its Enter, arrives as one run ("\x7f\x7f\x7f", "libs\r"), which Ink's key flags do not describe.
// Read here key by key, each is applied in order — as the person pressed them.

import type {Key} from 'ink';

export type KeyAction =
	| {kind: 'text'; text: string}
	| {kind: 'erase'}
	| {kind: 'enter'}
	| {kind: 'left'}
	| {kind: 'right'}
	| {kind: 'up'}
	| {kind: 'down'}
	| {kind: 'page-up'}
	| {kind: 'page-down'}
	| {kind: 'home'}
	| {kind: 'end'}
	| {kind: 'other'};

/** Backspace is DEL (0x7f) on most terminals, BS (0x08) on some; either erases the character before the cursor. */
const erase = new Set(['\u007F', '\b']);

export function keyActions(input: string, key: Key): KeyAction[] {
	if (key.upArrow) return [{kind: 'up'}];
	if (key.downArrow) return [{kind: 'down'}];
	if (key.pageUp) return [{kind: 'page-up'}];
	if (key.pageDown) return [{kind: 'page-down'}];
	if (key.leftArrow) return [{kind: 'left'}];
	if (key.rightArrow) return [{kind: 'right'}];
	if (key.home || (key.ctrl && input === 'a')) return [{kind: 'home'}];
	if (key.end || (key.ctrl && input === 'e')) return [{kind: 'end'}];
	if (key.return) return [{kind: 'enter'}];
	if (key.backspace || key.delete) return [{kind: 'erase'}];
	if (key.escape || key.ctrl || key.meta || key.tab) return [{kind: 'other'}];
	const actions: KeyAction[] = [];
	for (const character of input) {
		const last = actions.at(-1);
		if (erase.has(character)) actions.push({kind: 'erase'});
		else if (character === '\r' || character === '\n') actions.push({kind: 'enter'});
		// Other control characters (a stray Tab or NUL in pasted text) are not part of a name.
		else if (/\p{Cc}/u.test(character)) continue;
		else if (last?.kind === 'text') last.text += character;
		else actions.push({kind: 'text', text: character});
	}
	return actions;
}
