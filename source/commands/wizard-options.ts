import type {QuestionId} from '../wizard/question-flags.js';
import type {TargetOptions} from './connect-target.js';

/** What the wizard runs with, once the command line has been read and checked. */
export interface WizardCommandOptions extends TargetOptions {
	project?: string;
	workdir?: string;
	/** --participant: a workshop participant whose names carry its prefix and whose tags name it. */
	participant?: string;
	yes: boolean;
	json: boolean;
	/** --dry-run: reads only; the changes a run would make are planned and shown, none made. */
	dryRun?: boolean;
	/** --report FILE.md (and --report-account): the run's write-up, written when it ends. */
	report?: {path: string; showAccount: boolean};
	/** Answers given as flags, by question id. */
	answers: Partial<Record<QuestionId, string>>;
}
