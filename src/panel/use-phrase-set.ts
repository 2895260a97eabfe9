import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalizePolicy, type Policy, NO_POLICY } from '../core/policy';
import type { MergedPhrase } from '../core/pack/merge';
import { buildPhraseIndex, searchPhrases, type SearchContext } from '../core/search';
import type { Step } from '../core/steps';
import { DEFAULT_CUE_RULES, type CueRules } from '../core/cues';
import { formatPackError, validatePack } from '../core/pack/validate';
import { choosePhraseLocale, type PhraseLocaleChoice, type PhraseLocaleInput } from '../core/phrase-language';
import { installedLocales, mergeInstalled } from '../packs/merge-installed';
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

/**
 * Stored packs are checked again before they are merged: a pack stored by an older version (before
 * a rule existed) or altered in storage must not break the phrases of every other pack. One that
 * fails is left out, by name, with its first problem.
 */
export function usablePacks(installed: readonly InstalledPack[]): { usable: InstalledPack[]; left: string[] } {
  const usable: InstalledPack[] = [];
  const left: string[] = [];
  for (const entry of installed) {
    const checked = validatePack(entry?.pack);
    if (checked.ok) usable.push({ ...entry, pack: checked.pack });
    else left.push(t('packLeftOut', typeof entry?.pack?.name === 'string' ? entry.pack.name : t('packUnnamed'), formatPackError(checked.errors[0]!)));
  }
  return { usable, left };
}

/** A merged set, with the stored packs that were left out (by name, with their first problem). */
type MergedSet = Omit<PhraseSet, 'problems' | 'language' | 'selfTalk'> & { left: string[] };

const NO_LANGUAGE: PhraseLocaleChoice = { locale: 'en', why: 'english', options: [] };
const EMPTY_SET: PhraseSet = { steps: [], cueRules: DEFAULT_CUE_RULES.en!, byKey: new Map(), search: () => [], problems: [], language: NO_LANGUAGE, selfTalk: [] };

const selfTalkOf = (set: MergedSet) => set.search('', { step: 'reset', limit: 50 }).filter((p) => !!p.tags?.includes('self'));

/**
 * The merged sets, one per phrase language, kept for the life of the page: the workspace remounts on
 * every ticket switch, and the packs and policy rarely change, so a switch reuses the merge and its
 * index, also when tickets alternate between languages. A set is a pure function of the packs, the
 * policy and the locale.
 */
let ready: { installed: readonly InstalledPack[]; policyKey: string; usable: InstalledPack[]; left: string[]; sets: Map<string, MergedSet> } | null = null;

function checkedPacks(installed: readonly InstalledPack[], policy: Policy) {
  const policyKey = `${policy.disableDefaultPack}:${policy.allowPersonalPhrases}`;
  if (!ready || ready.installed !== installed || ready.policyKey !== policyKey) {
    const { usable, left } = usablePacks(installed);
    ready = { installed, policyKey, usable, left, sets: new Map() };
  }
  return ready;
}

/** The languages the usable packs speak under this policy. */
function localesOf(installed: readonly InstalledPack[], policy: Policy): string[] {
  return installedLocales(checkedPacks(installed, policy).usable, policy);
}

function mergedSet(installed: readonly InstalledPack[], policy: Policy, locale: string): MergedSet {
  const checked = checkedPacks(installed, policy);
  const known = checked.sets.get(locale);
  if (known) return known;
  const { usable, left } = checked;
  const merged = mergeInstalled(usable, policy, locale);
  const index = buildPhraseIndex(merged.phrases);
  const byKey = new Map<string, PanelPhrase>();
  for (const p of merged.phrases) byKey.set(p.key, p);
  const set = {
    left,
    steps: merged.steps,
    cueRules: merged.cueRules,
    byKey,
    search: (query: string, ctx: SearchContext) => searchPhrases(index, query, ctx) as PanelPhrase[],
  };
  checked.sets.set(locale, set);
  markMerged();
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
      // Before the service worker has installed the built-in pack (first run), read it directly.
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

  const { customer, agent, chosen } = wanted ?? {};
  const waiting = wanted === null;
  return useMemo(() => {
    if (!installed || waiting) return { ...EMPTY_SET, problems };
    const available = localesOf(installed, policy);
    const language = choosePhraseLocale({ available, customer, agent, chosen });
    const { left, ...set } = mergedSet(installed, policy, language.locale);
    const own = choosePhraseLocale({ available, agent }).locale;
    const selfTalk = selfTalkOf(own === language.locale ? { left, ...set } : mergedSet(installed, policy, own));
    return { ...set, language, selfTalk, problems: [...problems, ...left, ...policy.problems] };
  }, [installed, policy, problems, waiting, customer, agent, chosen]);
}
