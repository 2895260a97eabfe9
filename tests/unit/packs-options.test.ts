import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv';
import { validatePack } from '../../src/core/pack/validate';
import type { Pack } from '../../src/core/pack/types';
import { NO_POLICY } from '../../src/core/policy';
import { decideInstall, type InstalledPack } from '../../src/packs/install';
import { newPhraseId, personalPack } from '../../src/options/packs-actions';
import { usageCsv, usageRows, USAGE_CSV_HEADER } from '../../src/options/packs-usage';
import { changeSummary, inactiveReason, lockReason, sortForDisplay } from '../../src/options/packs-view';

const pack = (id: string, version: string, extra: Partial<Pack> = {}): Pack => ({
  schema: 1, id, name: `Pack ${id}`, version, locale: 'en',
  phrases: [{ id: 'hi', step: 'greet', text: 'Hi {{customer.firstName|there}}', title: 'Hi' }, { id: 'sorry', step: 'apologize', text: '=SUM(A1) <b>sorry</b>' }],
  ...extra,
});
const entry = (p: Pack, source: InstalledPack['source']): InstalledPack => {
  const d = decideInstall([], p, source, 1);
  if (!d.ok) throw new Error(d.reason);
  return d.entry;
};

describe('pack rows in the options page', () => {
  it('gives the reason a pack is locked, or null when the agent may change it', () => {
    expect(lockReason(entry(pack('a', '1.0.0'), 'imported'), NO_POLICY)).toBeNull();
    expect(lockReason(entry(pack('a', '1.0.0'), 'policy'), NO_POLICY)).toContain('policy');
    expect(lockReason(entry(pack('a', '1.0.0'), 'imported'), { lockedPackIds: ['a'] })).toContain('Locked by your organisation’s policy');
    expect(lockReason(entry(pack('a', '1.0.0', { locked: true }), 'subscribed'), NO_POLICY)).toContain('marked locked');
  });

  it('says when policy keeps the default pack or personal phrases out of the panel', () => {
    expect(inactiveReason(entry(pack('d', '1.0.0'), 'default'), { disableDefaultPack: true, allowPersonalPhrases: true })).toContain('policy');
    expect(inactiveReason(entry(pack('personal', '1.0.0'), 'personal'), { disableDefaultPack: false, allowPersonalPhrases: false })).toContain('policy');
    expect(inactiveReason(entry(pack('d', '1.0.0'), 'default'), NO_POLICY)).toBeNull();
  });

  it('summarises the last update in plain words, naming only what changed', () => {
    const first = entry(pack('a', '1.0.0'), 'imported');
    expect(changeSummary(first)).toBe('Added with 2 phrases.');
    const d = decideInstall([first], { ...pack('a', '1.1.0'), phrases: [{ id: 'hi', step: 'greet', text: 'Hello' }] }, 'imported', 2);
    if (!d.ok) throw new Error(d.reason);
    expect(changeSummary(d.entry)).toBe('Updated from 1.0.0 to 1.1.0: 1 phrase reworded, 1 phrase removed.');
  });

  it('lists packs in merge order', () => {
    const sorted = sortForDisplay([entry(pack('p', '1.0.0'), 'personal'), entry(pack('d', '1.0.0'), 'default'), entry(pack('x', '1.0.0'), 'policy'), entry(pack('s', '1.0.0'), 'subscribed')]);
    expect(sorted.map((e) => e.source)).toEqual(['policy', 'subscribed', 'default', 'personal']);
  });
});

describe('personal phrases', () => {
  it('builds a valid pack with id "personal" and bumps its version on each save', () => {
    const first = personalPack(undefined, [{ id: 'my-1', step: 'empathize', text: 'That sounds exhausting, I am on it.' }]);
    expect(validatePack(first)).toMatchObject({ ok: true, pack: { id: 'personal', version: '1.0.0' } });
    expect(personalPack(first, first.phrases).version).toBe('1.0.1');
  });
  it('refuses an empty phrase through the pack validator', () => {
    const r = validatePack(personalPack(undefined, [{ id: 'my-1', step: 'greet', text: '' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe('/phrases/0/text');
  });
  it('makes phrase ids that do not collide', () => {
    const existing = [{ id: newPhraseId([], 1000), step: 'greet' as const, text: 'x' }];
    expect(newPhraseId(existing, 1000)).not.toBe(existing[0]!.id);
  });
});

describe('usage CSV', () => {
  const installed = [entry(pack('team', '1.0.0'), 'subscribed')];
  const records = [
    { phraseId: 'team/hi', count: 3, lastUsed: Date.UTC(2026, 0, 2) },
    { phraseId: 'team/sorry', count: 7, lastUsed: Date.UTC(2026, 0, 1) },
    { phraseId: 'gone/old', count: 1, lastUsed: Date.UTC(2025, 5, 1) },
  ];

  it('joins usage with phrases, most used first, and keeps phrases from removed packs by key', () => {
    const rows = usageRows(records, installed);
    expect(rows.map((r) => [r.packId, r.phraseId, r.count])).toEqual([['team', 'sorry', 7], ['team', 'hi', 3], ['gone', 'old', 1]]);
    expect(rows[1]).toMatchObject({ packName: 'Pack team', title: 'Hi', step: 'greet' });
  });

  it('exports RFC 4180 CSV that reads back, with formulas neutralised', () => {
    const csv = usageCsv(usageRows(records, installed));
    const table = parseCsv(csv);
    expect(table[0]).toEqual(USAGE_CSV_HEADER);
    expect(table[1]).toEqual(['team', 'Pack team', 'sorry', 'apologize', '', "'=SUM(A1) <b>sorry</b>", '7', '2026-01-01T00:00:00.000Z']);
    expect(table[2]?.[5]).toBe('Hi {{customer.firstName|there}}');
    expect(table).toHaveLength(4);
  });
});
