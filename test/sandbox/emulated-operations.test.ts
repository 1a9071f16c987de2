import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {emulatedServices, withOperationsList} from '../../source/sandbox/emulated-operations.js';
import {modelOperations} from '../helpers/model-shape.js';

describe('the operations the sandbox emulates', () => {
	it("the README lists exactly the routing tables' operations (npm run readme writes them)", () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		expect(readme).toContain('<!-- sandbox-operations:start -->');
		expect(withOperationsList(readme)).toBe(readme);
	});

	it('CodeArtifact answers every operation of its botocore model', () => {
		const codeArtifact = emulatedServices().find(service => service.model === 'codeartifact');
		const model = modelOperations('codeartifact');
		expect(model.length).toBeGreaterThanOrEqual(48);
		expect(model.filter(operation => !codeArtifact?.operations.includes(operation))).toEqual([]);
	});

	it("every one is an operation of the service's botocore model, spelled as the model spells it", () => {
		for (const {model, operations} of emulatedServices()) {
			const known = new Set(modelOperations(model));
			expect(operations.filter(operation => !known.has(operation))).toEqual([]);
		}
	});
});
