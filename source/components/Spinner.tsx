import {Text, useStdout} from 'ink';
import {useEffect, useReducer} from 'react';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** The mark shown follows the clock: any frame drawn for another reason moves it on too. */
const stepMs = 100;
/**
 * With nothing else drawing, the spinner draws the screen itself after this long. Each of its
 * draws is the whole screen again (about 10 ms of CPU for Ink at 120×40).
 */
const idleMs = 300;

/**
 * A small spinner; a still mark when stdout is not a terminal (logs, tests), so nothing redraws for it.
 * `idle` overrides how long it waits for another frame before it draws one itself.
 */
export function Spinner({idle = idleMs}: {idle?: number}) {
	const {stdout} = useStdout();
	const animate = stdout.isTTY === true;
	const [, redraw] = useReducer((draws: number) => draws + 1, 0);
	// After every draw, whatever caused it: the wait starts again.
	useEffect(() => {
		if (!animate) return;
		const timer = setTimeout(redraw, idle);
		return () => clearTimeout(timer);
	});
	return <Text color="cyan">{animate ? frames[Math.floor(Date.now() / stepMs) % frames.length] : '…'}</Text>;
}
