// What a dry run (--dry-run) would have done: every AWS call that changes something, in the
// order the journey would make it, and every file it would write, as a diff. Pure data: the
// summary screen, the plain lines and the final --json event all render this one plan.

/** A mutating AWS call the run did not make: the service, the operation as AWS names it, and its key parameters. */
export interface PlannedCall {
	service: 'codeartifact' | 'iam' | 'ec2';
	operation: string;
	parameters: Record<string, string>;
}

/** A file the run did not write: its diff (secrets masked, as the settings step shows it), or what would be copied there. */
export interface PlannedFile {
	path: string;
	change: 'create' | 'modify' | 'copy';
	/** The diff's lines; for a copy, what would be copied. */
	lines: string[];
}

export interface Plan {
	calls: PlannedCall[];
	files: PlannedFile[];
	/** The dry run stopped before its end (a problem, a declined step, q): the plan covers the steps before. */
	stopped?: true;
}

/** Collects the plan while the journey walks on; the dry-run AWS and file adapters write to it. */
export class PlanRecorder {
	private readonly calls: PlannedCall[] = [];
	private readonly files: PlannedFile[] = [];

	call(call: PlannedCall): void {
		this.calls.push({...call, parameters: {...call.parameters}});
	}

	file(file: PlannedFile): void {
		// The same file written twice (a step run again) is one change: the last one.
		const index = this.files.findIndex(existing => existing.path === file.path);
		if (index === -1) this.files.push(file);
		else this.files[index] = file;
	}

	get plan(): Plan {
		return {calls: this.calls.map(call => ({...call, parameters: {...call.parameters}})), files: this.files.map(file => ({...file, lines: [...file.lines]}))};
	}
}

/** A heading (wraps), a planned call or file (a row each), or a line of a diff. */
export interface PlanLine {
	kind: 'heading' | 'item' | 'diff';
	text: string;
}

/** The plan in words: calls numbered in order, then each file with its diff. */
export function planLines({calls, files, stopped}: Plan): PlanLine[] {
	const lines: PlanLine[] = [{kind: 'heading', text: `Dry run${stopped ? ', stopped before its end' : ''}: nothing was created, changed or written.`}];
	if (calls.length === 0 && files.length === 0) {
		lines.push({kind: 'item', text: stopped ? 'Nothing was planned before it stopped.' : 'Nothing to do: everything is in place already.'});
		return lines;
	}
	lines.push({kind: 'heading', text: calls.length > 0 ? `AWS calls a run would make (${calls.length}, in order):` : 'AWS calls a run would make: none.'});
	calls.forEach((call, index) => lines.push({kind: 'item', text: `${index + 1}. ${callText(call)}`}));
	for (const file of files) {
		lines.push({
			kind: 'heading',
			text: `${file.change === 'copy' ? 'Would copy into' : file.change === 'create' ? 'Would create' : 'Would change'} ${file.path}:`,
		});
		lines.push(...file.lines.map(text => ({kind: 'diff' as const, text})));
	}
	return lines;
}

/** `codeartifact CreateDomain domain=acme`: what a reader would look up in AWS's API reference. */
export function callText({service, operation, parameters}: PlannedCall): string {
	const shown = Object.entries(parameters).map(([key, value]) => `${key}=${value}`);
	return [`${service} ${operation}`, ...shown].join(' ');
}

/** The plan as plain text lines: headings as they are, the rest indented. */
export function planText(plan: Plan): string[] {
	return planLines(plan).map(line => (line.kind === 'heading' ? line.text : `  ${line.text}`));
}
