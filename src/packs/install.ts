// Which packs are installed, and whether a candidate may replace what is there. Pure: callers
// (options page, background subscriptions, policy) store the decided list in one atomic write,
// so a pack is either wholly the old version or wholly the new one.
import { diffPacks, SOURCE_ORDER, updateRefusal, type InstalledPack as MergeInput, type PackSource } from '../core/pack/merge';
import type { Pack } from '../core/pack/types';

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

/** Locked by policy delivery, its own flag, or the policy's lockedPackIds: agents may not edit, disable or remove it. */
export function isLocked(entry: InstalledPack, policyLocked: readonly string[]): boolean {
  return entry.source === 'policy' || !!entry.pack.locked || policyLocked.includes(entry.pack.id);
}

export function decideInstall(
  current: readonly InstalledPack[],
  pack: Pack,
  source: PackSource,
  now: number,
  opts: { url?: string; policyLocked?: readonly string[] } = {},
): InstallDecision {
  const existing = current.find((e) => e.pack.id === pack.id);
  const refusal = updateRefusal(existing?.pack, pack, source);
  if (refusal) return { ok: false, reason: refusal };
  if (existing && source === 'imported' && existing.source !== 'imported' && isLocked(existing, opts.policyLocked ?? [])) {
    return { ok: false, reason: `“${existing.pack.name}” is locked by your team lead and cannot be replaced from a file.` };
  }
  if (existing && JSON.stringify(existing.pack) === JSON.stringify(pack)) {
    return { ok: true, changed: false, next: [...current], entry: existing };
  }
  const diff = existing ? diffPacks(existing.pack, pack) : { added: pack.phrases.map((p) => p.id), removed: [], changed: [] };
  const entry: InstalledPack = {
    pack,
    // A pack keeps its strongest source: policy delivery outranks a file the agent imported.
    source: existing && rank(existing.source) < rank(source) ? existing.source : source,
    url: opts.url ?? existing?.url,
    disabled: existing?.disabled,
    installedAt: existing?.installedAt ?? now,
    updatedAt: now,
    lastChange: { fromVersion: existing?.pack.version, toVersion: pack.version, ...diff },
  };
  return { ok: true, changed: true, next: [...current.filter((e) => e !== existing), entry], entry };
}

export function decideRemove(current: readonly InstalledPack[], packId: string, policyLocked: readonly string[]): { ok: true; next: InstalledPack[] } | { ok: false; reason: string } {
  const entry = current.find((e) => e.pack.id === packId);
  if (!entry) return { ok: true, next: [...current] };
  if (isLocked(entry, policyLocked)) return { ok: false, reason: `“${entry.pack.name}” is locked by your team lead.` };
  if (entry.source === 'default') return { ok: false, reason: 'The built-in pack can be turned off but not removed.' };
  return { ok: true, next: current.filter((e) => e !== entry) };
}

export function decideEnabled(current: readonly InstalledPack[], packId: string, enabled: boolean, policyLocked: readonly string[]): { ok: true; next: InstalledPack[] } | { ok: false; reason: string } {
  const entry = current.find((e) => e.pack.id === packId);
  if (!entry) return { ok: false, reason: 'That pack is not installed.' };
  if (!enabled && isLocked(entry, policyLocked)) return { ok: false, reason: `“${entry.pack.name}” is locked by your team lead and stays on.` };
  return { ok: true, next: current.map((e) => (e === entry ? { ...e, disabled: !enabled } : e)) };
}
