import {join} from 'node:path';
import {decodeSettings} from '../../maven/settings-xml-encoding.js';
import {settingsDiff} from '../../maven/settings-xml.js';
import type {JourneyFiles} from '../journey/context.js';
import type {PlanRecorder} from '../plan.js';

/**
 * The journey's files for --dry-run: reads as usual; settings.xml and the demo project's copy
 * are planned, not written. The plan holds settings.xml's change as the settings step shows
 * it: a diff with every secret masked.
 */
export function dryRunFiles(real: JourneyFiles, plan: PlanRecorder): JourneyFiles {
	const text = (bytes: Uint8Array | undefined) => {
		const decoded = bytes === undefined ? undefined : decodeSettings(bytes);
		return decoded?.ok ? decoded.text : undefined;
	};
	return {
		...real,
		async writeSettings(path, content) {
			const before = await real.readBytes(path);
			plan.file({path, change: before === undefined ? 'create' : 'modify', lines: settingsDiff(text(before) ?? '', text(content) ?? '', path)});
			return {};
		},
		async writeText(path, text) {
			plan.file({path, change: (await real.exists(path)) ? 'modify' : 'create', lines: text.split('\n').map(line => `+${line}`)});
		},
		async prepareDemoProject(directory) {
			if (await real.exists(join(directory, 'pom.xml'))) return;
			plan.file({path: directory, change: 'copy', lines: ["ca-wizard's demo project (pom.xml and its sources)"]});
		},
	};
}
