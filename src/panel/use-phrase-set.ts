import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalizePolicy, type Policy, NO_POLICY } from '../core/policy';
import type { MergedPhrase } from '../core/pack/merge';
import { buildPhraseIndex, searchPhrases, type SearchContext } from '../core/search';
import type { Step } from '../core/steps';
import type { CueRules } from '../core/cues';
import { formatPackError, validatePack } from '../core/pack/validate';
import { mergeInstalled } from '../packs/merge-installed';
import type { InstalledPack } from '../packs/install';
import { loadDefaultPack, onInstalledChanged, readInstalled } from '../packs/store';

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

function usePolicy(): Policy {
  const [policy, setPolicy] = useState<Policy>(NO_POLICY);
  useEffect(() => {
    const read = () => chrome.storage.managed.get(null).then((raw) => setPolicy(normalizePolicy(raw)), () => setPolicy(NO_POLICY));
    void read();
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
    else left.push(`The pack “${typeof entry?.pack?.name === 'string' ? entry.pack.name : 'unnamed'}” was left out: ${formatPackError(checked.errors[0]!)}`);
  }
  return { usable, left };
}

/** The merged phrases and steps of every enabled pack, indexed for instant search. */
export function usePhraseSet(): PhraseSet {
  const [installed, setInstalled] = useState<InstalledPack[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const policy = usePolicy();
  useEffect(() => {
    readInstalled().then(async (list) => {
      // Before the service worker has installed the built-in pack (first run), read it directly.
      if (list.length) return setInstalled(list);
      const pack = await loadDefaultPack();
      setInstalled([{ pack, source: 'default', installedAt: 0, updatedAt: 0 }]);
    }).catch((err: Error) => {
      setProblems([`Phrases could not be loaded: ${err.message}`]);
      setInstalled([]);
    });
    return onInstalledChanged(setInstalled);
  }, []);

  return useMemo(() => {
    const { usable, left } = usablePacks(installed ?? []);
    const merged = mergeInstalled(usable, policy, navigator.language);
    const index = buildPhraseIndex(merged.phrases);
    const byKey = new Map<string, PanelPhrase>();
    for (const p of merged.phrases) byKey.set(p.key, p);
    return {
      steps: merged.steps,
      cueRules: merged.cueRules,
      byKey,
      search: (query: string, ctx: SearchContext) => searchPhrases(index, query, ctx) as PanelPhrase[],
      problems: [...problems, ...left, ...policy.problems],
    };
  }, [installed, policy, problems]);
}
