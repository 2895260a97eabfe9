import { describe, expect, it } from 'vitest';
import { currentStep, shouldNudge } from '../../src/core/nudge';

describe('person-first nudge', () => {
  it('nudges when Solve is ticked before any person step', () => {
    expect(shouldNudge({ kind: 'tick', step: 'solve' }, { done: ['greet'] })).toBe(true);
  });
  it('nudges when a Solve or Summarize phrase is inserted before any person step', () => {
    expect(shouldNudge({ kind: 'insert', step: 'solve' }, { done: [] })).toBe(true);
    expect(shouldNudge({ kind: 'insert', step: 'summarize' }, { done: ['reset', 'greet'] })).toBe(true);
  });
  it('does not nudge for person or greeting work', () => {
    expect(shouldNudge({ kind: 'tick', step: 'greet' }, { done: [] })).toBe(false);
    expect(shouldNudge({ kind: 'insert', step: 'empathize' }, { done: [] })).toBe(false);
    expect(shouldNudge({ kind: 'tick', step: 'summarize' }, { done: [] })).toBe(false);
  });
  it('stays quiet once a person step is done or the nudge was dismissed on this ticket', () => {
    for (const step of ['listen', 'empathize', 'apologize', 'empower']) {
      expect(shouldNudge({ kind: 'tick', step: 'solve' }, { done: [step] })).toBe(false);
    }
    expect(shouldNudge({ kind: 'tick', step: 'solve' }, { done: [], nudgeDismissed: true })).toBe(false);
  });
  it('picks the first step not done as the current one', () => {
    const order = ['reset', 'greet', 'listen', 'solve'];
    expect(currentStep(order, [])).toBe('reset');
    expect(currentStep(order, ['reset', 'greet'])).toBe('listen');
    expect(currentStep(order, order)).toBe('solve');
  });
});
