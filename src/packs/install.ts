// Which packs are installed, and whether a candidate may replace what is there. Pure: callers
// (options page, background subscriptions, policy) store the decided list in one atomic write,
// so a pack is either wholly the old version or wholly the new one.
import { diffPacks, SOURCE_ORDER, updateRefusal, type InstalledPack as MergeInput, type PackSource } from '../core/pack/merge';
import type { Pack } from '../core/pack/types';
import { t, type MessageKey } from '../i18n';
import { DEFAULT_PACK_IDS } from './default-packs';

export type { PackSource };

export interface PackChange {
  fromVersion?: string;
  toVersion: string;
  added: string[];
  removed: string[];
  changed: string[];
}

export interface InstalledPack extends MergeInput {
  /** Where a subscribed or policy pack comes from. */
  url?: string;
  installedAt: number;
  updatedAt: number;
  lastChange?: PackChange;
}

export type InstallDecision =
  | { ok: true; changed: boolean; next: InstalledPack[]; entry: InstalledPack }
  | { ok: false; reason: string };

export function rank(source: PackSource): number {
  return SOURCE_ORDER.indexOf(source);
}

/** The agent's own phrases are stored as a pack with this id (source 'personal'). */
export const PERSONAL_PACK_ID = 'personal';
/** The built-in English pack's id (public/packs/default.en.json); the other languages' are in default-packs.ts. */
export const DEFAULT_PACK_ID = 'person-first-default';

/** Ids that belong to one source only: no other source may install, replace or shadow them. */
const RESERVED_IDS: Readonly<Record<string, PackSource>> = {
  [PERSONAL_PACK_ID]: 'personal',
  ...Object.fromEntries(DEFAULT_PACK_IDS.map((id) => [id, 'default' as const])),
};

/** One whole sentence per source: translators need the sentence, not a phrase to slot in. */
const ID_TAKEN: Record<PackSource, MessageKey> = {
  policy: 'packRefusedIdTakenPolicy',
  subscribed: 'packRefusedIdTakenSubscribed',
  imported: 'packRefusedIdTakenImported',
  default: 'packRefusedIdTakenDefault',
  personal: 'packRefusedIdTakenPersonal',
};

/**
 * core's updateRefusal decides; the lead reads its reason in the UI language. Core stays free of
 * chrome.i18n, so its English sentence is replaced here by the same one from the locale files.
 */
export function updateRefusalText(current: Pack | undefined, next: Pack, source: PackSource): string | null {
  if (!current || !updateRefusal(current, next, source)) return null;
  return current.id !== next.id
    ? t('packRefusedOtherPack', current.id, next.id, current.version)
    : t('packRefusedOlderVersion', next.version, current.version);
}

/**
 * Locked by policy delivery, the policy's lockedPackIds, or the flag of a pack someone else
 * publishes (a subscription): agents may not edit, disable or remove it. A file's own flag does not
 * lock it against the agent who imported it: they chose to add it and may take it away again.
 */
export function isLocked(entry: InstalledPack, policyLocked: readonly string[]): boolean {
  if (entry.source === 'policy' || policyLocked.includes(entry.pack.id)) return true;
  return !!entry.pack.locked && entry.source === 'subscribed';
}

/**
 * Whether `source` may take the id that `existing` holds. Each entry belongs to the source that
 * installed it, so nothing inherits another source's label or lock: policy outranks everything,
 * reserved ids stay with their owner, and two other sources never overwrite each other.
 */
function ownershipRefusal(existing: InstalledPack | undefined, pack: Pack, source: PackSource, url: string | undefined): string | null {
  const owner = Object.hasOwn(RESERVED_IDS, pack.id) ? RESERVED_IDS[pack.id] : undefined;
  if (owner && owner !== source) {
    return owner === 'personal'
      ? t('packRefusedIdPersonal', pack.id)
      : t('packRefusedIdBuiltIn', pack.id);
  }
  if (!existing || existing.source === source) {
    // Same source, another URL: a second subscription must not take over the first one's pack.
    if (existing && source === 'subscribed' && existing.url && url && existing.url !== url) {
      return t('packRefusedOtherSubscription', existing.pack.name, existing.url);
    }
    return null;
  }
  if (owner === source) return null; // the owner reclaims its id from an entry that should never have had it
  if (source === 'policy') return null; // policy decides over anything the agent installed
  if (existing.source === 'policy') return t('packRefusedPolicyOwned', existing.pack.name);
  return t(ID_TAKEN[existing.source], pack.id, existing.pack.name);
}

