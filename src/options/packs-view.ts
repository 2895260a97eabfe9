// Words the options page uses for packs: pure, so the rules (who may do what, and why) are tested
// without a page.
import type { Policy } from '../core/policy';
import { isLocked, type InstalledPack, type PackSource } from '../packs/install';
import type { Subscription } from '../packs/subscriptions';
import { t, type MessageKey } from '../i18n';
import { dateTimeText, plural } from '../ui-words';

const SOURCE_LABEL = {
  policy: 'packSourcePolicy',
  subscribed: 'packSourceSubscribed',
  imported: 'packSourceImported',
  default: 'packSourceDefault',
  personal: 'packSourcePersonal',
} as const satisfies Record<PackSource, MessageKey>;

export const sourceLabel = (source: PackSource): string => t(SOURCE_LABEL[source]);

/** Why the agent cannot change this pack, or null when they can. */
export function lockReason(entry: InstalledPack, policy: Pick<Policy, 'lockedPackIds'>): string | null {
  if (!isLocked(entry, policy.lockedPackIds)) return null;
  if (entry.source === 'policy') return t('packLockedByPolicyInstall');
  if (policy.lockedPackIds.includes(entry.pack.id)) return t('packLockedByPolicy');
  return t('packLockedByLead');
}

/** Why the pack takes no part in the panel even though it is installed, or null. */
export function inactiveReason(entry: InstalledPack, policy: Pick<Policy, 'disableDefaultPack' | 'allowPersonalPhrases'>): string | null {
  if (entry.source === 'default' && policy.disableDefaultPack) return t('packOffByPolicy');
  if (entry.source === 'personal' && !policy.allowPersonalPhrases) return t('personalOffByPolicy');
  if (entry.disabled) return t('packTurnedOff');
  return null;
}

const phrases = (n: number) => plural(n, 'packPhrasesOne', 'packPhrasesOther');

/** The last update in plain words, naming only what happened ("2 new phrases, 1 reworded"). */
export function changeSummary(entry: InstalledPack): string {
  const c = entry.lastChange;
  if (!c) return t('packNoChanges');
  if (!c.fromVersion) return t('packAddedWith', phrases(c.added.length));
  const parts = [
    c.added.length && plural(c.added.length, 'packNewPhrasesOne', 'packNewPhrasesOther'),
    c.changed.length && plural(c.changed.length, 'packRewordedOne', 'packRewordedOther'),
    c.removed.length && plural(c.removed.length, 'packRemovedOne', 'packRemovedOther'),
  ].filter(Boolean);
  const what = parts.length ? t('packChangeList', parts.join(', ')) : t('packNoPhraseChanged');
  return c.fromVersion === c.toVersion ? t('packInstalledAgain', what) : t('packUpdatedFrom', c.fromVersion, c.toVersion, what);
}

export function when(at: number | undefined): string {
  return at ? dateTimeText(at) : t('packNever');
}

const RESULT_LABEL = {
  pending: 'subscriptionChecking',
  updated: 'subscriptionUpdated',
  unchanged: 'subscriptionUnchanged',
  error: 'subscriptionProblem',
} as const satisfies Record<NonNullable<Subscription['lastResult']>, MessageKey>;

export const resultLabel = (result: NonNullable<Subscription['lastResult']>): string => t(RESULT_LABEL[result]);

/** Packs in the order they merge (policy first), personal last; by name within a source. */
export function sortForDisplay(installed: readonly InstalledPack[]): InstalledPack[] {
  const order: PackSource[] = ['policy', 'subscribed', 'imported', 'default', 'personal'];
  return [...installed].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.pack.name.localeCompare(b.pack.name));
}
