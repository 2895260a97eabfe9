// Keeps the installed packs current: the built-in pack on install and start, enterprise policy
// (inline packs, URLs, locks) on start and whenever it changes, and URL subscriptions at once when
// added or asked for, every 6 hours and on browser start. The options page talks to this service
// through chrome.storage only (see src/packs/subscriptions.ts), so no message types are needed.
import { serialQueue } from '../core/serial';
import { readPolicy, planPolicyPacks, POLICY_STATUS_KEY, type PolicyStatus } from '../packs/policy-packs';
import { PACKS_KEY } from '../packs/installed';
import { keepMergedSetsReady } from '../packs/merged-set';
import { ensureDefaultPack, withPacks } from '../packs/store';
import { interpretDownload } from '../packs/subscription-check';
import { applyPolicyUrls, isDue, readSubscriptions, SUBSCRIPTIONS_KEY, updateSubscriptions, type Subscription } from '../packs/subscriptions';
import { fetchPackText } from '../packs/pack-fetch';

export const PACK_ALARM = 'pack-subscriptions';
export const PACK_CHECK_MINUTES = 6 * 60;

/** One job at a time: storage events arrive in bursts, and two checks of one URL must not race. */
const serial = serialQueue((err) => console.warn('[Person First] packs', err));

export async function applyPolicy(now = Date.now()): Promise<PolicyStatus> {
  const policy = await readPolicy();
  const subs = await updateSubscriptions((list) => applyPolicyUrls(list, policy.packUrls, now).next);
  const urlProblems = applyPolicyUrls(subs, policy.packUrls, now).problems;
  const keepIds = new Set(subs.filter((s) => s.fromPolicy && s.packId).map((s) => s.packId!));
  const packProblems = await withPacks(async (current) => {
    const plan = planPolicyPacks(current, policy, keepIds, now);
    return { next: plan.changed ? plan.next : undefined, result: plan.problems };
  });
  const status: PolicyStatus = { problems: [...policy.problems, ...urlProblems, ...packProblems], appliedAt: now };
  await chrome.storage.local.set({ [POLICY_STATUS_KEY]: status });
  return status;
}

/**
 * Conditional request headers are not CORS-safelisted: without host access they would turn every
 * check into a preflight that plain static servers refuse. Without access, the fetch's no-cache
 * mode still revalidates through the browser's HTTP cache.
 */
async function hasHostAccess(url: string): Promise<boolean> {
  try {
    return await chrome.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
  } catch {
    return false;
  }
}

export async function checkSubscription(sub: Subscription, fetchImpl?: typeof fetch): Promise<void> {
  const validators = (await hasHostAccess(sub.url)) ? sub.validators : {};
  const outcome = await fetchPackText(sub.url, validators, fetchImpl ? { fetchImpl } : {});
  const { lockedPackIds } = await readPolicy();
  // The agent may have unsubscribed while the download ran: then nothing is installed.
  const still = (await readSubscriptions()).find((s) => s.url === sub.url);
  if (!still) return;
  const patch = await withPacks(async (current) => {
    const result = interpretDownload(still, outcome, current, Date.now(), lockedPackIds);
    return { next: result.next, result: result.patch };
  });
  await updateSubscriptions((list) => list.map((s) => (s.url === sub.url ? { ...s, ...patch } : s)));
}

export async function checkSubscriptions(which: 'due' | 'all'): Promise<number> {
  const subs = (await readSubscriptions()).filter((s) => which === 'all' || isDue(s));
  for (const sub of subs) await checkSubscription(sub);
  return subs.length;
}

function armAlarm(): void {
  void chrome.alarms.get(PACK_ALARM).then((existing) => {
    if (!existing) void chrome.alarms.create(PACK_ALARM, { periodInMinutes: PACK_CHECK_MINUTES, delayInMinutes: PACK_CHECK_MINUTES });
  });
}

/** The panel reads the merged phrase set ready-made (packs/merged-cache.ts): make it here, off the panel's path. */
async function readyMergedSet(): Promise<void> {
  await keepMergedSetsReady(await readPolicy());
}

async function boot(checks: 'due' | 'all'): Promise<void> {
  await ensureDefaultPack().catch((err) => console.warn('[Person First] built-in pack', err));
  await applyPolicy();
  await readyMergedSet();
  await checkSubscriptions(checks);
}

export function startPackService(): void {
  chrome.runtime.onInstalled.addListener(() => {
    armAlarm();
    void serial(() => boot('due'));
  });
  chrome.runtime.onStartup.addListener(() => {
    armAlarm();
    void serial(() => boot('all'));
  });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_ALARM) void serial(() => checkSubscriptions('all'));
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void serial(() => applyPolicy().then(readyMergedSet).then(() => checkSubscriptions('due')));
    if (area === 'local' && PACKS_KEY in changes) void serial(readyMergedSet);
    // Our own write-backs land here too; they leave nothing due, so this settles after one pass.
    if (area === 'local' && SUBSCRIPTIONS_KEY in changes) void serial(() => checkSubscriptions('due'));
  });
}
