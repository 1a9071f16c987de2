import {XMLParser} from 'fast-xml-parser';
import type {AssetRecord, PackageVersionRecord} from '../state.js';

// What CodeArtifact reads from a Maven version's POM: the details DescribePackageVersion shows
// (<name>, <description>, <url>, <scm><url>, <licenses>) and the dependencies
// ListPackageVersionDependencies lists (<parent> too, as dependencyType "parent"). Values are
// taken as written: properties such as ${project.version} are not interpolated.

export interface PomDependency {
	namespace: string;
	package: string;
	dependencyType: string;
	versionRequirement?: string;
}

export interface PomDetails {
	displayName?: string;
	summary?: string;
	homePage?: string;
	sourceCodeRepository?: string;
	licenses: {name?: string; url?: string}[];
	dependencies: PomDependency[];
}

// Lists are always arrays, so one <license> reads like several; nothing is parsed as a number.
const parser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: true,
	processEntities: true,
	htmlEntities: true, // numeric character references (&#169;) as well
	isArray: (_name, jpath) => jpath === 'project.licenses.license' || jpath === 'project.dependencies.dependency',
});

type Node = Record<string, unknown>;
const node = (value: unknown): Node => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node) : []);

/** The version's POM: `artifactId-version.pom`, else the newest .pom asset (a SNAPSHOT's timestamped one). */
export function pomAsset(artifactId: string, version: PackageVersionRecord): AssetRecord | undefined {
	const poms = version.assets.filter(a => a.name.endsWith('.pom'));
	return poms.find(a => a.name === `${artifactId}-${version.version}.pom`) ?? poms.sort((a, b) => (a.name < b.name ? -1 : 1)).at(-1);
}

/** Undefined for bytes that are not a POM (not XML, or no <project>). */
export function readPom(bytes: Buffer): PomDetails | undefined {
	let parsed: unknown;
	try {
		parsed = parser.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
	const project = node(node(parsed).project);
	if (Object.keys(project).length === 0) return undefined;
	const parent = dependencyOf(node(project.parent), 'parent');
	const dependencies = list(node(project.dependencies).dependency).flatMap(d => dependencyOf(d, text(d.scope) ?? 'compile') ?? []);
	return {
		...optional('displayName', text(project.name)),
		...optional('summary', text(project.description)),
		...optional('homePage', text(project.url)),
		...optional('sourceCodeRepository', text(node(project.scm).url)),
		licenses: list(node(project.licenses).license).map(l => ({...optional('name', text(l.name)), ...optional('url', text(l.url))})),
		dependencies: [...(parent ? [parent] : []), ...dependencies],
	};
}

function dependencyOf(element: Node, dependencyType: string): PomDependency | undefined {
	const namespace = text(element.groupId);
	const name = text(element.artifactId);
	return namespace && name ? {namespace, package: name, dependencyType, ...optional('versionRequirement', text(element.version))} : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): {[P in K]?: string} {
	return (value === undefined ? {} : {[key]: value}) as {[P in K]?: string};
}
