// What the options page does to packs and subscriptions. Every change goes through the pure
// decisions in src/packs/install.ts and lands in one storage write; the service worker picks up
// subscription changes from storage (src/packs/subscriptions.ts).
import { lintPackText, type LocatedLintIssue } from '../core/pack/lint';
import { formatPackError, parsePack, selectorProblem, validatePack } from '../core/pack/validate';
import type { Pack, PackError, Phrase } from '../core/pack/types';
import { decideEnabled, decideInstall, decideRemove, type InstalledPack } from '../packs/install';
import { readPolicy } from '../packs/policy-packs';
import { withPacks } from '../packs/store';
import { addSubscription, readSubscriptions, removeSubscription, requestCheck, updateSubscriptions, writeSubscriptions } from '../packs/subscriptions';
import { t } from '../i18n';

export const PERSONAL_ID = 'personal';

export type ImportResult =
  /** `findings`: what `packs lint` says about the pack, for the lead to see; none of it stops the import. */
  | { ok: true; entry: InstalledPack; changed: boolean; findings: LocatedLintIssue[] }
  | { ok: false; errors: PackError[] }
  | { ok: false; reason: string };

export type ActionResult = { ok: true } | { ok: false; reason: string };

export async function importPackText(text: string, now = Date.now()): Promise<ImportResult> {
  // Here a page can parse CSS: a selector it cannot use is refused before anything is installed.
  const parsed = parsePack(text, { selectorProblem });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  if (parsed.pack.id === PERSONAL_ID) return { ok: false, reason: t('packIdPersonal') };
  const { lockedPackIds } = await readPolicy();
  const findings = lintPackText(text, parsed.pack);
  return withPacks(async (current) => {
    const d = decideInstall(current, parsed.pack, 'imported', now, { policyLocked: lockedPackIds });
    if (!d.ok) return { result: { ok: false, reason: d.reason } as ImportResult };
    return { next: d.changed ? d.next : undefined, result: { ok: true, entry: d.entry, changed: d.changed, findings } as ImportResult };
  });
}

export async function removePack(packId: string): Promise<ActionResult> {
  const { lockedPackIds } = await readPolicy();
  const removed = await withPacks<{ ok: true; url?: string } | { ok: false; reason: string }>(async (current) => {
    const entry = current.find((e) => e.pack.id === packId);
    const d = decideRemove(current, packId, lockedPackIds);
    if (!d.ok) return { result: { ok: false as const, reason: d.reason } };
    return { next: d.next, result: { ok: true as const, url: entry?.source === 'subscribed' ? entry.url : undefined } };
  });
  if (!removed.ok) return removed;
  // A removed subscribed pack would come back with the next check: stop subscribing too.
  if (removed.url) await updateSubscriptions((list) => list.filter((s) => s.url !== removed.url || s.fromPolicy));
  return { ok: true };
}

export async function setPackEnabled(packId: string, enabled: boolean): Promise<ActionResult> {
  const { lockedPackIds } = await readPolicy();
  return withPacks<ActionResult>(async (current) => {
    const d = decideEnabled(current, packId, enabled, lockedPackIds);
    return d.ok ? { next: d.next, result: { ok: true } } : { result: d };
  });
}

export async function subscribe(raw: string, now = Date.now()): Promise<ActionResult> {
  const list = await readSubscriptions();
  const change = addSubscription(list, raw, now);
  if (!change.ok) return change;
  await writeSubscriptions(change.next);
  return { ok: true };
}

export async function unsubscribe(url: string): Promise<ActionResult> {
  const list = await readSubscriptions();
  const change = removeSubscription(list, url);
  if (!change.ok) return change;
  await writeSubscriptions(change.next);
  const { lockedPackIds } = await readPolicy();
  await withPacks(async (current) => {
    const entry = current.find((e) => e.source === 'subscribed' && e.url === url);
    const d = entry ? decideRemove(current, entry.pack.id, lockedPackIds, { withItsSource: true }) : null;
    return { next: d?.ok ? d.next : undefined, result: undefined };
  });
  return { ok: true };
}

export async function checkNow(url?: string, now = Date.now()): Promise<void> {
  await updateSubscriptions((list) => requestCheck(list, now, url));
}

/** Reachable from this page without extra permission: the server answered (with CORS headers). */
export async function reachableWithoutPermission(url: string, timeoutMs = 8000): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    await fetch(url, { method: 'HEAD', credentials: 'omit', cache: 'no-store', signal: controller.signal });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

// ---- personal phrases -------------------------------------------------------------------------

export function personalPack(existing: Pack | undefined, phrases: Phrase[]): Pack {
  const version = existing ? bumpPatch(existing.version) : '1.0.0';
  return { schema: 1, id: PERSONAL_ID, name: 'My phrases', version, locale: 'en', phrases };
}

function bumpPatch(version: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : '1.0.0';
}

export function newPhraseId(existing: readonly Phrase[], now = Date.now()): string {
  let n = existing.length + 1;
  const base = now.toString(36);
  while (existing.some((p) => p.id === `my-${base}-${n}`)) n++;
  return `my-${base}-${n}`;
}

/** Validates the agent's phrases as a pack before saving; errors name the phrase by its number. */
export async function savePersonalPhrases(phrases: Phrase[], now = Date.now()): Promise<{ ok: true } | { ok: false; messages: string[] }> {
  const policy = await readPolicy();
  if (!policy.allowPersonalPhrases) return { ok: false, messages: [t('personalNotAllowed')] };
  return withPacks<{ ok: true } | { ok: false; messages: string[] }>(async (current) => {
    const existing = current.find((e) => e.pack.id === PERSONAL_ID);
    const candidate = personalPack(existing?.pack, phrases);
    const checked = validatePack(candidate);
    if (!checked.ok) return { result: { ok: false as const, messages: checked.errors.map(describePersonalError) } };
    const d = decideInstall(current, checked.pack, 'personal', now);
    if (!d.ok) return { result: { ok: false as const, messages: [d.reason] } };
    return { next: d.changed ? d.next : undefined, result: { ok: true as const } };
  });
}

function describePersonalError(err: PackError): string {
  const m = /^\/phrases\/(\d+)/.exec(err.path);
  return m ? t('personalPhraseError', Number(m[1]) + 1, err.message) : formatPackError(err);
}
