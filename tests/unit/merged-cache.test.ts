// The merged phrase set kept ready in storage (issue #12 speed): what its key depends on, and the
// panel path that uses a stored set without validating or merging again.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../src/core/pack/types';
import { detectCues, restoreCompiledCues } from '../../src/core/cues/detect';
import { NO_POLICY } from '../../src/core/policy';
import type { InstalledPack } from '../../src/packs/install';
import { PACKS_KEY } from '../../src/packs/installed';
import { findMerged, mergedCacheKey, mergedStorageKey, readMergedCache, storeMerged } from '../../src/packs/merged-cache';
import { keepMergedSetsReady, makeMergedSet, refreshMergedSet } from '../../src/packs/merged-set';

const pack = (id: string, version: string, texts: string[], extra: Partial<Pack> = {}): Pack => ({
  schema: 1, id, name: `Pack ${id}`, version, locale: 'en',
  phrases: texts.map((text, i) => ({ id: `p${i}`, step: 'greet', text })),
  ...extra,
});
const entry = (p: Pack, extra: Partial<InstalledPack> = {}): InstalledPack => ({ pack: p, source: 'imported', installedAt: 1, updatedAt: 1, ...extra });

/** A chrome.storage.local that keeps what is set, as the real one does (a JSON round trip). */
function fakeStorage() {
  let data: Record<string, unknown> = {};
  const local = {
    get: async (key: string) => (key in data ? { [key]: JSON.parse(JSON.stringify(data[key])) } : {}),
    set: async (items: Record<string, unknown>) => {
      data = { ...data, ...JSON.parse(JSON.stringify(items)) };
    },
  };
  (globalThis as unknown as { chrome: unknown }).chrome = { storage: { local } };
  return { data: () => data };
}

describe('mergedCacheKey', () => {
  const base = [entry(pack('team', '1.0.0', ['Hello']))];
  const key = mergedCacheKey(base, NO_POLICY, 'en-US');

  it('is the same for the same packs, policy and locale', () => {
    expect(mergedCacheKey(structuredClone(base), NO_POLICY, 'en-US')).toBe(key);
  });

  it('changes with the locale (a customer’s language), a policy switch, a version, a switch-off or the content', () => {
    expect(mergedCacheKey(base, NO_POLICY, 'de')).not.toBe(key);
    expect(mergedCacheKey(base, { ...NO_POLICY, allowPersonalPhrases: false }, 'en-US')).not.toBe(key);
    expect(mergedCacheKey([entry(pack('team', '1.0.1', ['Hello']))], NO_POLICY, 'en-US')).not.toBe(key);
    expect(mergedCacheKey([entry(pack('team', '1.0.0', ['Hello']), { disabled: true })], NO_POLICY, 'en-US')).not.toBe(key);
    // Rewritten in place under the same version and date: the content fingerprint still tells.
    expect(mergedCacheKey([entry(pack('team', '1.0.0', ['Hello there']))], NO_POLICY, 'en-US')).not.toBe(key);
  });
});

