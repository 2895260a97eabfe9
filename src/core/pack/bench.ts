// Benchmark helper for the lead's bench runner: the time to validate and merge a big pack.
import { syntheticPhrases } from '../search';
import { mergePacks } from './merge';
import type { Pack } from './types';
import { parsePack } from './validate';
import { quantile } from '../measure';

export function syntheticPackText(phraseCount: number): string {
  const phrases = syntheticPhrases(phraseCount).map(({ id, step, text, channels }) => (channels ? { id, step, text, channels } : { id, step, text }));
  return JSON.stringify({ schema: 1, id: 'bench', name: 'Bench pack', version: '1.0.0', locale: 'en', phrases }, null, 2);
}

const median = (xs: number[]) => quantile(xs, 0.5);

/** Parses, validates and merges a 10,000-phrase pack (with a small default pack beside it), a few times. */
export function benchValidateAndMerge(phraseCount = 10_000, runs = 5): { medianMs: number; maxMs: number; phrases: number; bytes: number } {
  const text = syntheticPackText(phraseCount);
  const small: Pack = { schema: 1, id: 'small', name: 'Small', version: '1.0.0', locale: 'en', phrases: [{ id: 'g', step: 'greet', text: 'Hi there!' }] };
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const result = parsePack(text);
    if (!result.ok) throw new Error(`bench pack invalid: ${result.errors[0]?.message}`);
    mergePacks([
      { pack: result.pack, source: 'subscribed' },
      { pack: small, source: 'default' },
    ]);
    times.push(performance.now() - t);
  }
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: r1(median(times)), maxMs: r1(Math.max(...times)), phrases: phraseCount, bytes: text.length };
}
