import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS, PERSON_STEPS, SOLVING_STEPS, STEP_IDS, isStepId } from '../../src/core/steps';

describe('default checklist', () => {
  it('follows METHOD.md order', () => {
    expect(STEP_IDS).toEqual(['reset', 'greet', 'listen', 'empathize', 'apologize', 'empower', 'solve', 'summarize', 'follow-through']);
  });

  it('gives every step a title and a one-line hint', () => {
    for (const s of DEFAULT_STEPS) {
      expect(s.title.length).toBeGreaterThan(2);
      expect(s.hint.length).toBeGreaterThan(10);
      expect(s.hint).not.toContain('\n');
    }
  });

  it('puts person steps before solving steps', () => {
    const last = Math.max(...PERSON_STEPS.map((s) => STEP_IDS.indexOf(s)));
    expect(Math.min(...SOLVING_STEPS.map((s) => STEP_IDS.indexOf(s)))).toBeGreaterThan(last);
    expect(isStepId('empathize')).toBe(true);
    expect(isStepId('empathise')).toBe(false);
  });
});
