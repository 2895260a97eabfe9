// What one download of a subscribed pack means for the installed packs. Pure: the service fetches,
// calls this, and stores the result in one write. Anything short of a valid pack of the same id
// keeps the installed version and says exactly why.
import type { FetchOutcome } from './pack-fetch';
import { formatPackError, parsePack } from '../core/pack/validate';
import { t } from '../i18n';
import { decideInstall, updateRefusalText, type InstalledPack } from './install';
import type { Subscription } from './subscriptions';

export interface CheckOutcome {
  /** Fields to write back onto the subscription. */
  patch: Partial<Subscription>;
  /** The new installed list when the pack changed; absent when nothing is to be written. */
  next?: InstalledPack[];
}

/** How many problems to spell out; the rest are counted. */
const SHOWN_ERRORS = 3;

function keptNote(kept: InstalledPack | undefined): string {
  return kept ? ` ${t('subCheckStillUsing', kept.pack.name, kept.pack.version)}` : '';
}

/**
 * Never throws: whatever goes wrong (a pack or a stored list nobody foresaw) becomes an error on the
 * subscription, so its status never stays "pending" and the installed packs stay as they were.
 */
export function interpretDownload(
  sub: Subscription,
  outcome: FetchOutcome,
  installed: readonly InstalledPack[],
  now: number,
  policyLocked: readonly string[] = [],
): CheckOutcome {
  try {
    return interpret(sub, outcome, installed, now, policyLocked);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { patch: { lastCheck: now, lastResult: 'error', lastMessage: t('subCheckFailed', detail) } };
  }
}

function interpret(sub: Subscription, outcome: FetchOutcome, installed: readonly InstalledPack[], now: number, policyLocked: readonly string[]): CheckOutcome {
  const kept = sub.packId ? installed.find((e) => e.pack.id === sub.packId) : undefined;
  const fail = (message: string): CheckOutcome => ({ patch: { lastCheck: now, lastResult: 'error', lastMessage: message + keptNote(kept) } });

  if (outcome.kind === 'not-modified') {
    return { patch: { lastCheck: now, lastResult: 'unchanged', lastMessage: kept ? t('subCheckUpToDate', kept.pack.version) : t('subCheckNotModified') } };
  }
  if (outcome.kind === 'error') return fail(outcome.message);

  const parsed = parsePack(outcome.text);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, SHOWN_ERRORS).map(formatPackError).join('; ');
    // The validator's findings stay in English (pack authors' language); the sentence around them is the lead's.
    const more = parsed.errors.length > SHOWN_ERRORS ? ` ${t('subCheckMoreProblems', parsed.errors.length - SHOWN_ERRORS)}` : '';
    return fail(t('subCheckNotAPack', `${shown}${more}`));
  }
  const pack = parsed.pack;
  const source = sub.fromPolicy ? 'policy' : 'subscribed';
  if (kept && kept.pack.id !== pack.id) return fail(updateRefusalText(kept.pack, pack, source) ?? t('subCheckDifferentPack', pack.id));

  const decision = decideInstall(installed, pack, source, now, { url: sub.url, policyLocked });
  if (!decision.ok) return fail(decision.reason);
  // Validators are kept only for a version that was accepted, so a refused one is downloaded again next time.
  const patch: Partial<Subscription> = { lastCheck: now, packId: pack.id, validators: outcome.validators };
  if (!decision.changed) return { patch: { ...patch, lastResult: 'unchanged', lastMessage: t('subCheckUpToDate', pack.version) } };
  const from = decision.entry.lastChange?.fromVersion;
  return {
    patch: { ...patch, lastResult: 'updated', lastMessage: from ? t('subCheckUpdated', from, pack.version) : t('subCheckInstalled', pack.version) },
    next: decision.next,
  };
}
