import {Text, useStdout} from 'ink';
import {useEffect, useState} from 'react';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A small spinner; a still mark when stdout is not a terminal (logs, tests), so nothing redraws for it. */
export function Spinner() {
	const {stdout} = useStdout();
	const animate = stdout.isTTY === true;
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		if (!animate) return;
		const timer = setInterval(() => setFrame(current => (current + 1) % frames.length), 80);
		return () => clearInterval(timer);
	}, [animate]);
	return <Text color="cyan">{animate ? frames[frame] : '…'}</Text>;
}
