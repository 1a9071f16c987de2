/** `ca-wizard --version` (or -v) as the first argument: answered before any command is loaded. */
export function asksVersionFirst(argv: readonly string[]): boolean {
	return argv[0] === '--version' || argv[0] === '-v';
}
