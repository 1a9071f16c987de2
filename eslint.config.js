// Lint that catches what review misses: the type-aware rules (promises nobody awaits, switches
// that forget a case), on top of the recommended sets. Formatting is Prettier's job, not lint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', '.build/', 'coverage/', 'node_modules/', 'assets/', '**/*.d.ts']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', {checksVoidReturn: {attributes: false}}],
			'@typescript-eslint/switch-exhaustiveness-check': ['error', {considerDefaultExhaustiveForUnions: true}],
			'@typescript-eslint/no-non-null-assertion': 'warn',
			'@typescript-eslint/consistent-type-imports': 'error',
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	{
		rules: {
			// Control characters are matched on purpose: AWS's \P{C} name rules, terminal escapes.
			'no-control-regex': 'off',
			// An empty catch is how "best effort" reads here (removing a temporary file, say).
			'no-empty': ['error', {allowEmptyCatch: true}],
		},
	},
	{
		// Tests read documents of any shape (parsed XML, JSON answers) and say so.
		files: ['test/**'],
		rules: {'@typescript-eslint/no-explicit-any': 'off'},
	},
	{
		files: ['**/*.{js,mjs}'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: {
			globals: {
				process: 'readonly',
				console: 'readonly',
				URL: 'readonly',
				Buffer: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				performance: 'readonly',
			},
		},
	},
);
