// Issue #12 speed: the panel reads the merged phrase set ready-made; only when none fits does it
// make one (loading the validator for that alone) and store it for the next open.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/preact';
import type { Pack } from '../../src/core/pack/types';
import { NO_POLICY } from '../../src/core/policy';
import type { InstalledPack } from '../../src/packs/install';
import { PACKS_KEY } from '../../src/packs/installed';
import { mergedCacheKey, mergedStorageKey, type MergedCacheEntry } from '../../src/packs/merged-cache';
import { makeMergedSet } from '../../src/packs/merged-set';

afterEach(cleanup);

const pack = (id: string, texts: string[]): Pack => ({ schema: 1, id, name: `Pack ${id}`, version: '1.0.0', locale: 'en', phrases: texts.map((text, i) => ({ id: `p${i}`, step: 'greet', text })) });
const installed: InstalledPack[] = [{ pack: pack('team', ['Hello there', 'Welcome back']), source: 'imported', installedAt: 1, updatedAt: 1 }];

/** chrome.storage with what the panel reads (a JSON round trip, as the real one). */
function fakeChrome(initial: Record<string, unknown>) {
  const data: Record<string, unknown> = JSON.parse(JSON.stringify(initial));
  const listeners = { addListener: () => undefined, removeListener: () => undefined };
  const local = {
    get: vi.fn(async (key: string) => (key in data ? { [key]: JSON.parse(JSON.stringify(data[key])) } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(data, JSON.parse(JSON.stringify(items)))),
  };
  (globalThis as unknown as { chrome: unknown }).chrome = {
    storage: { local, session: { get: async () => ({}), onChanged: listeners }, managed: { get: async () => ({}) }, onChanged: listeners },
    runtime: { getManifest: () => ({ version: '9.9.9' }) },
    windows: { getCurrent: async () => ({ id: 1 }) },
  };
  return { data, local };
}

async function phrasesShown(): Promise<string[]> {
  // Imported after chrome exists, and boot started, so the reads begin as in the panel.
  (await import('../../src/panel/boot')).startBoot();
  const { usePhraseSet } = await import('../../src/panel/use-phrase-set');
  let texts: string[] = [];
  function Probe() {
    const set = usePhraseSet({ agent: 'en-US' });
    texts = set.search('', { step: 'greet', limit: 10 }).map((p) => p.text);
    return null;
  }
  render(<Probe />);
  await waitFor(() => expect(texts.length).toBeGreaterThan(0));
  return texts;
}

describe('usePhraseSet', () => {
  it('shows the stored set for these packs as it is, without making one', async () => {
    vi.resetModules();
    const { data, local } = fakeChrome({ [PACKS_KEY]: installed });
    // A marker only the stored set has: the panel must show it, not a fresh merge of the packs.
    const set = makeMergedSet(installed, NO_POLICY, 'en');
    set.phrases[0] = { ...set.phrases[0]!, text: 'Hello from the stored set' };
    data[mergedStorageKey(NO_POLICY, 'en')] = JSON.parse(JSON.stringify({ key: mergedCacheKey(installed, NO_POLICY, 'en'), set } satisfies MergedCacheEntry));
    expect(await phrasesShown()).toContain('Hello from the stored set');
    expect(local.set).not.toHaveBeenCalled();
  });

  it('makes the set when the stored one is for other packs, and stores it for the next open', async () => {
    vi.resetModules();
    const stale = { key: 'an older key', set: makeMergedSet([{ ...installed[0]!, pack: pack('team', ['Old words']) }], NO_POLICY, 'en') };
    const { data } = fakeChrome({ [PACKS_KEY]: installed, [mergedStorageKey(NO_POLICY, 'en')]: stale });
    expect(await phrasesShown()).toEqual(expect.arrayContaining(['Hello there', 'Welcome back']));
    await waitFor(() => expect((data[mergedStorageKey(NO_POLICY, 'en')] as MergedCacheEntry).key).toBe(mergedCacheKey(installed, NO_POLICY, 'en')));
  });
});
