/**
 * The Person First checklist: handle the person first, then the problem.
 * Order and meaning come from METHOD.md; packs may retitle steps but never add new ids.
 */

export type StepId =
  | 'reset'
  | 'greet'
  | 'listen'
  | 'empathize'
  | 'apologize'
  | 'empower'
  | 'solve'
  | 'summarize'
  | 'follow-through';

export interface Step {
  id: StepId;
  title: string;
  hint: string;
}

export const DEFAULT_STEPS: readonly Step[] = [
  { id: 'reset', title: 'Reset', hint: 'Take one breath and leave the last ticket behind. This one can go well.' },
  { id: 'greet', title: 'Greet', hint: 'Say hello by name, promptly, and thank them for waiting if they did.' },
  { id: 'listen', title: 'Listen', hint: 'Read what they say and what they mean; ask before you assume.' },
  { id: 'empathize', title: 'Empathize', hint: 'Name their exact situation, not a generic "I understand".' },
  { id: 'apologize', title: 'Apologize', hint: 'If something went wrong, say sorry plainly: no excuses, no blame.' },
  { id: 'empower', title: 'Empower', hint: 'Ask what would make this right for them.' },
  { id: 'solve', title: 'Solve', hint: 'Own it. If someone else must help, say who and when.' },
  { id: 'summarize', title: 'Summarize', hint: 'Restate the problem and the plan; promise less, deliver more.' },
  { id: 'follow-through', title: 'Follow through', hint: 'Thank them, ask if anything else is needed, and check back later.' },
];

export const STEP_IDS: readonly StepId[] = DEFAULT_STEPS.map((s) => s.id);

/** Steps about the person; while none is done, solving earns a gentle nudge. */
export const PERSON_STEPS: readonly StepId[] = ['listen', 'empathize', 'apologize', 'empower'];

/** Steps about the problem. */
export const SOLVING_STEPS: readonly StepId[] = ['solve', 'summarize'];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEP_IDS as readonly string[]).includes(value);
}

export function stepIndex(id: StepId): number {
  return STEP_IDS.indexOf(id);
}