describe('the stored set', () => {
  let storage: ReturnType<typeof fakeStorage>;
  beforeEach(() => {
    storage = fakeStorage();
  });

  it('is found by its key after a storage round trip, and equals a fresh merge', async () => {
    const installed = [entry(pack('team', '1.0.0', ['Hello {{customer.firstName}}', 'Welcome back']))];
    const made = await refreshMergedSet(installed, NO_POLICY, 'en');
    const found = findMerged(await readMergedCache(NO_POLICY, 'en'), mergedCacheKey(installed, NO_POLICY, 'en'));
    expect(found).toEqual(JSON.parse(JSON.stringify(made)));
    expect(found?.phrases.map((p) => p.key)).toEqual(['team/p0', 'team/p1']);
    expect(await readMergedCache(NO_POLICY, 'de')).toBeUndefined();
    // Packs changed since: the stored set no longer fits.
    expect(findMerged(await readMergedCache(NO_POLICY, 'en'), mergedCacheKey([entry(pack('team', '1.0.1', ['Hi']))], NO_POLICY, 'en'))).toBeUndefined();
  });

  it('keeps the packs that were left out, by name, so the panel still says so', () => {
    const bad = { ...pack('bad', '1.0.0', ['x']), phrases: 'not a list' } as unknown as Pack;
    const set = makeMergedSet([entry(pack('good', '1.0.0', ['Hello'])), entry(bad, { source: 'subscribed' })], NO_POLICY, 'en');
    expect(set.phrases.map((p) => p.packId)).toEqual(['good']);
    expect(set.left).toEqual([expect.stringMatching(/^The pack “Pack bad” was left out: /)]);
  });

  it('keeps one set per locale and policy switches, each read alone', async () => {
    const installed = [entry(pack('team', '1.0.0', ['Hello']))];
    for (const locale of ['en', 'de', 'pt-BR']) await refreshMergedSet(installed, NO_POLICY, locale);
    await refreshMergedSet(installed, { ...NO_POLICY, disableDefaultPack: true }, 'en');
    expect(Object.keys(storage.data()).sort()).toEqual(['packs.merged:de:01', 'packs.merged:en:01', 'packs.merged:en:11', 'packs.merged:pt-br:01']);
    for (const locale of ['en', 'de', 'pt-BR']) expect((await readMergedCache(NO_POLICY, locale))?.key).toBe(mergedCacheKey(installed, NO_POLICY, locale));
  });

  it('is never trusted when it lost its lists (storage altered by hand): the panel makes it again', async () => {
    const installed = [entry(pack('team', '1.0.0', ['Hello']))];
    const key = mergedCacheKey(installed, NO_POLICY, 'en');
    await storeMerged(key, { steps: [], phrases: 'oops', left: [], cueRules: {} } as never, NO_POLICY, 'en');
    expect(findMerged(await readMergedCache(NO_POLICY, 'en'), key)).toBeUndefined();
    expect(findMerged({ key: 'other', set: makeMergedSet(installed, NO_POLICY, 'en') }, key)).toBeUndefined();
  });

  it('is made by the service worker only when none fits the installed packs', async () => {
    const installed = [entry(pack('team', '1.0.0', ['Hello']))];
    await keepMergedSetsReady(NO_POLICY);
    expect(await readMergedCache(NO_POLICY, 'en')).toBeUndefined(); // nothing installed yet: nothing to make
    await chrome.storage.local.set({ [PACKS_KEY]: installed });
    await keepMergedSetsReady(NO_POLICY);
    const first = await readMergedCache(NO_POLICY, 'en');
    expect(first?.key).toBe(mergedCacheKey(installed, NO_POLICY, 'en'));
    await chrome.storage.local.set({ [mergedStorageKey(NO_POLICY, 'en')]: { ...first, marker: 1 } });
    await keepMergedSetsReady(NO_POLICY);
    expect(await readMergedCache(NO_POLICY, 'en')).toMatchObject({ marker: 1 }); // still fits: not made again
  });
});

describe('the cue patterns stored compiled with the set', () => {
  const messages = [
    'This is the THIRD time I write about order #1042!!! Still nothing.',
    'Thanks so much, that fixed it, you are a star :)',
    'I have been waiting for 2 weeks and nobody answers',
    'Can you tell me where my parcel is?',
  ];
  const input = (message: string) => ({ message, customerMessages: 3, channel: 'email' as const, now: 1_700_000_000_000 });

  it('detect exactly what freshly compiled rules detect, after a storage round trip', () => {
    const fresh = makeMergedSet([entry(pack('team', '1.0.0', ['Hello']))], NO_POLICY, 'en');
    const stored = JSON.parse(JSON.stringify(fresh)) as typeof fresh;
    expect(stored.compiledCues).toBeDefined();
    restoreCompiledCues(stored.cueRules, stored.compiledCues);
    const other = JSON.parse(JSON.stringify(fresh.cueRules)) as typeof fresh.cueRules; // compiled from scratch
    for (const m of messages) expect(detectCues(input(m), stored.cueRules)).toEqual(detectCues(input(m), other));
    expect(detectCues(input(messages[0]!), stored.cueRules).map((c) => c.kind)).toContain('frustration');
  });

  it('are what detection then runs (not a fresh compile)', () => {
    const fresh = makeMergedSet([entry(pack('team', '1.0.0', ['Hello']))], NO_POLICY, 'en');
    const stored = JSON.parse(JSON.stringify(fresh)) as typeof fresh;
    const data = stored.compiledCues!;
    const [id] = Object.keys(data.signals.frustration);
    data.signals.frustration[id!] = [['(?<=^| )banana(?= |$)', 'g', null]];
    const first = { ...input('banana banana'), customerMessages: 1 };
    expect(detectCues(first, JSON.parse(JSON.stringify(fresh.cueRules))).map((c) => c.kind)).not.toContain('frustration');
    restoreCompiledCues(stored.cueRules, data);
    expect(detectCues(first, stored.cueRules).map((c) => c.kind)).toContain('frustration');
  });

  it('compile from the rules whatever of the stored data is missing or malformed', () => {
    const fresh = makeMergedSet([entry(pack('team', '1.0.0', ['Hello']))], NO_POLICY, 'en');
    const stored = JSON.parse(JSON.stringify(fresh)) as typeof fresh;
    const broken = { signals: { frustration: { 'not-a-signal': 'x' } }, lists: { calm: [[1, 2, 3]], courtesy: [['(', 'g', null]] } };
    restoreCompiledCues(stored.cueRules, broken as never);
    const other = JSON.parse(JSON.stringify(fresh.cueRules)) as typeof fresh.cueRules;
    for (const m of messages) expect(detectCues(input(m), stored.cueRules)).toEqual(detectCues(input(m), other));
  });
});
