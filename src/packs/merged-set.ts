// Makes the merged phrase set from the installed packs: each stored pack checked again, then
// merged. Run when the packs change (service worker) or when a panel finds no set for its key;
// never on an ordinary panel open (see merged-cache.ts).
import { compiledCueData } from '../core/cues/detect';
import { t } from '../i18n';
import { formatPackError, validatePack } from '../core/pack/validate';
import type { InstalledPack } from './install';
import { installedLocales, mergeInstalled } from './merge-installed';
import { readInstalled } from './installed';
import { findMerged, mergedCacheKey, readMergedCache, storeMerged, type MergedSetData, type MergePolicy } from './merged-cache';

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

export function makeMergedSet(installed: readonly InstalledPack[], policy: MergePolicy, locale: string): MergedSetData {
  const { usable, left } = usablePacks(installed);
  const merged = mergeInstalled(usable, policy, locale);
  return { steps: merged.steps, cueRules: merged.cueRules, phrases: merged.phrases, left, compiledCues: compiledCueData(merged.cueRules) };
}

/** Makes the set for these packs and stores it under its key, so the next panel open reads it ready. */
export async function refreshMergedSet(installed: readonly InstalledPack[], policy: MergePolicy, locale: string): Promise<MergedSetData> {
  const set = makeMergedSet(installed, policy, locale);
  await storeMerged(mergedCacheKey(installed, policy, locale), set, policy, locale);
  return set;
}

/**
 * Keeps a set ready for every language the packs speak (service worker: after the packs or the
 * policy changed, and on start, since a new extension version keys its sets anew), so a ticket in a
 * customer's language opens as fast as one in the agent's. Nothing is made when a stored set fits.
 */
export async function keepMergedSetsReady(policy: MergePolicy): Promise<void> {
  const installed = await readInstalled();
  if (!installed.length) return;
  const { usable } = usablePacks(installed);
  for (const locale of installedLocales(usable, policy)) {
    if (findMerged(await readMergedCache(policy, locale), mergedCacheKey(installed, policy, locale))) continue;
    await refreshMergedSet(installed, policy, locale);
  }
}
