// The labelled sets behind the cue accuracy figures in the bench. Their figures are measured there,
// not asserted here; this checks the sets stay usable and separate.
import { describe, expect, it } from 'vitest';
import { evaluateLabelled, type LabelledMessage } from '../../src/core/cues';
import holdout from '../fixtures/cues/eval-holdout.json';
import tuning from '../fixtures/cues/eval-dev.json';

const sets = { holdout: holdout.rows as LabelledMessage[], tuning: tuning.rows as LabelledMessage[] };

describe('labelled cue sets', () => {
  it('are a few hundred messages each, with every label well represented', () => {
    for (const [name, rows] of Object.entries(sets)) {
      expect(rows.length, name).toBeGreaterThanOrEqual(300);
      for (const label of ['unhappy', 'happy', 'neutral'] as const) expect(rows.filter((r) => r.label === label).length, `${name} ${label}`).toBeGreaterThanOrEqual(60);
      expect(rows.every((r) => typeof r.message === 'string' && r.message.trim() !== ''), name).toBe(true);
    }
  });

  it('never share a message, so tuning cannot leak into the held-out figure', () => {
    const held = new Set(sets.holdout.map((r) => r.message.toLowerCase().trim()));
    expect(sets.tuning.filter((r) => held.has(r.message.toLowerCase().trim()))).toEqual([]);
    expect(new Set(sets.holdout.map((r) => r.message)).size).toBe(sets.holdout.length);
    expect(new Set(sets.tuning.map((r) => r.message)).size).toBe(sets.tuning.length);
  });
});

describe('evaluateLabelled', () => {
  it('scores the frustration cue against "unhappy" and the happy cue against "happy"', () => {
    const result = evaluateLabelled([
      { message: 'This is ridiculous, third time I write!', label: 'unhappy' },
      { message: 'How do I change my email?', label: 'unhappy' },
      { message: 'Thank you so much, that worked!', label: 'happy' },
      { message: 'Thank you so much, that worked!', label: 'neutral' },
      { message: 'What are your opening hours?', label: 'neutral' },
    ]);
    expect(result.unhappy).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(result.happy).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(result.mistakes.map((m) => m.message)).toEqual(['How do I change my email?', 'Thank you so much, that worked!']);
  });
});
