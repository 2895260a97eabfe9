// Words the options page uses for packs: pure, so the rules (who may do what, and why) are tested
// without a page.
import type { Policy } from '../core/policy';
import { isLocked, type InstalledPack, type PackSource } from '../packs/install';
import type { Subscription } from '../packs/subscriptions';

export const SOURCE_LABEL: Record<PackSource, string> = {
  policy: 'Your organisation (policy)',
  subscribed: 'Subscribed URL',
  imported: 'Imported file',
  default: 'Built in',
  personal: 'Your own phrases',
};

/** Why the agent cannot change this pack, or null when they can. */
export function lockReason(entry: InstalledPack, policy: Pick<Policy, 'lockedPackIds'>): string | null {
  if (!isLocked(entry, policy.lockedPackIds)) return null;
  if (entry.source === 'policy') return 'Installed by your organisation’s policy, so it cannot be turned off or removed here.';
  if (policy.lockedPackIds.includes(entry.pack.id)) return 'Locked by your organisation’s policy, so it cannot be turned off or removed here.';
  return 'Locked by your team lead (the pack is marked locked), so it cannot be turned off or removed here.';
}

/** Why the pack takes no part in the panel even though it is installed, or null. */
export function inactiveReason(entry: InstalledPack, policy: Pick<Policy, 'disableDefaultPack' | 'allowPersonalPhrases'>): string | null {
  if (entry.source === 'default' && policy.disableDefaultPack) return 'Turned off by your organisation’s policy.';
  if (entry.source === 'personal' && !policy.allowPersonalPhrases) return 'Personal phrases are turned off by your organisation’s policy.';
  if (entry.disabled) return 'Turned off.';
  return null;
}

const phrases = (n: number) => `${n} phrase${n === 1 ? '' : 's'}`;

/** The last update in plain words, naming only what happened ("2 new phrases, 1 reworded"). */
export function changeSummary(entry: InstalledPack): string {
  const c = entry.lastChange;
  if (!c) return 'No changes yet.';
  if (!c.fromVersion) return `Added with ${phrases(c.added.length)}.`;
  const parts = [
    c.added.length && `${c.added.length} new phrase${c.added.length === 1 ? '' : 's'}`,
    c.changed.length && `${phrases(c.changed.length)} reworded`,
    c.removed.length && `${phrases(c.removed.length)} removed`,
  ].filter(Boolean);
  const what = parts.length ? `${parts.join(', ')}.` : 'no phrase changed.';
  return c.fromVersion === c.toVersion ? `Installed again: ${what}` : `Updated from ${c.fromVersion} to ${c.toVersion}: ${what}`;
}

export function when(t: number | undefined): string {
  return t ? new Date(t).toLocaleString() : 'never';
}

export const RESULT_LABEL: Record<NonNullable<Subscription['lastResult']>, string> = {
  pending: 'Checking…',
  updated: 'Updated',
  unchanged: 'No change',
  error: 'Problem',
};

/** Packs in the order they merge (policy first), personal last; by name within a source. */
export function sortForDisplay(installed: readonly InstalledPack[]): InstalledPack[] {
  const order: PackSource[] = ['policy', 'subscribed', 'imported', 'default', 'personal'];
  return [...installed].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.pack.name.localeCompare(b.pack.name));
}
