import { describe, expect, it } from 'vitest';
import { CUE_KINDS, evaluateCueTable, formatCueTable, type CueTableRow } from '../../src/core/cues';
import table from '../fixtures/cues/messages.json';

const rows = table.rows as CueTableRow[];

describe('cue table', () => {
  it('is big and varied enough to mean something', () => {
    expect(rows.length).toBeGreaterThanOrEqual(70);
    for (const kind of CUE_KINDS) expect(rows.filter((r) => r.expect.includes(kind)).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('detects the expected cues with precision >= 0.9 and recall >= 0.8', () => {
    const result = evaluateCueTable(rows);
    // Printed on purpose: CI output shows the figures for every run.
    console.log(formatCueTable(result));
    for (const m of result.mistakes) console.log(`  miss: expected [${m.expected}] got [${m.got}]: ${m.message}`);
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.8);
  });
});

describe('evaluateCueTable', () => {
  it('counts true and false positives and misses per kind, and micro-averages them', () => {
    const result = evaluateCueTable([
      { message: 'This is ridiculous, third time I write!', expect: ['frustration'] },
      { message: 'How do I change my email?', expect: ['frustration'] },
      { message: 'Thank you so much, that worked!', expect: [] },
      { message: 'Urgent: the site is down', expect: ['urgency'] },
    ]);
    expect(result.perKind.frustration).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(result.perKind.happy).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0 });
    expect(result.perKind.urgency).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(result.overall).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(result.overall.precision).toBeCloseTo(2 / 3);
    expect(result.overall.recall).toBeCloseTo(2 / 3);
    expect(result.mistakes.map((m) => m.message)).toEqual(['How do I change my email?', 'Thank you so much, that worked!']);
  });

  it('turns waitedSeconds into a last-message time on a fixed clock', () => {
    const result = evaluateCueTable([
      { message: 'hello?', channel: 'chat', waitedSeconds: 61, expect: ['waiting'] },
      { message: 'hello?', channel: 'chat', waitedSeconds: 59, expect: [] },
    ]);
    expect(result.perKind.waiting).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});
