import {stripVTControlCharacters} from 'node:util';

export interface ArtifactCoordinates {
	groupId: string;
	artifactId: string;
	version: string;
	fileName: string;
}

export type MavenLogEvent =
	| {kind: 'downloading' | 'downloaded'; repositoryId: string; url: string; artifact?: ArtifactCoordinates; size?: string}
	| {kind: 'error'; line: string}
	| {kind: 'result'; success: boolean}
	| {kind: 'http-status'; status: number; url?: string; line: string}
	| {kind: 'other'; line: string};

const levelPrefix = /^\[(INFO|WARNING|WARN|ERROR|FATAL|DEBUG)\] ?/;
const transfer = /^(Downloading|Downloaded) from ([^:\s]+): (\S+)(?: \((.+?)(?: at [^)]*)?\))?\s*$/;
const buildResult = /^BUILD (SUCCESS|FAILURE)\s*$/;
/** How Maven's resolver and wagon report an HTTP status, newest versions first. */
const statusPatterns = [
	/status code: (\d{3})/,
	/\bReturn code is: (\d{3})/,
	/\b(\d{3}) (?:Unauthorized|Forbidden|Not Found|Proxy Authentication Required|Bad Gateway|Service Unavailable|Gateway Timeout|Internal Server Error|Too Many Requests)\b/,
	/\bstatus: (\d{3})\b/,
];

/**
 * Read one line of Maven's console output (batch mode or not, with or without ANSI colours and
 * `[INFO]`-style prefixes). Coordinates are read from a download URL when it lies under
 * `repositoryBaseUrl`, in the standard layout `group/path/artifactId/version/file`.
 */
export function parseMavenLine(line: string, repositoryBaseUrl?: string): MavenLogEvent {
	const {plain, level, message} = splitLevel(line);

	const download = transfer.exec(message);
	if (download) {
		const [, verb, repositoryId, url, size] = download;
		const artifact = repositoryBaseUrl === undefined ? undefined : artifactFromUrl(url!, repositoryBaseUrl);
		return {
			kind: verb === 'Downloading' ? 'downloading' : 'downloaded',
			repositoryId: repositoryId!,
			url: url!,
			...(artifact && {artifact}),
			...(size !== undefined && {size}),
		};
	}
	const result = buildResult.exec(message);
	if (result) return {kind: 'result', success: result[1] === 'SUCCESS'};
	if (level === 'ERROR' || level === 'FATAL' || level === 'WARNING' || level === 'WARN') {
		const status = httpStatus(message);
		if (status !== undefined) {
			// The last URL is the file that failed; earlier ones name the repository.
			const url = message.match(/\bhttps?:\/\/[^\s),]+/g)?.at(-1);
			return {kind: 'http-status', status, ...(url !== undefined && {url}), line: message};
		}
	}
	if (level === 'ERROR' || level === 'FATAL') return {kind: 'error', line: message};
	return {kind: 'other', line: plain};
}

/**
 * The first `count` distinct `[ERROR]` and `[FATAL]` lines, without their prefix: the ones that
 * say what went wrong, not Maven's advice about -e, -X and help pages.
 */
export function firstErrorLines(lines: string[], count = 5): string[] {
	const found = new Set<string>();
	for (const line of lines) {
		if (found.size >= count) break;
		const {level, message} = splitLevel(line);
		const text = message.replace(/\s*-> \[Help \d+\]\s*$/, '').trim();
		if ((level === 'ERROR' || level === 'FATAL') && text !== '' && !isBoilerplate(text)) found.add(text);
	}
	return [...found];
}

/** Colours off, then the level of `[ERROR] …` (Maven sometimes doubles it: `[ERROR] [ERROR] …`). */
function splitLevel(line: string): {plain: string; level?: string; message: string} {
	// Batch mode prints no colours: the escape-sequence pattern runs only on a line that has an escape.
	const plain = (line.includes('\u001b') || line.includes('\u009b') ? stripVTControlCharacters(line) : line).replace(/\r?\n$/, '');
	let level: string | undefined;
	let message = plain;
	for (let match = levelPrefix.exec(message); match; match = levelPrefix.exec(message)) {
		level ??= match[1];
		message = message.slice(match[0].length);
	}
	return {plain, ...(level !== undefined && {level}), message};
}

function isBoilerplate(text: string): boolean {
	return /^(To see the full stack trace|Re-run Maven using|For more information about the errors|\[Help \d+\]|-> \[Help \d+\]$)/.test(text);
}

function httpStatus(message: string): number | undefined {
	for (const pattern of statusPatterns) {
		const status = Number(pattern.exec(message)?.[1]);
		if (status >= 100 && status <= 599) return status;
	}
	return undefined;
}

/** `…/org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.pom` → coordinates. */
export function artifactFromUrl(url: string, repositoryBaseUrl: string): ArtifactCoordinates | undefined {
	const base = repositoryBaseUrl.endsWith('/') ? repositoryBaseUrl : `${repositoryBaseUrl}/`;
	if (!url.startsWith(base)) return undefined;
	let segments: string[];
	try {
		segments = url
			.slice(base.length)
			.split(/[?#]/)[0]!
			.split('/')
			.map(segment => decodeURIComponent(segment));
	} catch {
		return undefined;
	}
	if (segments.length < 4 || segments.includes('')) return undefined;
	const fileName = segments.at(-1)!;
	const version = segments.at(-2)!;
	const artifactId = segments.at(-3)!;
	if (!fileName.startsWith(`${artifactId}-${version.replace(/-SNAPSHOT$/, '-')}`)) return undefined;
	return {groupId: segments.slice(0, -3).join('.'), artifactId, version, fileName};
}