/**
 * Equal as data, whatever the order of keys: chrome.storage hands objects back with their keys
 * sorted, so comparing JSON text would call the stored built-in pack changed on every start (and
 * rewrite it, with a new date and an empty "what changed").
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameData(x, (b as unknown[])[i]));
  // Keys holding undefined are left out, as storage and JSON leave them out.
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function decideInstall(
  current: readonly InstalledPack[],
  pack: Pack,
  source: PackSource,
  now: number,
  opts: { url?: string; policyLocked?: readonly string[] } = {},
): InstallDecision {
  const existing = current.find((e) => e.pack.id === pack.id);
  const owned = ownershipRefusal(existing, pack, source, opts.url);
  if (owned) return { ok: false, reason: owned };
  if (existing && existing.source === source && source === 'imported' && opts.policyLocked?.includes(pack.id)) {
    return { ok: false, reason: t('packRefusedLockedFromFile', existing.pack.name) };
  }
  // A different source taking the id over (policy, or an id's owner) starts a new entry: nothing carries over.
  const previous = existing && existing.source === source ? existing : undefined;
  const refusal = updateRefusalText(previous?.pack, pack, source);
  if (refusal) return { ok: false, reason: refusal };
  if (previous && sameData(previous.pack, pack)) {
    return { ok: true, changed: false, next: [...current], entry: previous };
  }
  const diff = previous ? diffPacks(previous.pack, pack) : { added: pack.phrases.map((p) => p.id), removed: [], changed: [] };
  const entry: InstalledPack = {
    pack,
    source,
    url: opts.url ?? previous?.url,
    disabled: previous?.disabled,
    installedAt: previous?.installedAt ?? now,
    updatedAt: now,
    lastChange: { fromVersion: previous?.pack.version, toVersion: pack.version, ...diff },
  };
  return { ok: true, changed: true, next: [...current.filter((e) => e.pack.id !== pack.id), entry], entry };
}

/**
 * Removing a pack. `withItsSource`: the agent is unsubscribing from the URL that delivered it, so
 * the pack's own "locked" flag no longer holds it (only policy does): an agent who added a
 * subscription can always take it and its pack away again.
 */
export function decideRemove(
  current: readonly InstalledPack[],
  packId: string,
  policyLocked: readonly string[],
  opts: { withItsSource?: boolean } = {},
): { ok: true; next: InstalledPack[] } | { ok: false; reason: string } {
  const entry = current.find((e) => e.pack.id === packId);
  if (!entry) return { ok: true, next: [...current] };
  const locked = opts.withItsSource ? entry.source === 'policy' || policyLocked.includes(packId) : isLocked(entry, policyLocked);
  if (locked) return { ok: false, reason: t('packRefusedRemoveLocked', entry.pack.name) };
  if (entry.source === 'default') return { ok: false, reason: t('packRefusedRemoveBuiltIn') };
  return { ok: true, next: current.filter((e) => e !== entry) };
}

export function decideEnabled(current: readonly InstalledPack[], packId: string, enabled: boolean, policyLocked: readonly string[]): { ok: true; next: InstalledPack[] } | { ok: false; reason: string } {
  const entry = current.find((e) => e.pack.id === packId);
  if (!entry) return { ok: false, reason: t('packRefusedNotInstalled') };
  if (!enabled && isLocked(entry, policyLocked)) return { ok: false, reason: t('packRefusedStaysOn', entry.pack.name) };
  return { ok: true, next: current.map((e) => (e === entry ? { ...e, disabled: !enabled } : e)) };
}
