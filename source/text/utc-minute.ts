/** A moment as the CLI prints it, to the minute: "2026-12-02 16:05 UTC". */
export function utcMinute(date: Date): string {
	return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
