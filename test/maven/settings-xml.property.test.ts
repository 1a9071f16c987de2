import fc from 'fast-check';
import {XMLParser} from 'fast-xml-parser';
import {describe, expect, test} from 'vitest';
import {applyEdits, planSettingsEdits} from '../../source/maven/settings-xml-edits.js';
import {mergeSettings, settingsDiff, type CodeArtifactSettings} from '../../source/maven/settings-xml.js';

const ours: CodeArtifactSettings = {id: 'codeartifact', url: 'https://demo-123456789012.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/'};
const oldUrl = 'https://old-111111111111.d.codeartifact.eu-west-1.amazonaws.com/maven/old/';

// A generated settings document: a tree rendered by the test itself, in a random style.
type Node =
	| {kind: 'comment'; text: string}
	| {kind: 'leaf'; name: string; value: string}
	| {kind: 'branch'; name: string; children: Node[]; inline: boolean; ours: boolean; gap: number};
interface Document {
	text: string;
	others: string[];
	oursCount: number;
}

const leaf = (name: string, value: string): Node => ({kind: 'leaf', name, value});
const branch = (name: string, children: Node[], options: {inline?: boolean; ours?: boolean; gap?: number} = {}): Node => ({
	kind: 'branch',
	name,
	children,
	inline: options.inline ?? false,
	ours: options.ours ?? false,
	gap: options.gap ?? 0,
});

// Ids that look like ours but are not, values with entities, CDATA and non-ASCII text.
const otherId = fc.constantFrom('nexus', 'internal', 'CodeArtifact', 'codeartifact-old', 'codeartifact2', 'corp');
const value = fc.constantFrom('plain', 'p&amp;ss&#x21;', '&lt;tag&gt;', '<![CDATA[a<b&c]]>', '${env.HOME}', 'ünïcødé ✓', '');
const comment = fc.constantFrom(' note ', ' <server><id>codeartifact</id></server> ', '', '\n  multi\n  line\n').map((text): Node => ({kind: 'comment', text}));
const layout = fc.record({inline: fc.boolean(), gap: fc.nat(2)});

const otherServer = fc
	.tuple(otherId, value, layout)
	.map(([id, password, options]) => branch('server', [leaf('id', id), leaf('username', 'u'), leaf('password', password)], options));
const otherMirror = fc
	.tuple(otherId, fc.constantFrom('*', 'central', 'external:*', 'repo1,repo2', '*,!repo1'), layout)
	.map(([id, mirrorOf, options]) =>
		branch('mirror', [leaf('id', id), leaf('url', 'https://corp.example/m2/?a=1&amp;b=2'), leaf('mirrorOf', mirrorOf)], options),
	);
// Someone else's profile may well hold a repository with our id: it is not ours.
const otherProfile = fc
	.tuple(otherId, fc.constantFrom('codeartifact', 'other'), layout)
	.map(([id, repositoryId, options]) =>
		branch('profile', [leaf('id', id), branch('repositories', [branch('repository', [leaf('id', repositoryId), leaf('url', 'https://x/')])])], options),
	);
const otherActiveProfile = otherId.map(id => leaf('activeProfile', id));

const ourItems = (url: string, idText: string): Record<string, Node> => ({
	// What ca-wizard writes (the aws user and the token variable): anything else is someone else's.
	servers: branch('server', [leaf('id', idText), leaf('username', 'aws'), leaf('password', '${env.CODEARTIFACT_AUTH_TOKEN}')], {ours: true}),
	mirrors: branch('mirror', [leaf('id', idText), leaf('url', url), leaf('mirrorOf', '*')], {ours: true, inline: true}),
	profiles: branch('profile', [leaf('id', idText), branch('repositories', [branch('repository', [leaf('id', 'codeartifact'), leaf('url', url)])])], {
		ours: true,
	}),
	activeProfiles: leaf('activeProfile', idText),
});

const list = (name: string, item: fc.Arbitrary<Node>) =>
	fc.record({
		name: fc.constant(name),
		items: fc.array(fc.oneof({weight: 4, arbitrary: item}, {weight: 1, arbitrary: comment}), {maxLength: 3}),
		options: layout,
		withOurs: fc.boolean(),
		at: fc.nat(),
	});

const documentModel = fc.record({
	style: fc.record({newline: fc.constantFrom('\n', '\r\n'), unit: fc.constantFrom('  ', '    ', '\t')}),
	declaration: fc.boolean(),
	namespace: fc.boolean(),
	prolog: fc.option(comment, {nil: undefined}),
	lists: fc
		.tuple(list('servers', otherServer), list('mirrors', otherMirror), list('profiles', otherProfile), list('activeProfiles', otherActiveProfile))
		.chain(all => fc.shuffledSubarray(all)),
	// Maven reads each of these once: a second one is a file it refuses (and so do we).
	extras: fc
		.tuple(fc.array(comment, {maxLength: 2}), fc.boolean(), fc.boolean())
		.map(([comments, local, groups]) => [
			...comments,
			...(local ? [leaf('localRepository', '/data/m2')] : []),
			...(groups ? [branch('pluginGroups', [leaf('pluginGroup', 'org.x')])] : []),
		]),
	idText: fc.constantFrom('codeartifact', ' codeartifact ', '\n codeartifact\n'),
	trailing: fc.constantFrom('', '\n', '\n\n'),
});
type Model = typeof documentModel extends fc.Arbitrary<infer T> ? T : never;

