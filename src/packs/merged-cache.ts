// The merged phrase set, kept ready in chrome.storage.local so opening the panel neither validates
// nor merges the packs: it reads the set made when the packs last changed (by the service worker,
// or by the first panel that found none), one per locale (the panel's own, customers' languages). Reading it needs no validator, so the panel imports this
// module alone; merged-set.ts makes the set.
import type { CompiledCueData } from '../core/cues/detect';
import type { CueRules } from '../core/cues/rules';
import type { MergedPhrase } from '../core/pack/merge';
import type { Policy } from '../core/policy';
import type { Step } from '../core/steps';
import type { InstalledPack } from './install';

/** Sets are stored one per locale and policy switches, so a panel reads only the one it needs. */
export const MERGED_KEY_PREFIX = 'packs.merged:';
/** Raised when the stored shape of a set changes, so an older set is never read as a newer one. */
const FORMAT = 1;

/** What the panel shows from the packs, as stored: plain data, indexed again when read. */
export interface MergedSetData {
  steps: Step[];
  cueRules: CueRules;
  phrases: MergedPhrase[];
  /** Stored packs that were left out, by name, with their first problem (for the agent). */
  left: string[];
  /** cueRules' patterns compiled (most of a first cue detection's cost); compiled again when absent. */
  compiledCues?: CompiledCueData;
}

export interface MergedCacheEntry {
  key: string;
  set: MergedSetData;
}

export type MergePolicy = Pick<Policy, 'disableDefaultPack' | 'allowPersonalPhrases'>;

/** 32-bit FNV-1a: a cheap fingerprint, not a security measure (the set is only ever made by this extension). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const extensionVersion = () => (typeof chrome !== 'undefined' && chrome.runtime?.getManifest ? chrome.runtime.getManifest().version : 'dev');

/**
 * Everything the set depends on: the packs (ids, versions, sources, switches, and a fingerprint of
 * their content, so a pack rewritten in place under the same version is merged again), the locale,
 * the two policy switches, and the extension version (a new version may validate differently).
 */
export function mergedCacheKey(installed: readonly InstalledPack[], policy: MergePolicy, locale: string): string {
  const packs = installed.map((e) => `${e?.source}:${e?.pack?.id}@${e?.pack?.version}:${e?.updatedAt}:${e?.disabled ? 1 : 0}`).join(',');
  return [FORMAT, extensionVersion(), locale.toLowerCase(), `${policy.disableDefaultPack ? 1 : 0}${policy.allowPersonalPhrases ? 1 : 0}`, packs, fnv1a(JSON.stringify(installed))].join('|');
}

/** Where the set for this locale and these policy switches is stored (its full key is checked on reading). */
export function mergedStorageKey(policy: MergePolicy, locale: string): string {
  return `${MERGED_KEY_PREFIX}${locale.toLowerCase()}:${policy.disableDefaultPack ? 1 : 0}${policy.allowPersonalPhrases ? 1 : 0}`;
}

export async function readMergedCache(policy: MergePolicy, locale: string): Promise<MergedCacheEntry | undefined> {
  const slot = mergedStorageKey(policy, locale);
  const entry = (await chrome.storage.local.get(slot))[slot] as MergedCacheEntry | undefined;
  return typeof entry?.key === 'string' && typeof entry.set === 'object' && entry.set !== null ? entry : undefined;
}

export function findMerged(entry: MergedCacheEntry | undefined, key: string): MergedSetData | undefined {
  const set = entry?.key === key ? entry.set : undefined;
  // A set that lost its lists (storage written by hand) is made again rather than trusted.
  return set && Array.isArray(set.steps) && Array.isArray(set.phrases) && Array.isArray(set.left) && typeof set.cueRules === 'object' ? set : undefined;
}

/** Stores `set` under `key`, in place of the older set for the same locale and policy switches. */
export async function storeMerged(key: string, set: MergedSetData, policy: MergePolicy, locale: string): Promise<void> {
  await chrome.storage.local.set({ [mergedStorageKey(policy, locale)]: { key, set } satisfies MergedCacheEntry });
}
