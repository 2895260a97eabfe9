// Pack URL subscriptions. The list in chrome.storage.local is also the channel between the options
// page and the service worker: the page adds an entry or asks for a check by writing here, and the
// service, which reacts to the storage change, downloads and writes back the result.
import { t } from '../i18n';
import { checkPackUrl, type Validators } from './pack-fetch';

export const SUBSCRIPTIONS_KEY = 'packSubscriptions';

export type CheckResult = 'pending' | 'updated' | 'unchanged' | 'error';

export interface Subscription {
  url: string;
  /** Added by enterprise policy: installs as a policy pack, and only policy can remove it. */
  fromPolicy: boolean;
  validators: Validators;
  lastCheck?: number;
  lastResult?: CheckResult;
  /** Plain text for the agent: what happened, and for errors what to fix. */
  lastMessage?: string;
  /** The pack id this URL served last time; a different id later is refused. */
  packId?: string;
  /** When the agent asked for a check; a check is due while this is newer than lastCheck. */
  requestedAt?: number;
}

export type ListChange = { ok: true; next: Subscription[] } | { ok: false; reason: string };

/** Canonical form so "HTTPS://Host/p.json" and "https://host/p.json" are one subscription. */
export function normalizeUrl(url: URL): string {
  return url.href;
}

export function addSubscription(list: readonly Subscription[], raw: string, now: number): ListChange {
  const checked = checkPackUrl(raw);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const url = normalizeUrl(checked.url);
  if (list.some((s) => s.url === url)) return { ok: false, reason: t('subAlreadySubscribed') };
  return { ok: true, next: [...list, { url, fromPolicy: false, validators: {}, lastResult: 'pending', requestedAt: now }] };
}

export function removeSubscription(list: readonly Subscription[], url: string): ListChange {
  const sub = list.find((s) => s.url === url);
  if (!sub) return { ok: true, next: [...list] };
  if (sub.fromPolicy) return { ok: false, reason: t('subRemoveFromPolicy') };
  return { ok: true, next: list.filter((s) => s !== sub) };
}

/** "Check now": one entry or all of them. */
export function requestCheck(list: readonly Subscription[], now: number, url?: string): Subscription[] {
  return list.map((s) => (url === undefined || s.url === url ? { ...s, requestedAt: now } : s));
}

export function isDue(sub: Subscription): boolean {
  return sub.lastCheck === undefined || (sub.requestedAt ?? 0) > sub.lastCheck;
}

/**
 * Makes the policy's URLs subscriptions (marking an agent's own subscription to the same URL as
 * policy-owned) and drops policy subscriptions the policy no longer lists. Invalid URLs are problems.
 */
export function applyPolicyUrls(list: readonly Subscription[], packUrls: readonly string[], now: number): { next: Subscription[]; problems: string[] } {
  const problems: string[] = [];
  const wanted = new Set<string>();
  for (const raw of packUrls) {
    const checked = checkPackUrl(raw);
    if (checked.ok) wanted.add(normalizeUrl(checked.url));
    else problems.push(t('policyPackUrlIgnored', raw, checked.reason));
  }
  const next: Subscription[] = [];
  for (const s of list) {
    if (wanted.has(s.url)) next.push(s.fromPolicy ? s : { ...s, fromPolicy: true });
    else if (!s.fromPolicy) next.push(s);
  }
  for (const url of wanted) {
    if (!next.some((s) => s.url === url)) next.push({ url, fromPolicy: true, validators: {}, lastResult: 'pending', requestedAt: now });
  }
  return { next, problems };
}

export async function readSubscriptions(): Promise<Subscription[]> {
  const got = await chrome.storage.local.get(SUBSCRIPTIONS_KEY);
  return Array.isArray(got[SUBSCRIPTIONS_KEY]) ? (got[SUBSCRIPTIONS_KEY] as Subscription[]) : [];
}

export async function writeSubscriptions(next: Subscription[]): Promise<void> {
  await chrome.storage.local.set({ [SUBSCRIPTIONS_KEY]: next });
}

/** Read, change, write in one step, so a result written back does not undo an entry added meanwhile. */
export async function updateSubscriptions(change: (list: Subscription[]) => Subscription[]): Promise<Subscription[]> {
  const current = await readSubscriptions();
  const next = change(current);
  // An unchanged list is not written: every write wakes the listeners of every page.
  if (JSON.stringify(next) !== JSON.stringify(current)) await writeSubscriptions(next);
  return next;
}

export function onSubscriptionsChanged(listener: (list: Subscription[]) => void): () => void {
  const fn = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && SUBSCRIPTIONS_KEY in changes) listener((changes[SUBSCRIPTIONS_KEY]!.newValue as Subscription[] | undefined) ?? []);
  };
  chrome.storage.onChanged.addListener(fn);
  return () => chrome.storage.onChanged.removeListener(fn);
}
