// Cue accuracy and cost: precision and recall of the unhappy (frustration) and happy cues on the
// held-out set (never tuned on), on the tuning set (tuned on, so optimistic) and on GoEmotions
// dev (Reddit, read here only, never copied into the repository); per-message time; and what the
// cue code adds to the extension. Runs in Node alone: `node --import tsx tests/bench/run.ts cue`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { detectCues, evaluateLabelled, type CueScore, type LabelledMessage } from '../../src/core/cues';
import { quantile } from '../../src/core/measure';
import { round } from './stats';

const GOEMOTIONS_DEV = join(import.meta.dirname, '../../../shared/data/goemotions/dev.tsv');
const GOEMOTIONS_DEV_FALLBACK = '/work/shared/data/goemotions/dev.tsv';
// GoEmotions label ids (labels.txt): anger, annoyance, disappointment; admiration, gratitude, joy, love, relief.
const FRUSTRATION_IDS = new Set([2, 3, 9]);
const HAPPY_IDS = new Set([0, 15, 17, 18, 23]);
/** The cue code before issue 11 (commit 04ad932): src/core/cues bundled and minified the same way. */
const BASELINE = { bytes: 23_158, gzipBytes: 9_766 };

function figures(s: CueScore) {
  return { precision: round(s.precision, 3), recall: round(s.recall, 3), tp: s.tp, fp: s.fp, fn: s.fn };
}

function labelledSet(root: string, file: string): LabelledMessage[] {
  return (JSON.parse(readFileSync(join(root, 'tests/fixtures/cues', file), 'utf8')) as { rows: LabelledMessage[] }).rows;
}

/** GoEmotions rows are multi-label: a comment can be both, either or neither. Scored per cue. */
function goEmotionsDev(): { text: string; ids: Set<number> }[] | null {
  const path = [GOEMOTIONS_DEV, GOEMOTIONS_DEV_FALLBACK].find((p) => existsSync(p));
  if (!path) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [text = '', ids = ''] = line.split('\t');
      return { text, ids: new Set(ids.split(',').map(Number)) };
    });
}

function scoreGoEmotions(rows: { text: string; ids: Set<number> }[]) {
  const count = { unhappy: { tp: 0, fp: 0, fn: 0 }, happy: { tp: 0, fp: 0, fn: 0 } };
  for (const row of rows) {
    const got = detectCues({ message: row.text, now: 0 }).map((c) => c.kind);
    const pairs = [
      ['unhappy', [...row.ids].some((id) => FRUSTRATION_IDS.has(id)), got.includes('frustration')],
      ['happy', [...row.ids].some((id) => HAPPY_IDS.has(id)), got.includes('happy')],
    ] as const;
    for (const [kind, expected, found] of pairs) {
      if (expected && found) count[kind].tp++;
      else if (found) count[kind].fp++;
      else if (expected) count[kind].fn++;
    }
  }
  const score = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) =>
    figures({ tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 });
  return { rows: rows.length, unhappy: score(count.unhappy), happy: score(count.happy) };
}

function perMessageMs(messages: string[]) {
  for (const m of messages.slice(0, 500)) detectCues({ message: m, now: 0 }); // warm the JIT and the compiled rules
  const times: number[] = [];
  for (const m of messages) {
    const t0 = performance.now();
    detectCues({ message: m, now: 0 });
    times.push(performance.now() - t0);
  }
  return { messages: times.length, p50Ms: round(quantile(times, 0.5), 4), p95Ms: round(quantile(times, 0.95), 4), maxMs: round(Math.max(...times), 3), goalP95Ms: 2 };
}

async function bundleSize(root: string) {
  const out = await build({ entryPoints: [join(root, 'src/core/cues/index.ts')], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]!.contents;
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  return { bytes: code.length, gzipBytes, addedBytes: code.length - BASELINE.bytes, addedGzipBytes: gzipBytes - BASELINE.gzipBytes, baseline: BASELINE, goalAddedBytes: 300 * 1024 };
}

export async function cueAccuracy(root: string) {
  const holdout = labelledSet(root, 'eval-holdout.json');
  const tuning = labelledSet(root, 'eval-dev.json');
  const h = evaluateLabelled(holdout);
  const t = evaluateLabelled(tuning);
  const go = goEmotionsDev();
  const messages = [...holdout, ...tuning].map((r) => r.message).concat(go ? go.map((r) => r.text) : []);
  return {
    heldOut: { rows: h.rows, unhappy: figures(h.unhappy), happy: figures(h.happy), note: 'never tuned on' },
    tuning: { rows: t.rows, unhappy: figures(t.unhappy), happy: figures(t.happy), note: 'tuned on: optimistic' },
    goEmotionsDev: go ? { ...scoreGoEmotions(go), note: 'Reddit comments; unhappy = anger, annoyance, disappointment; happy = admiration, gratitude, joy, love, relief' } : 'dev.tsv not found',
    goals: { unhappy: { precision: 0.85, recall: 0.6 }, happy: { precision: 0.75, recall: 0.6 } },
    timePerMessage: perMessageMs(messages),
    bundle: await bundleSize(root),
  };
}