const listNames = new Set(['servers', 'mirrors', 'profiles', 'activeProfiles']);

function renderDocument(model: Model, withOurs: boolean): Document {
	const {style} = model;
	const others: string[] = [];
	let oursCount = 0;
	const oursByList = ourItems(oldUrl, model.idText);
	const children: Node[] = model.lists.map(({name, items, options, withOurs: include, at}) => {
		const all: Node[] = [...items];
		if (withOurs && include) {
			all.splice(at % (all.length + 1), 0, oursByList[name]!);
			oursCount++;
		}
		return branch(name, all, options);
	});
	children.splice(1, 0, ...model.extras);

	// `track`: record this node's text, unless it is ours (lists themselves change, so they are not recorded).
	const render = (node: Node, indent: string, track: boolean): string => {
		const childTrack = (child: Node): boolean =>
			node.kind === 'branch' && (listNames.has(node.name) || (node.name === 'settings' && !(child.kind === 'branch' && listNames.has(child.name))));
		let text: string;
		if (node.kind === 'comment') text = `<!--${node.text}-->`;
		else if (node.kind === 'leaf') text = `<${node.name}>${node.value}</${node.name}>`;
		else if (node.children.length === 0) text = node.inline ? `<${node.name}></${node.name}>` : `<${node.name}/>`;
		else if (node.inline) text = `<${node.name}>${node.children.map(child => render(child, indent, childTrack(child))).join('')}</${node.name}>`;
		else {
			const inner = indent + style.unit;
			const gap = style.newline.repeat(1 + node.gap);
			text = `<${node.name}>${node.children.map(child => gap + inner + render(child, inner, childTrack(child))).join('')}${style.newline}${indent}</${node.name}>`;
		}
		const isOurs = node.kind === 'branch' ? node.ours : node.kind === 'leaf' && node.name === 'activeProfile' && node.value === model.idText;
		if (track && !isOurs) others.push(text);
		return text;
	};
	const namespace = model.namespace ? ' xmlns="http://maven.apache.org/SETTINGS/1.0.0"' : '';
	const root = render(branch('settings', children), '', false).replace('<settings>', `<settings${namespace}>`);
	const prolog =
		(model.declaration ? `<?xml version="1.0" encoding="UTF-8"?>${style.newline}` : '') +
		(model.prolog && model.prolog.kind === 'comment' ? `<!--${model.prolog.text}-->${style.newline}` : '');
	return {text: prolog + root + model.trailing.replaceAll('\n', style.newline), others, oursCount};
}

const documents = (withOurs: boolean) => documentModel.map(model => renderDocument(model, withOurs));

function read(text: string): Record<string, any> {
	const parser = new XMLParser({ignoreAttributes: true, parseTagValue: false, isArray: () => true});
	return parser.parse(text).settings[0];
}

const idsIn = (document: Record<string, any>, list: string, item: string): string[] =>
	(document[list] ?? [])
		.flatMap((container: any) => (typeof container === 'object' ? (container[item] ?? []) : []))
		.map((entry: any) => String(entry.id?.[0] ?? '').trim());

