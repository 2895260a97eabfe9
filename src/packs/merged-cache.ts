// The merged phrase set, kept ready in chrome.storage.local so opening the panel neither validates
// nor merges the packs: it reads the set made when the packs last changed (by the service worker,
// or by the first panel that found none). Reading it needs no validator, so the panel imports this
// module alone; merged-set.ts makes the set.
import type { CompiledCueData } from '../core/cues/detect';
import type { CueRules } from '../core/cues/rules';
import type { MergedPhrase } from '../core/pack/merge';
import type { Policy } from '../core/policy';
import type { Step } from '../core/steps';
import type { InstalledPack } from './install';

export const MERGED_KEY = 'packs.merged';
/** Raised when the stored shape of a set changes, so an older set is never read as a newer one. */
const FORMAT = 1;
/** One set per locale in use (the panel's own, customers' languages), newest first. */
const KEEP = 4;

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

export async function readMergedCache(): Promise<MergedCacheEntry[]> {
  const got = await chrome.storage.local.get(MERGED_KEY);
  const list = got[MERGED_KEY];
  return Array.isArray(list) ? list.filter((e): e is MergedCacheEntry => typeof e?.key === 'string' && typeof e?.set === 'object' && e.set !== null) : [];
}

export function findMerged(entries: readonly MergedCacheEntry[] | undefined, key: string): MergedSetData | undefined {
  const set = entries?.find((e) => e.key === key)?.set;
  // A set that lost its lists (storage written by hand) is made again rather than trusted.
  return set && Array.isArray(set.steps) && Array.isArray(set.phrases) && Array.isArray(set.left) && typeof set.cueRules === 'object' ? set : undefined;
}

/** Stores `set` under `key`, first, keeping the few newest others (a cache: losing a race costs one merge). */
export async function storeMerged(key: string, set: MergedSetData): Promise<void> {
  const others = (await readMergedCache()).filter((e) => e.key !== key);
  await chrome.storage.local.set({ [MERGED_KEY]: [{ key, set }, ...others].slice(0, KEEP) });
}
