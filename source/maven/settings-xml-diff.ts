type Operation = {kind: ' ' | '-' | '+'; line: string; beforeIndex: number; afterIndex: number};

const contextLines = 3;
/** Past this many differing lines, show the whole file as replaced rather than search on. */
const maxSearchDepth = 2000;

/**
 * A unified diff (`--- a/…`, `+++ b/…`, `@@ -l,n +l,n @@`, then ` `/`-`/`+` lines with three
 * lines of context), for showing what a write would change. Empty when nothing changes.
 * Line terminators are compared (a CRLF change shows) but not printed.
 */
export function unifiedDiff(before: string, after: string, path: string): string[] {
	if (before === after) return [];
	const operations = diffLines(splitLines(before), splitLines(after));
	const name = path.replace(/^\/+/, '');
	const output = [before === '' ? '--- /dev/null' : `--- a/${name}`, after === '' ? '+++ /dev/null' : `+++ b/${name}`];
	for (const hunk of hunks(operations)) {
		const first = hunk[0]!;
		const beforeCount = hunk.filter(operation => operation.kind !== '+').length;
		const afterCount = hunk.filter(operation => operation.kind !== '-').length;
		const beforeStart = beforeCount === 0 ? first.beforeIndex : first.beforeIndex + 1;
		const afterStart = afterCount === 0 ? first.afterIndex : first.afterIndex + 1;
		output.push(`@@ -${beforeStart},${beforeCount} +${afterStart},${afterCount} @@`);
		for (const {kind, line} of hunk) {
			output.push(kind + line.replace(/\r?\n$/, ''));
			if (!line.endsWith('\n')) output.push('\\ No newline at end of file');
		}
	}
	return output;
}

/** Lines with their terminators, so that a missing final newline is a difference. */
function splitLines(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' O(ND) shortest edit script, after trimming the common head and tail. */
function diffLines(before: string[], after: string[]): Operation[] {
	let head = 0;
	while (head < before.length && head < after.length && before[head] === after[head]) head++;
	let tail = 0;
	while (tail < before.length - head && tail < after.length - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
	const a = before.slice(head, before.length - tail);
	const b = after.slice(head, after.length - tail);

	const same = (from: number, count: number, offset: number): Operation[] =>
		before.slice(from, from + count).map((line, index) => ({kind: ' ', line, beforeIndex: from + index, afterIndex: from + index + offset}));
	const middle = shortestEdit(a, b).map(operation => ({...operation, beforeIndex: operation.beforeIndex + head, afterIndex: operation.afterIndex + head}));
	return [...same(0, head, 0), ...middle, ...same(before.length - tail, tail, after.length - before.length)];
}

function shortestEdit(a: string[], b: string[]): Operation[] {
	const n = a.length;
	const m = b.length;
	const offset = n + m + 1;
	const frontier = new Int32Array(2 * offset + 1);
	const trace: Int32Array[] = [];
	for (let depth = 0; depth <= Math.min(n + m, maxSearchDepth); depth++) {
		trace.push(frontier.slice(offset - depth - 1, offset + depth + 2));
		for (let k = -depth; k <= depth; k += 2) {
			const down = k === -depth || (k !== depth && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
			let x = down ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
			}
			frontier[offset + k] = x;
			if (x >= n && y >= m) return backtrack(a, b, trace);
		}
	}
	return [
		...a.map((line, index): Operation => ({kind: '-', line, beforeIndex: index, afterIndex: 0})),
		...b.map((line, index): Operation => ({kind: '+', line, beforeIndex: n, afterIndex: index})),
	];
}

function backtrack(a: string[], b: string[], trace: Int32Array[]): Operation[] {
	const operations: Operation[] = [];
	let x = a.length;
	let y = b.length;
	for (let depth = trace.length - 1; depth >= 0; depth--) {
		// trace[depth] holds the frontier before step `depth`, for diagonals -depth-1 … depth+1.
		const at = (k: number): number => trace[depth]![k + depth + 1]!;
		const k = x - y;
		const down = k === -depth || (k !== depth && at(k - 1) < at(k + 1));
		const previousK = down ? k + 1 : k - 1;
		const previousX = depth === 0 ? 0 : at(previousK);
		const previousY = previousX - previousK;
		while (x > previousX && y > previousY) {
			x--;
			y--;
			operations.push({kind: ' ', line: a[x]!, beforeIndex: x, afterIndex: y});
		}
		if (depth === 0) break;
		if (down) operations.push({kind: '+', line: b[--y]!, beforeIndex: x, afterIndex: y});
		else operations.push({kind: '-', line: a[--x]!, beforeIndex: x, afterIndex: y});
	}
	return operations.reverse();
}

/** Changed lines with up to three lines of context, runs closer than that merged. */
function hunks(operations: Operation[]): Operation[][] {
	const changed = operations.flatMap((operation, index) => (operation.kind === ' ' ? [] : [index]));
	const result: Operation[][] = [];
	let from = -1;
	let to = -1;
	for (const index of changed) {
		if (from >= 0 && index - contextLines <= to + contextLines) {
			to = index;
			continue;
		}
		if (from >= 0) result.push(operations.slice(Math.max(0, from - contextLines), to + contextLines + 1));
		from = index;
		to = index;
	}
	if (from >= 0) result.push(operations.slice(Math.max(0, from - contextLines), to + contextLines + 1));
	return result;
}
