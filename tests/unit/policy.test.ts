import { describe, expect, it } from 'vitest';
import { NO_POLICY, normalizePolicy } from '../../src/core/policy';

describe('policy', () => {
  it('is empty without a managed policy', () => {
    expect(normalizePolicy(undefined)).toEqual(NO_POLICY);
    expect(normalizePolicy({})).toEqual(NO_POLICY);
  });
  it('reads every documented value', () => {
    const p = normalizePolicy({ packUrls: ['https://x/p.json'], packs: [{ id: 'a' }, '{"id":"b"}'], lockedPackIds: ['a'], allowPersonalPhrases: false, disableDefaultPack: true, agentNameHint: ' Sam ' });
    expect(p).toEqual({ packUrls: ['https://x/p.json'], packs: ['{"id":"a"}', '{"id":"b"}'], lockedPackIds: ['a'], allowPersonalPhrases: false, disableDefaultPack: true, agentNameHint: 'Sam', problems: [] });
  });
  it('ignores wrongly typed values, names them, and keeps the rest', () => {
    const p = normalizePolicy({ packUrls: 'https://x/p.json', allowPersonalPhrases: 'no', lockedPackIds: ['a'], agentNameHint: 7 });
    expect(p.packUrls).toEqual([]);
    expect(p.allowPersonalPhrases).toBe(true);
    expect(p.lockedPackIds).toEqual(['a']);
    expect(p.problems).toEqual([
      'Policy "agentNameHint" must be text; it was ignored.',
      'Policy "packUrls" must be a list of strings; it was ignored.',
      'Policy "allowPersonalPhrases" must be true or false; it was ignored.',
    ]);
  });
});
