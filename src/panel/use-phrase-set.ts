import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalizePolicy, type Policy, NO_POLICY } from '../core/policy';
import type { MergedPhrase } from '../core/pack/merge';
import { buildPhraseIndex, searchPhrases, type SearchContext } from '../core/search';
import type { Step } from '../core/steps';
import { restoreCompiledCues } from '../core/cues/detect';
import { DEFAULT_CUE_RULES, type CueRules } from '../core/cues/rules';
import { choosePhraseLocale, type PhraseLocaleChoice, type PhraseLocaleInput } from '../core/phrase-language';
import { installedLocales } from '../packs/merge-installed';
import { findMerged, mergedCacheKey, mergedStorageKey, readMergedCache, storeMerged, type MergedCacheEntry, type MergedSetData, type MergePolicy } from '../packs/merged-cache';
import type { InstalledPack } from '../packs/install';
import { onInstalledChanged, readInstalled } from '../packs/installed';
import { boot, markMerged } from './boot';
import { t } from '../i18n';

export type PanelPhrase = MergedPhrase;

export interface PhraseSet {
  steps: Step[];
  /** Cue rules with the packs' changes. */
  cueRules: CueRules;
  /** By `packId/phraseId`, unique across packs. */
  byKey: Map<string, PanelPhrase>;
  search(query: string, ctx: SearchContext): PanelPhrase[];
  problems: string[];
  /** The language the phrases are in, and the others the agent can switch this ticket to. */
  language: PhraseLocaleChoice;
  /**
   * Lines for the agent's own ears (the Reset step, tagged "self"), in the agent's language: the
   * customer's language is for what goes into the reply.
   */
  selfTalk: PanelPhrase[];
}

/** What decides the phrase language, besides the packs: see core/phrase-language.ts. */
export type PhraseLanguageWanted = Omit<PhraseLocaleInput, 'available'>;

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
type MergedSet = Omit<PhraseSet, 'problems' | 'language' | 'selfTalk'> & { left: string[] };

const NO_LANGUAGE: PhraseLocaleChoice = { locale: 'en', why: 'english', options: [] };
const EMPTY_SET: PhraseSet = { steps: [], cueRules: DEFAULT_CUE_RULES.en!, byKey: new Map(), search: () => [], problems: [], language: NO_LANGUAGE, selfTalk: [] };

const selfTalkOf = (set: MergedSet) => set.search('', { step: 'reset', limit: 50 }).filter((p) => !!p.tags?.includes('self'));

/**
 * Indexed sets by key, kept for the life of the page: the workspace remounts on every ticket switch,
 * and the packs and policy rarely change, so a switch reuses the set and its index, also when
 * tickets alternate between languages. A few are kept (the customers' languages and the agent's).
 */
const indexedSets = new Map<string, MergedSet>();
const KEEP_SETS = 6;
/** The set shown last, kept on screen while a new one is made (the packs changed with the panel open). */
let lastShown: MergedSet | null = null;

function indexed(key: string, data: MergedSetData): MergedSet {
  const known = indexedSets.get(key);
  if (known) return known;
  restoreCompiledCues(data.cueRules, data.compiledCues);
  const index = buildPhraseIndex(data.phrases);
  // The word index is built when the panel is idle, so the agent's first search does not wait for it.
  const prebuild = () => void index.vocab;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(prebuild, { timeout: 2000 });
  else setTimeout(prebuild, 0);
  const byKey = new Map<string, PanelPhrase>();
  for (const p of data.phrases) byKey.set(p.key, p);
  const set = {
    left: data.left,
    steps: data.steps,
    cueRules: data.cueRules,
    byKey,
    search: (query: string, ctx: SearchContext) => searchPhrases(index, query, ctx) as PanelPhrase[],
  };
  indexedSets.set(key, set);
  if (indexedSets.size > KEEP_SETS) indexedSets.delete(indexedSets.keys().next().value!);
  markMerged();
  return set;
}

/** The set for `key` when it is ready: indexed in this page, or stored when the packs last changed. */
function readySet(key: string, stored: MergedCacheEntry | undefined): MergedSet | null {
  const known = indexedSets.get(key);
  if (known) return known;
  const data = findMerged(stored, key);
  return data ? indexed(key, data) : null;
}

/**
 * The merged set of every enabled pack in `locale` (null: none wanted yet). Read ready-made (see
 * packs/merged-cache.ts); only when none is stored for these packs, policy and locale is it made
 * here, with the validator loaded for that alone, and stored for next time.
 */
