// The worst-case inputs of the security review, timed: each one used to freeze the panel or a desk
// page for seconds. Figures for bench-report.json; the unit tests check the answers.
import { detectCues } from '../../src/core/cues/detect';
import { MAX_CUE_PATTERN_COST, MAX_PATTERN_GAPS, patternCost } from '../../src/core/cues/pattern';
import { DEFAULT_CUE_RULES, mergeCueRules } from '../../src/core/cues/rules';
import { LinearRegExp } from '../../src/core/linear-regex';
import { placeholdersIn } from '../../src/core/placeholders';
import { MAX_PACK_BYTES } from '../../src/core/pack/types';
import { parsePack } from '../../src/core/pack/validate';
import { matchesPattern } from '../../src/desks/match';
import { loadavg } from 'node:os';

function time(fn: () => unknown, runs = 5): { medianMs: number; maxMs: number } {
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { medianMs: round(ms[Math.floor(ms.length / 2)]!), maxMs: round(ms[ms.length - 1]!) };
}

export function hostileInputs() {
  // The most a pack may add: its costliest pattern repeated up to the matching-work budget.
  const gapped = Array.from({ length: MAX_PATTERN_GAPS }, () => 'a ~6').join(' ') + ' a z';
  const count = Math.floor(MAX_CUE_PATTERN_COST / patternCost(gapped));
  const rules = mergeCueRules(DEFAULT_CUE_RULES.en!, { frustration: { signals: { worst: { reason: 'Worst', patterns: Array.from({ length: count }, (_, k) => `${gapped} ${k}`) } } } });
  const message = 'a '.repeat(2000);
  const ticketUrl = new LinearRegExp('/t/((a+)+)$');
  const longUrl = `https://d.example.com/t/${'a'.repeat(2040)}!`;
  const glob = `https://d.example.com/${'*a'.repeat(30)}*b`;
  const path = new URL(`https://d.example.com/${'a'.repeat(400)}`);
  const invalidPack = `{"schema":1,"id":"p","name":"P","version":"1.0.0","locale":"en","phrases":[${Array.from({ length: 20_000 }, (_, i) => `{"id":"${i}","step":"nope","text":"x"}`).join(',')}]}`;
  const oversized = `"${'y'.repeat(5 * 1024 * 1024)}"`;
  return {
    // Other work on the machine slows every figure below: the 1-minute load average when it ran.
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    cuePatternsAtBudget: { ...time(() => detectCues({ message, now: 0 }, rules)), words: 2000, patterns: count, gapsEach: MAX_PATTERN_GAPS, budget: MAX_CUE_PATTERN_COST, before: '3.3 s panel freeze, repeating every 5 s' },
    ticketUrlNestedPlus: { ...time(() => ticketUrl.exec(longUrl)), steps: (ticketUrl.exec(longUrl), ticketUrl.lastSteps), before: '3.8 s desk page freeze on "(a+)+"' },
    globThirtyStars: { ...time(() => matchesPattern(glob, path)), before: '1.3 s on a 400-character path' },
    placeholderAskSpaces: { ...time(() => placeholdersIn(`{{ask:${' '.repeat(2000)}`)), before: '1.3 s' },
    invalidPackNearCap: { ...time(() => parsePack(invalidPack), 3), bytes: invalidPack.length, capBytes: MAX_PACK_BYTES, before: '3.7 s and 283 MB for an invalid 4.8 MB pack' },
    oversizedPack: { ...time(() => parsePack(oversized), 3), bytes: oversized.length },
  };
}
