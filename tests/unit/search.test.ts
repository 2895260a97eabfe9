import { describe, expect, it } from 'vitest';
import { boundedDistance, buildPhraseIndex, searchPhrases, syntheticPhrases, tokenize, type IndexedPhrase } from '../../src/core/search';

const phrases: IndexedPhrase[] = [
  { id: 'greet-wait', step: 'greet', text: 'Hi {{customer.firstName|there}}, thanks for waiting!', channels: ['chat'] },
  { id: 'greet-wait-email', step: 'greet', text: 'Thank you for waiting to hear back from us.', channels: ['email'] },
  { id: 'apol-delay', step: 'apologize', text: "I'm sorry for the delay in getting back to you." },
  { id: 'emp-repeat', step: 'empathize', text: "I'm sorry you've had to reach out again about this." },
  { id: 'solve-refund', step: 'solve', text: "I've issued your refund.", tags: ['billing'] },
  { id: 'solve-handover', step: 'solve', text: 'This needs our billing specialists; I am passing it on now.' },
  { id: 'ft-anything', step: 'follow-through', text: 'Is there anything else I can help with today?' },
];
const index = buildPhraseIndex(phrases);
const ids = (q: string, ctx = {}) => searchPhrases(index, q, ctx).map((p) => p.id);

/** Textbook optimal-string-alignment distance, unbanded, as the reference. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

describe('tokenize', () => {
  it('folds case, accents and apostrophes, and ignores placeholders', () => {
    expect(tokenize("Hi {{customer.firstName|there}}, you've Café")).toEqual(['hi', 'youve', 'cafe']);
  });
});

describe('boundedDistance', () => {
  it('agrees with the unbanded distance within the bound, swaps counting as one edit', () => {
    const words = ['refund', 'refnud', 'refunds', 'rfund', 'waiting', 'waitnig', 'wating', 'specialists', 'specilaists', 'teh', 'the', 'hte', 'a', '', 'abc', 'xyz'];
    for (const a of words)
      for (const b of words)
        for (const max of [1, 2]) {
          const real = osa(a, b);
          expect(boundedDistance(a, b, max), `${a}/${b}/${max}`).toBe(real <= max ? real : max + 1);
        }
  });
});

describe('searchPhrases', () => {
  it('finds words anywhere, all words required', () => {
    expect(ids('delay sorry')).toEqual(['apol-delay']);
    expect(ids('billing')).toEqual(expect.arrayContaining(['solve-refund', 'solve-handover']));
    expect(ids('billing refund')).toEqual(['solve-refund']);
  });

  it('tolerates small typos: 1 edit from 4 letters, 2 from 8', () => {
    expect(ids('refnd')).toEqual(['solve-refund']);
    expect(ids('specilaists')).toEqual(['solve-handover']);
    expect(ids('refnud')).toEqual(['solve-refund']);
    expect(ids('rfd')).toEqual([]);
  });

  it('matches the word being typed as a prefix, but not a finished word', () => {
    expect(ids('anyth')).toEqual(['ft-anything']);
    expect(ids('anyth ')).toEqual([]);
  });

  it('does not require small stop words to match', () => {
    expect(ids('the refund')).toEqual(['solve-refund']);
    expect(ids('the')).toContain('apol-delay');
  });

  it('ranks exact matches above typo matches, then the current step, channel fit and usage', () => {
    const idx = buildPhraseIndex([
      { id: 'typo', step: 'solve', text: 'We are waitin.' },
      { id: 'exact', step: 'greet', text: 'Still waiting.' },
    ]);
    expect(searchPhrases(idx, 'waiting ', { step: 'solve' }).map((p) => p.id)).toEqual(['exact', 'typo']);
    expect(ids('waiting', { step: 'greet', channel: 'email' })).toEqual(['greet-wait-email', 'greet-wait']);
    expect(ids('waiting', { step: 'greet', channel: 'chat' })).toEqual(['greet-wait', 'greet-wait-email']);
    expect(ids('sorry', {})).toEqual(['apol-delay', 'emp-repeat']);
    expect(ids('sorry', { usage: { 'emp-repeat': 4 } })).toEqual(['emp-repeat', 'apol-delay']);
    expect(ids('sorry', { step: 'apologize', usage: { 'emp-repeat': 4 } })).toEqual(['apol-delay', 'emp-repeat']);
  });

  it('with an empty query lists the current step first, then phrases that fit the channel', () => {
    const result = ids('', { step: 'greet', channel: 'email' });
    expect(result.slice(0, 2)).toEqual(['greet-wait-email', 'greet-wait']);
    expect(result.slice(2)).toEqual(['apol-delay', 'emp-repeat', 'solve-refund', 'solve-handover', 'ft-anything']);
  });

  it('respects the limit and uses key for usage when present', () => {
    const idx = buildPhraseIndex([
      { id: 'a', key: 'p1/a', step: 'greet', text: 'hello one' },
      { id: 'a', key: 'p2/a', step: 'greet', text: 'hello two' },
    ]);
    expect(searchPhrases(idx, 'hello', { usage: { 'p2/a': 1 }, limit: 1 }).map((p) => p.key)).toEqual(['p2/a']);
  });

  it('gives the same answers when the same index is queried repeatedly (scratch buffers reset)', () => {
    const big = buildPhraseIndex(syntheticPhrases(2000));
    const first = searchPhrases(big, 'refund delay', { limit: 20 }).map((p) => p.id);
    searchPhrases(big, 'thanks', {});
    searchPhrases(big, 'zzzz', {});
    expect(searchPhrases(big, 'refund delay', { limit: 20 }).map((p) => p.id)).toEqual(first);
    for (const p of searchPhrases(big, 'refund delay', { limit: 200 })) {
      expect(tokenize(p.text)).toEqual(expect.arrayContaining(['refund', 'delay']));
    }
  });
});
