import {describe, expect, it} from 'vitest';
import {createViewStore, type FrameTimers} from '../../source/host/view-store.js';
import type {PackageRow} from '../../source/wizard/events.js';

/** Timers that fire only when the test moves the clock on. */
class FakeTimers implements FrameTimers {
	private now = 0;
	private next = 0;
	private readonly due = new Map<number, {at: number; callback: () => void}>();

	setTimeout(callback: () => void, ms: number): unknown {
		const handle = ++this.next;
		this.due.set(handle, {at: this.now + ms, callback});
		return handle;
	}

	clearTimeout(handle: unknown): void {
		this.due.delete(handle as number);
	}

	get waiting(): number {
		return this.due.size;
	}

	advance(ms: number): void {
		this.now += ms;
		for (const [handle, timer] of [...this.due]) {
			// A timer an earlier callback cleared does not fire, as with the real ones.
			if (timer.at > this.now || !this.due.has(handle)) continue;
			this.due.delete(handle);
			timer.callback();
		}
	}
}

const row = (name: string): PackageRow => ({name, namespace: 'org.example', format: 'maven', latestVersion: '1.0', publish: '', upstream: '', state: 'seen'});

function coalescing() {
	const timers = new FakeTimers();
	const store = createViewStore(undefined, {progressFrameMs: 80, timers});
	const frames: number[] = [];
	store.subscribe(() => frames.push(store.getState().maven.total));
	return {timers, store, frames};
}

describe('createViewStore with progressFrameMs', () => {
	it("draws a burst of Maven lines and package rows once, when the frame's time comes", () => {
		const {timers, store, frames} = coalescing();
		for (let line = 0; line < 500; line++) {
			store.dispatch({type: 'event', event: {type: 'maven-output', line: `Downloaded from codeartifact: x/${line}.jar`}});
			store.dispatch({type: 'event', event: {type: 'package', row: row(`p${line}`)}});
		}
		store.dispatch({type: 'event', event: {type: 'package-count', repository: 'maven-repo', count: 500}});
		// The state is current at once; no listener has run yet.
		expect(store.getState().maven.total).toBe(500);
		expect(store.getState().packages).toHaveLength(500);
		expect(frames).toEqual([]);
		timers.advance(79);
		expect(frames).toEqual([]);
		timers.advance(1);
		expect(frames).toEqual([500]);
		expect(timers.waiting).toBe(0);
	});

	it('draws at most one frame per interval while lines keep coming', () => {
		const {timers, store, frames} = coalescing();
		for (let tick = 0; tick < 40; tick++) {
			store.dispatch({type: 'event', event: {type: 'maven-output', line: `line ${tick}`}});
			timers.advance(10);
		}
		// 400 ms of lines, one every 10 ms: five frames, each with every line so far.
		expect(frames).toEqual([8, 16, 24, 32, 40]);
	});

	it('draws anything else at once, with the progress that waited, and drops the waiting frame', () => {
		const {timers, store, frames} = coalescing();
		store.dispatch({type: 'event', event: {type: 'maven-output', line: 'BUILD SUCCESS'}});
		store.dispatch({type: 'event', event: {type: 'step', step: 'build', status: 'done'}});
		expect(frames).toEqual([1]);
		expect(timers.waiting).toBe(0);
		timers.advance(1000);
		expect(frames).toEqual([1]);
	});

	it('draws a new package row within progressFrameMs, but Maven lines, the count and a listed row only within quietFrameMs', () => {
		const timers = new FakeTimers();
		const store = createViewStore(undefined, {progressFrameMs: 250, quietFrameMs: 1000, timers});
		const frames: {lines: number; rows: number}[] = [];
		store.subscribe(() => frames.push({lines: store.getState().maven.total, rows: store.getState().packages.length}));
		store.dispatch({type: 'event', event: {type: 'maven-output', line: 'Downloading from codeartifact: x/a.pom'}});
		store.dispatch({type: 'event', event: {type: 'package-count', repository: 'maven-repo', count: 3}});
		timers.advance(999);
		expect(frames).toEqual([]);
		timers.advance(1);
		expect(frames).toEqual([{lines: 1, rows: 0}]);
		// A row Maven reported: on screen within 250 ms, with the lines that waited for the slower frame.
		store.dispatch({type: 'event', event: {type: 'maven-output', line: 'Downloaded from codeartifact: x/a.pom'}});
		timers.advance(100);
		store.dispatch({type: 'event', event: {type: 'package', row: row('a')}});
		timers.advance(250);
		expect(frames).toEqual([
			{lines: 1, rows: 0},
			{lines: 2, rows: 1},
		]);
		expect(timers.waiting).toBe(0);
		// The same row listed: no new row, so the quiet frame.
		store.dispatch({type: 'event', event: {type: 'package', row: {...row('a'), state: 'confirmed', latestPublishDate: '2026-01-05T10:00:00Z'}}});
		timers.advance(250);
		expect(frames).toHaveLength(2);
		timers.advance(750);
		expect(frames).toHaveLength(3);
	});

	it('draws every change at once without progressFrameMs (the default)', () => {
		const store = createViewStore();
		let frames = 0;
		store.subscribe(() => frames++);
		store.dispatch({type: 'event', event: {type: 'maven-output', line: 'a'}});
		store.dispatch({type: 'event', event: {type: 'maven-output', line: 'b'}});
		expect(frames).toBe(2);
	});
});
