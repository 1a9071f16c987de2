import {renderInk} from '../helpers/render.js';
import {expect, it} from 'vitest';
import {KeyHints} from '../../source/components/KeyHints.js';
import type {Question} from '../../source/wizard/questions.js';

const hints = (question: Question | undefined, quitting = false) => renderInk(<KeyHints question={question} quitting={quitting} />).frame();

it('says which keys work for the waiting question', () => {
	expect(hints(undefined)).toBe('q quit');
	expect(hints({kind: 'select', id: 's', message: 'm', choices: [], default: '', canGoBack: true})).toBe('↑↓ choose · Enter select · Esc back · q quit');
	expect(hints({kind: 'text', id: 't', message: 'm', default: ''})).toBe('Enter accept · Ctrl-C quit');
	expect(hints({kind: 'confirm', id: 'c', message: 'm', default: false})).toBe('y/n · Enter no · q quit');
	expect(hints(undefined, true)).toBe('stopping…');
});
