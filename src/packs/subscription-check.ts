// What one download of a subscribed pack means for the installed packs. Pure: the service fetches,
// calls this, and stores the result in one write. Anything short of a valid pack of the same id
// keeps the installed version and says exactly why.
import type { FetchOutcome } from './pack-fetch';
import { updateRefusal } from '../core/pack/merge';
import { formatPackError, parsePack } from '../core/pack/validate';
import { decideInstall, type InstalledPack } from './install';
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
  return kept ? ` Still using “${kept.pack.name}” ${kept.pack.version}.` : '';
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
    return { patch: { lastCheck: now, lastResult: 'error', lastMessage: `This download could not be checked (${detail}); nothing was changed.` } };
  }
}

function interpret(sub: Subscription, outcome: FetchOutcome, installed: readonly InstalledPack[], now: number, policyLocked: readonly string[]): CheckOutcome {
  const kept = sub.packId ? installed.find((e) => e.pack.id === sub.packId) : undefined;
  const fail = (message: string): CheckOutcome => ({ patch: { lastCheck: now, lastResult: 'error', lastMessage: message + keptNote(kept) } });

  if (outcome.kind === 'not-modified') {
    return { patch: { lastCheck: now, lastResult: 'unchanged', lastMessage: kept ? `Up to date (${kept.pack.version}).` : 'Not modified.' } };
  }
  if (outcome.kind === 'error') return fail(outcome.message);

  const parsed = parsePack(outcome.text);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, SHOWN_ERRORS).map(formatPackError).join('; ');
    const more = parsed.errors.length > SHOWN_ERRORS ? ` (and ${parsed.errors.length - SHOWN_ERRORS} more)` : '';
    return fail(`The download is not a valid pack: ${shown}${more}.`);
  }
  const pack = parsed.pack;
  const source = sub.fromPolicy ? 'policy' : 'subscribed';
  if (kept && kept.pack.id !== pack.id) return fail(updateRefusal(kept.pack, pack, source) ?? `This URL now serves a different pack (“${pack.id}”).`);

  const decision = decideInstall(installed, pack, source, now, { url: sub.url, policyLocked });
  if (!decision.ok) return fail(decision.reason);
  // Validators are kept only for a version that was accepted, so a refused one is downloaded again next time.
  const patch: Partial<Subscription> = { lastCheck: now, packId: pack.id, validators: outcome.validators };
  if (!decision.changed) return { patch: { ...patch, lastResult: 'unchanged', lastMessage: `Up to date (${pack.version}).` } };
  const from = decision.entry.lastChange?.fromVersion;
  return {
    patch: { ...patch, lastResult: 'updated', lastMessage: from ? `Updated from ${from} to ${pack.version}.` : `Installed ${pack.version}.` },
    next: decision.next,
  };
}