function useMergedSet(installed: InstalledPack[] | null, policy: MergePolicy, locale: string | null, onProblem: (text: string) => void): MergedSet | null {
  const { disableDefaultPack, allowPersonalPhrases } = policy;
  const [made, setMade] = useState<{ key: string; set: MergedSet } | null>(null);
  // The stored set for this locale and these policy switches (boot has read the usual one).
  const slot = locale === null ? null : mergedStorageKey({ disableDefaultPack, allowPersonalPhrases }, locale);
  const [stored, setStored] = useState<{ slot: string; entry?: MergedCacheEntry } | undefined>(
    slot !== null && boot?.merged.known && boot.mergedSlot === slot ? { slot, entry: boot.merged.value } : undefined,
  );
  useEffect(() => {
    if (slot === null || locale === null || stored?.slot === slot) return;
    let live = true;
    const read = boot && boot.mergedSlot === slot ? boot.merged.latest() : readMergedCache({ disableDefaultPack, allowPersonalPhrases }, locale);
    read.then((entry) => live && setStored({ slot, entry }), () => live && setStored({ slot }));
    return () => {
      live = false;
    };
    // The slot describes the policy switches and the locale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slot]);
  const storedHere = slot !== null && stored?.slot === slot ? stored : undefined;

  const key = useMemo(
    () => (installed && locale !== null ? mergedCacheKey(installed, { disableDefaultPack, allowPersonalPhrases }, locale) : null),
    [installed, disableDefaultPack, allowPersonalPhrases, locale],
  );
  const set = key === null ? null : made?.key === key ? made.set : readySet(key, storedHere?.entry);

  useEffect(() => {
    // Made only once the stored set is known, and only when it does not fit.
    if (key === null || locale === null || set || !storedHere || !installed) return;
    let live = true;
    import('../packs/merged-set')
      .then(({ makeMergedSet }) => {
        const data = makeMergedSet(installed, { disableDefaultPack, allowPersonalPhrases }, locale);
        void storeMerged(key, data, { disableDefaultPack, allowPersonalPhrases }, locale).catch(() => undefined);
        if (live) setMade({ key, set: indexed(key, data) });
      })
      .catch((err: Error) => live && onProblem(t('phrasesLoadFailed', err.message)));
    return () => {
      live = false;
    };
    // `set` matters only as "found or not"; the key describes the packs, policy and locale.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, !set, storedHere]);
  return set;
}

/**
 * The merged phrases and steps of every enabled pack in one language, indexed for instant search.
 * `wanted` says what decides the language (the customer's, the agent's, the ticket's choice); null
 * while that is still being found out, so the phrases never flash in a language about to change.
 */
export function usePhraseSet(wanted: PhraseLanguageWanted | null = {}): PhraseSet {
  const [installed, setInstalled] = useState<InstalledPack[] | null>(boot?.installed.known && boot.installed.value?.length ? boot.installed.value : null);
  const [problems, setProblems] = useState<string[]>([]);
  const policy = usePolicy();
  useEffect(() => {
    (boot?.installed.latest() ?? readInstalled()).then(async (list) => {
      // Before the service worker has installed the built-in packs (first run), read them directly.
      if (list.length) return setInstalled(list);
      // Rare (first run): the validator loads only then.
      const { loadDefaultPacks } = await import('../packs/store');
      const packs = await loadDefaultPacks();
      setInstalled(packs.map((pack) => ({ pack, source: 'default', installedAt: 0, updatedAt: 0 })));
    }).catch((err: Error) => {
      setProblems([t('phrasesLoadFailed', err.message)]);
      setInstalled([]);
    });
    return onInstalledChanged(setInstalled);
  }, []);

  const { disableDefaultPack, allowPersonalPhrases } = policy;
  // The languages the packs speak, read without validating them (that is the stored set's job): a
  // locale whose only pack turns out unusable merges to the English steps, never to nothing.
  const available = useMemo(
    () => (installed ? installedLocales(installed.filter((e) => typeof e?.pack?.locale === 'string'), { disableDefaultPack, allowPersonalPhrases }) : []),
    [installed, disableDefaultPack, allowPersonalPhrases],
  );
  const { customer, agent, chosen } = wanted ?? {};
  const waiting = wanted === null || !installed;
  const language = useMemo(() => (waiting ? null : choosePhraseLocale({ available, customer, agent, chosen })), [waiting, available, customer, agent, chosen]);
  const own = useMemo(() => (waiting ? null : choosePhraseLocale({ available, agent }).locale), [waiting, available, agent]);

  const onProblem = (text: string) => setProblems([text]);
  const set = useMergedSet(installed, policy, language?.locale ?? null, onProblem);
  // The agent's own set, for the Reset lines, only when the phrases follow another language.
  const ownSet = useMergedSet(installed, policy, own !== null && own !== language?.locale ? own : null, onProblem);

  const shown = set ?? (language ? lastShown : null);
  if (set) lastShown = set;
  return useMemo(() => {
    if (!shown || !language) return { ...EMPTY_SET, problems };
    const { left, ...rest } = shown;
    const selfSource = own === language.locale ? shown : ownSet;
    return { ...rest, language, selfTalk: selfSource ? selfTalkOf(selfSource) : [], problems: [...problems, ...left, ...policy.problems] };
  }, [shown, ownSet, own, language, policy, problems]);
}
