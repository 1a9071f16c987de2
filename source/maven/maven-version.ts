// Maven's version ordering, after org.apache.maven.artifact.versioning.ComparableVersion
// (Maven 3.5–3.8, plus 3.9's `release` alias): `.` and `-` separate items, so does a switch between digits and letters;
// numbers compare numerically; qualifiers rank alpha < beta < milestone < rc < snapshot <
// '' (release) < sp < anything else (alphabetically); a `-` or a letter-digit switch opens a
// sub-list, so 1-1 < 1.1; trailing zeros and release qualifiers drop out, so 1.0 = 1-ga = 1.
// Digits are ASCII only (Java's Character.isDigit also takes other scripts' digits).
// Maven's order is not transitive in a few corners (7-alpha < 7 < 7.m, yet 7-alpha > 7.m);
// this keeps Maven's answers there rather than inventing different ones.

type Item = {type: 'int'; value: bigint} | {type: 'string'; value: string} | {type: 'list'; items: Item[]};

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = {ga: '', final: '', release: '', cr: 'rc'};
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));
const SHORT: Record<string, string> = {a: 'alpha', b: 'beta', m: 'milestone'};

/** Negative when a < b, zero when Maven treats them as the same version, positive when a > b. */
export function compareMavenVersions(a: string, b: string): number {
	return compareItems(parseVersion(a), parseVersion(b)) || 0; // never -0
}

function parseVersion(text: string): Item {
	const version = text.toLowerCase();
	const root: Item[] = [];
	const stack: Item[][] = [root];
	let list = root;
	let isDigit = false;
	let start = 0;
	const openList = (): void => {
		const items: Item[] = [];
		list.push({type: 'list', items});
		stack.push(items);
		list = items;
	};
	for (let index = 0; index < version.length; index++) {
		const character = version.charAt(index);
		if (character === '.' || character === '-') {
			list.push(index === start ? {type: 'int', value: 0n} : parseItem(isDigit, version.slice(start, index)));
			start = index + 1;
			if (character === '-') openList();
		} else if (character >= '0' && character <= '9') {
			if (!isDigit && index > start) {
				list.push(stringItem(version.slice(start, index), true));
				start = index;
				openList();
			}
			isDigit = true;
		} else {
			if (isDigit && index > start) {
				list.push(parseItem(true, version.slice(start, index)));
				start = index;
				openList();
			}
			isDigit = false;
		}
	}
	if (version.length > start) list.push(parseItem(isDigit, version.slice(start)));
	for (let items = stack.pop(); items; items = stack.pop()) normalize(items);
	return {type: 'list', items: root};
}

function parseItem(isDigit: boolean, text: string): Item {
	return isDigit ? {type: 'int', value: BigInt(text)} : stringItem(text, false);
}

function stringItem(text: string, followedByDigit: boolean): Item {
	const expanded = followedByDigit && text.length === 1 ? (SHORT[text] ?? text) : text;
	return {type: 'string', value: ALIASES[expanded] ?? expanded};
}

/** Drops trailing "null" items (0, release qualifiers, empty lists), looking past nested lists. */
function normalize(items: Item[]): void {
	for (let index = items.length - 1; index >= 0; index--) {
		const item = items[index]!;
		if (isNull(item)) items.splice(index, 1);
		else if (item.type !== 'list') break;
	}
}

function isNull(item: Item): boolean {
	if (item.type === 'int') return item.value === 0n;
	if (item.type === 'string') return comparableQualifier(item.value) === RELEASE_INDEX;
	return item.items.length === 0;
}

function comparableQualifier(qualifier: string): string {
	const index = QUALIFIERS.indexOf(qualifier);
	return index === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(index);
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** `b` undefined stands for "nothing here", as Java's null does. */
function compareItems(a: Item, b: Item | undefined): number {
	switch (a.type) {
		case 'int':
			if (!b) return a.value === 0n ? 0 : 1;
			if (b.type === 'int') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
			return 1; // 1.1 > 1-sp and 1.1 > 1-1
		case 'string':
			if (!b) return compareStrings(comparableQualifier(a.value), RELEASE_INDEX);
			if (b.type === 'string') return compareStrings(comparableQualifier(a.value), comparableQualifier(b.value));
			return -1; // 1.any < 1.1 and 1.any < 1-1
		case 'list': {
			if (!b) return a.items[0] ? compareItems(a.items[0], undefined) : 0;
			if (b.type === 'int') return -1; // 1-1 < 1.0.x
			if (b.type === 'string') return 1; // 1-1 > 1-sp
			for (let index = 0; index < Math.max(a.items.length, b.items.length); index++) {
				const left = a.items[index];
				const right = b.items[index];
				const result = left ? compareItems(left, right) : right ? -compareItems(right, undefined) : 0;
				if (result !== 0) return result;
			}
			return 0;
		}
	}
}
