// "Person first, never blocking": when the agent starts solving before any person step, the panel
// suggests an empathy line once per ticket. It never prevents the action itself.

import { PERSON_STEPS, SOLVING_STEPS } from './steps';

const PERSON_STEP_IDS: readonly string[] = PERSON_STEPS;
const SOLVING_STEP_IDS: readonly string[] = SOLVING_STEPS;

export interface NudgeProgress {
  done: readonly string[];
  nudgeDismissed?: boolean;
}

export type SolveAction = { kind: 'tick'; step: string } | { kind: 'insert'; step: string };

export function personStepDone(done: readonly string[]): boolean {
  return done.some((s) => PERSON_STEP_IDS.includes(s));
}

/** Whether this action, on a ticket with this progress, should bring up the nudge. */
export function shouldNudge(action: SolveAction, progress: NudgeProgress): boolean {
  if (progress.nudgeDismissed || personStepDone(progress.done)) return false;
  return action.kind === 'tick' ? action.step === 'solve' : SOLVING_STEP_IDS.includes(action.step);
}

/** The step to work on now: the first one in checklist order that is not done yet. */
export function currentStep(order: readonly string[], done: readonly string[]): string | undefined {
  return order.find((s) => !done.includes(s)) ?? order[order.length - 1];
}
