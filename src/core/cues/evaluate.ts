// Scores cue detection against a labelled table of messages: per-kind and overall (micro)
// precision and recall. Used by the cue-table test and the bench, and handy when tuning a pack.
import type { Channel } from '../ticket';
import { detectCues } from './detect';
import { CUE_KINDS, DEFAULT_CUE_RULES, type CueKind, type CueRules } from './rules';

export interface CueTableRow {
  message: string;
  expect: CueKind[];
  customerMessages?: number;
  channel?: Channel;
  /** How long the latest customer message has waited, in seconds. */
  waitedSeconds?: number;
  agentRepliedSince?: boolean;
}

export interface CueScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CueTableResult {
  rows: number;
  perKind: Record<CueKind, CueScore>;
  overall: CueScore;
  mistakes: { message: string; expected: CueKind[]; got: CueKind[] }[];
}

export { CUE_KINDS };

/** A fixed clock: the table must give the same figures on every run. */
const NOW = Date.UTC(2025, 2, 14, 10, 0, 0);

function scoreOf(tp: number, fp: number, fn: number): CueScore {
  // No predictions means no wrong ones; no expectations means nothing was missed.
  return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
}

export function evaluateCueTable(rows: readonly CueTableRow[], rules: CueRules = DEFAULT_CUE_RULES.en!): CueTableResult {
  const counts = Object.fromEntries(CUE_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<CueKind, { tp: number; fp: number; fn: number }>;
  const mistakes: CueTableResult['mistakes'] = [];
  for (const row of rows) {
    const cues = detectCues(
      {
        message: row.message,
        customerMessages: row.customerMessages,
        channel: row.channel,
        lastCustomerMessageAt: row.waitedSeconds === undefined ? undefined : NOW - row.waitedSeconds * 1000,
        agentRepliedSince: row.agentRepliedSince,
        now: NOW,
      },
      rules,
    );
    const got = cues.map((c) => c.kind);
    for (const kind of CUE_KINDS) {
      const expected = row.expect.includes(kind);
      const found = got.includes(kind);
      if (expected && found) counts[kind].tp++;
      else if (found) counts[kind].fp++;
      else if (expected) counts[kind].fn++;
    }
    const same = got.length === row.expect.length && got.every((k) => row.expect.includes(k));
    if (!same) mistakes.push({ message: row.message, expected: [...row.expect], got });
  }
  const perKind = Object.fromEntries(CUE_KINDS.map((k) => [k, scoreOf(counts[k].tp, counts[k].fp, counts[k].fn)])) as Record<CueKind, CueScore>;
  const sum = (f: 'tp' | 'fp' | 'fn') => CUE_KINDS.reduce((n, k) => n + counts[k][f], 0);
  return { rows: rows.length, perKind, overall: scoreOf(sum('tp'), sum('fp'), sum('fn')), mistakes };
}

/** A small fixed-width table for test and bench output. */
export function formatCueTable(result: CueTableResult): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
  const line = (name: string, s: CueScore) =>
    `${name.padEnd(12)}${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}${pct(s.precision)}${pct(s.recall)}`;
  return [
    `cue table: ${result.rows} messages`,
    `${'kind'.padEnd(12)}${'tp'.padStart(4)}${'fp'.padStart(4)}${'fn'.padStart(4)}${'prec'.padStart(7)}${'recall'.padStart(7)}`,
    ...CUE_KINDS.map((k) => line(k, result.perKind[k])),
    line('overall', result.overall),
  ].join('\n');
}

/** A message labelled by how the customer feels, as in the held-out and tuning sets. */
export interface LabelledMessage {
  message: string;
  label: 'unhappy' | 'happy' | 'neutral';
}

export interface LabelledResult {
  rows: number;
  /** The frustration cue against "unhappy". */
  unhappy: CueScore;
  /** The happy cue against "happy". */
  happy: CueScore;
  mistakes: { message: string; label: LabelledMessage['label']; got: CueKind[] }[];
}

/**
 * Scores the frustration and happy cues on messages read alone (no contact count, no channel):
 * what the words carry, which is what a labelled message set can judge.
 */
export function evaluateLabelled(rows: readonly LabelledMessage[], rules: CueRules = DEFAULT_CUE_RULES.en!): LabelledResult {
  const c = { unhappy: { tp: 0, fp: 0, fn: 0 }, happy: { tp: 0, fp: 0, fn: 0 } };
  const mistakes: LabelledResult['mistakes'] = [];
  for (const row of rows) {
    const got = detectCues({ message: row.message, now: NOW }, rules).map((cue) => cue.kind);
    const pairs = [['unhappy', got.includes('frustration')], ['happy', got.includes('happy')]] as const;
    let wrong = false;
    for (const [label, found] of pairs) {
      const expected = row.label === label;
      if (expected && found) c[label].tp++;
      else if (found) c[label].fp++;
      else if (expected) c[label].fn++;
      if (expected !== found) wrong = true;
    }
    if (wrong) mistakes.push({ message: row.message, label: row.label, got });
  }
  return {
    rows: rows.length,
    unhappy: scoreOf(c.unhappy.tp, c.unhappy.fp, c.unhappy.fn),
    happy: scoreOf(c.happy.tp, c.happy.fp, c.happy.fn),
    mistakes,
  };
}
