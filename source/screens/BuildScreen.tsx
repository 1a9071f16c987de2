import {detailParts} from '../components/detail-rows.js';
import {MavenTail} from '../components/MavenTail.js';
import {PackageTable} from '../components/PackageTable.js';
import type {Part} from '../components/Rows.js';
import type {Screen} from './screen.js';

/** Maven's lines shown at most, and at least while rows are short. */
const mavenLines = {most: 4, least: 2};
/** Package rows shown at least, whatever the terminal. */
const leastPackages = 3;

/** Maven's latest lines, and the repository filling up with packages: the table gets the rows. */
export const buildScreen: Screen = (state, columns) => {
	const view = state.steps.build;
	const {tail, total} = state.maven;
	const parts: Part[] = [...detailParts(view.facts, view.resources, columns)];
	if (total > 0) {
		parts.push({
			min: 1 + Math.min(mavenLines.least, tail.length),
			want: 1 + Math.min(mavenLines.most, tail.length),
			priority: 2,
			render: rows => <MavenTail tail={tail} total={total} lines={rows - 1} />,
		});
	}
	// The count and the header, then a row per package (or the line that says there are none yet).
	const packageRows = Math.max(1, state.packages.length);
	parts.push({
		min: 2 + Math.min(leastPackages, packageRows),
		want: 2 + packageRows,
		priority: 1,
		render: rows => <PackageTable rows={state.packages} capacity={rows - 2} columns={columns} total={state.packageCount} />,
	});
	return {parts};
};
