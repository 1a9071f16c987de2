/**
 * A word the shell reads back as exactly `value`: left bare when it is plainly safe, else in
 * single quotes. Every path or name put into a command for the user to paste goes through here
 * (a folder with a space would otherwise split an `rm` into two).
 */
export function shellQuote(value: string): string {
	return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
