import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalizePolicy, type Policy, NO_POLICY } from '../core/policy';
import type { MergedPhrase } from '../core/pack/merge';
import { buildPhraseIndex, searchPhrases, type SearchContext } from '../core/search';
import type { Step } from '../core/steps';
import { restoreCompiledCues } from '../core/cues/detect';
import { DEFAULT_CUE_RULES, type CueRules } from '../core/cues/rules';
import { findMerged, mergedCacheKey, mergedStorageKey, readMergedCache, storeMerged, type MergedCacheEntry, type MergedSetData } from '../packs/merged-cache';
import type { InstalledPack } from '../packs/install';
import { onInstalledChanged, readInstalled } from '../packs/installed';
import { boot, markMerged } from './boot';

export type PanelPhrase = MergedPhrase;

export interface PhraseSet {
  steps: Step[];
  /** Cue rules with the packs' changes. */
  cueRules: CueRules;
  /** By `packId/phraseId`, unique across packs. */
  byKey: Map<string, PanelPhrase>;
  search(query: string, ctx: SearchContext): PanelPhrase[];
  problems: string[];
}

/**
 * Starts as "no policy": managed storage can take seconds to answer after a browser start, and the
 * phrases must not wait for it. The merge depends on two of its fields only, so the real answer
 * costs a second merge only when it changes one of them.
 */
function usePolicy(): Policy {
  const [policy, setPolicy] = useState<Policy>(boot?.policy.known ? boot.policy.value! : NO_POLICY);
  useEffect(() => {
    const read = () => chrome.storage.managed.get(null).then((raw) => setPolicy(normalizePolicy(raw)), () => setPolicy(NO_POLICY));
    if (boot) void boot.policy.latest().then(setPolicy, () => setPolicy(NO_POLICY));
    else void read();
    const fn = (_c: unknown, area: string) => area === 'managed' && void read();
    chrome.storage.onChanged.addListener(fn);
    return () => chrome.storage.onChanged.removeListener(fn);
  }, []);
  return policy;
}

/** A merged set as the panel uses it, with the stored packs that were left out. */
type MergedSet = Omit<PhraseSet, 'problems'> & { left: string[] };

const EMPTY_SET: PhraseSet = { steps: [], cueRules: DEFAULT_CUE_RULES.en!, byKey: new Map(), search: () => [], problems: [] };

/**
 * The last indexed set, kept for the life of the page: the workspace remounts on every ticket
 * switch, and the packs and policy rarely change, so a switch reuses the set and its index.
 */
let ready: { key: string; set: MergedSet } | null = null;

function indexed(key: string, data: MergedSetData): MergedSet {
  if (ready?.key === key) return ready.set;
  restoreCompiledCues(data.cueRules, data.compiledCues);
  const index = buildPhraseIndex(data.phrases);
  const byKey = new Map<string, PanelPhrase>();
  for (const p of data.phrases) byKey.set(p.key, p);
  const set = {
    left: data.left,
    steps: data.steps,
    cueRules: data.cueRules,
    byKey,
    search: (query: string, ctx: SearchContext) => searchPhrases(index, query, ctx) as PanelPhrase[],
  };
  ready = { key, set };
  markMerged();
  return set;
}

/** The set for `key` when it is ready: indexed in this page, or stored when the packs last changed. */
function readySet(key: string, stored: MergedCacheEntry | undefined): MergedSet | null {
  if (ready?.key === key) return ready.set;
  const data = findMerged(stored, key);
  return data ? indexed(key, data) : null;
}

/**
 * The merged phrases and steps of every enabled pack, indexed for instant search. The set is read
 * ready-made (see packs/merged-cache.ts); only when none is stored for these packs, policy and
 * `locale` is it made here, with the validator loaded for that alone, and stored for next time.
 */
export function usePhraseSet(locale: string = navigator.language): PhraseSet {
  const [installed, setInstalled] = useState<InstalledPack[] | null>(boot?.installed.known && boot.installed.value?.length ? boot.installed.value : null);
  const [made, setMade] = useState<{ key: string; set: MergedSet } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const policy = usePolicy();
  useEffect(() => {
    (boot?.installed.latest() ?? readInstalled()).then(async (list) => {
      // Before the service worker has installed the built-in pack (first run), read it directly.
      if (list.length) return setInstalled(list);
      // Rare (first run): the validator loads only then.
      const { loadDefaultPack } = await import('../packs/store');
      const pack = await loadDefaultPack();
      setInstalled([{ pack, source: 'default', installedAt: 0, updatedAt: 0 }]);
    }).catch((err: Error) => {
      setProblems([`Phrases could not be loaded: ${err.message}`]);
      setInstalled([]);
    });
    return onInstalledChanged(setInstalled);
  }, []);

  const { disableDefaultPack, allowPersonalPhrases } = policy;
  // The stored set for this locale and these policy switches (boot has read the usual one).
  const slot = mergedStorageKey({ disableDefaultPack, allowPersonalPhrases }, locale);
  const [stored, setStored] = useState<{ slot: string; entry?: MergedCacheEntry } | undefined>(
    boot?.merged.known && boot.mergedSlot === slot ? { slot, entry: boot.merged.value } : undefined,
  );
  useEffect(() => {
    if (stored?.slot === slot) return;
    let live = true;
    const read = boot && boot.mergedSlot === slot ? boot.merged.latest() : readMergedCache({ disableDefaultPack, allowPersonalPhrases }, locale);
    read.then((entry) => live && setStored({ slot, entry }), () => live && setStored({ slot }));
    return () => {
      live = false;
    };
    // The slot describes the policy switches and the locale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slot]);
  const storedHere = stored?.slot === slot ? stored : undefined;

  const key = useMemo(
    () => (installed ? mergedCacheKey(installed, { disableDefaultPack, allowPersonalPhrases }, locale) : null),
    [installed, disableDefaultPack, allowPersonalPhrases, locale],
  );
  const set = key === null ? null : made?.key === key ? made.set : readySet(key, storedHere?.entry);

  useEffect(() => {
    // Made only once the stored set is known, and only when it does not fit.
    if (key === null || set || !storedHere || !installed) return;
    let live = true;
    import('../packs/merged-set')
      .then(({ makeMergedSet }) => {
        const data = makeMergedSet(installed, { disableDefaultPack, allowPersonalPhrases }, locale);
        void storeMerged(key, data, { disableDefaultPack, allowPersonalPhrases }, locale).catch(() => undefined);
        if (live) setMade({ key, set: indexed(key, data) });
      })
      .catch((err: Error) => live && setProblems([`Phrases could not be loaded: ${err.message}`]));
    return () => {
      live = false;
    };
    // `set` matters only as "found or not"; the key describes the packs, policy and locale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, !set, storedHere]);

  // While a new set is made (the packs changed with the panel open), the last one stays on screen:
  // the checklist and phrases never blink out.
  const shown = set ?? ready?.set ?? null;
  return useMemo(() => {
    if (!shown) return { ...EMPTY_SET, problems };
    const { left, ...rest } = shown;
    return { ...rest, problems: [...problems, ...left, ...policy.problems] };
  }, [shown, policy, problems]);
}