describe('mergeSettings on generated settings files', () => {
	test('without our elements: only insertions, and taking them out gives back the input', () => {
		fc.assert(
			fc.property(documents(false), ({text}) => {
				const plan = planSettingsEdits(text, ours);
				if (!plan.ok) throw new Error(plan.message);
				const result = mergeSettings(text, ours);
				expect(result.ok && result.text).toBe(applyEdits(text, plan.edits));
				// The only bytes replaced are the "/>" of a self-closing list that now has content.
				for (const edit of plan.edits) expect(['', '/>']).toContain(text.slice(edit.start, edit.end));
				let rebuilt = '';
				let cursor = 0;
				const output = applyEdits(text, plan.edits);
				let shift = 0;
				for (const edit of [...plan.edits].sort((a, b) => a.start - b.start)) {
					rebuilt += output.slice(cursor, edit.start + shift) + text.slice(edit.start, edit.end);
					cursor = edit.start + shift + edit.text.length;
					shift += edit.text.length - (edit.end - edit.start);
				}
				expect(rebuilt + output.slice(cursor)).toBe(text);
			}),
			{numRuns: 300},
		);
	});

	test('every element that is not ours keeps its exact text; ours is there once, up to date', () => {
		fc.assert(
			fc.property(fc.boolean().chain(documents), ({text, others}) => {
				const result = mergeSettings(text, ours);
				if (!result.ok) throw new Error(result.message);
				for (const other of others) expect(result.text).toContain(other);
				expect(result.text).not.toContain(oldUrl);

				const before = read(text);
				const after = read(result.text);
				for (const [list, item] of [
					['servers', 'server'],
					['mirrors', 'mirror'],
					['profiles', 'profile'],
				] as const) {
					const otherIds = idsIn(before, list, item).filter(id => id !== ours.id);
					expect(idsIn(after, list, item).sort()).toEqual([...otherIds, ours.id].sort());
				}
				const ourServer = after['servers'].flatMap((container: any) => container.server ?? []).find((server: any) => server.id[0] === ours.id);
				expect(ourServer).toEqual({
					id: [ours.id],
					username: ['aws'],
					password: ['${env.CODEARTIFACT_AUTH_TOKEN}'],
					configuration: [{httpConfiguration: [{all: [{usePreemptive: ['true']}]}]}],
				});
				const activeProfiles = after['activeProfiles'].flatMap((container: any) => container.activeProfile ?? []).map((id: unknown) => String(id).trim());
				expect(activeProfiles).toContain(ours.id);
			}),
			{numRuns: 300},
		);
	});

	test('only our elements are replaced, and line endings stay as they were', () => {
		fc.assert(
			fc.property(documents(true), ({text}) => {
				const plan = planSettingsEdits(text, ours);
				if (!plan.ok) throw new Error(plan.message);
				for (const edit of plan.edits) {
					const replaced = text.slice(edit.start, edit.end);
					if (replaced === '' || replaced === '/>') continue;
					expect(replaced).toMatch(/^<(server|mirror|profile|activeProfile)>/);
					expect(replaced).toMatch(/<id>\s*codeartifact\s*<\/id>|^<activeProfile>\s*codeartifact\s*</);
				}
				const output = applyEdits(text, plan.edits);
				if (text.includes('\r\n') && !text.replaceAll('\r\n', '').includes('\n')) expect(output.replaceAll('\r\n', '')).not.toContain('\n');
			}),
			{numRuns: 300},
		);
	});

	test('merging is idempotent', () => {
		fc.assert(
			fc.property(fc.boolean().chain(documents), ({text}) => {
				const once = mergeSettings(text, ours);
				if (!once.ok) throw new Error(once.message);
				expect(mergeSettings(once.text, ours)).toEqual({...once, changed: false});
			}),
			{numRuns: 300},
		);
	});

	test('the diff never shows a password: only ********, our placeholder or nothing', () => {
		fc.assert(
			fc.property(fc.boolean().chain(documents), ({text}) => {
				const result = mergeSettings(text, ours);
				if (!result.ok) throw new Error(result.message);
				const shown = settingsDiff(text, result.text, 'settings.xml').join('\n');
				for (const [, content] of shown.matchAll(/<password>([\s\S]*?)<\/password>/g))
					expect(['********', '${env.CODEARTIFACT_AUTH_TOKEN}', '']).toContain(content);
			}),
			{numRuns: 300},
		);
	});

	test('a malformed file is always refused, with a position inside it', () => {
		const mutations: Array<(text: string, at: number) => string> = [
			// Cut anywhere inside <settings>…</settings>.
			(text, at) => {
				const start = text.indexOf('<settings') + 1;
				const end = text.lastIndexOf('</settings>') + '</settings'.length;
				return text.slice(0, start + (at % (end - start)));
			},
			text => text.replace(/<\/settings>(?![\s\S]*<\/settings>)/, '</setting>'),
			text => text.replace(/<settings( xmlns="[^"]*")?>/, match => `${match}& `),
			text => text.replace(/<settings( xmlns="[^"]*")?>/, match => `${match}<servers>`),
			text => text.replace(/<settings( xmlns="[^"]*")?>/, match => `${match}<!-- a -- b -->`),
			text => text.replace('<settings', '<settings a="1" a="2"'),
			text => `${text}<settings/>`,
			text => text.replace('<settings', '<project').replace(/<\/settings>(?![\s\S]*<\/settings>)/, '</project>'),
		];
		fc.assert(
			fc.property(fc.boolean().chain(documents), fc.nat(mutations.length - 1), fc.nat(), ({text}, which, at) => {
				const broken = mutations[which]!(text.replace(/<settings([^>]*)\/>/, '<settings$1></settings>'), at);
				const result = mergeSettings(broken, ours);
				expect(result.ok).toBe(false);
				if (result.ok) return;
				expect(result.line).toBeGreaterThanOrEqual(1);
				expect(result.line).toBeLessThanOrEqual(broken.split(/\r\n|\r|\n/).length);
				expect(result.column).toBeGreaterThanOrEqual(1);
				expect(result.message).not.toBe('');
			}),
			{numRuns: 500},
		);
	});
});
