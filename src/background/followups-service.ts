// "Check back" reminders: one chrome.alarms alarm for the next due follow-up, re-armed after any
// change and on every start (so reminders survive a browser restart). When follow-ups come due,
// a notification per follow-up links back to its ticket, and the action badge counts them.
import { sharedDb, type FollowupRecord } from '../storage/db';
import { createFollowupsRepo, effectiveDueAt } from '../storage/followups-repo';

export const FOLLOWUP_ALARM = 'followup-due';
/** Same values as in src/panel/coaching/followups-signal.ts (a unit test keeps them in step). */
export const FOLLOWUPS_CHANNEL = 'person-first-followups';
export const FOLLOWUPS_CHANGED_KEY = 'followupsChangedAt';
/**
 * Which due time each follow-up was last notified for: a snoozed one notifies again. Kept in
 * storage.session, which outlives the service worker but not the browser, so after a restart the
 * due reminders show again (the last session's notifications are gone).
 */
const NOTIFIED_KEY = 'followupsNotified';
const NOTIFICATION_PREFIX = 'followup:';
const HOUR = 3_600_000;
/** Chrome fires alarms no sooner than this after they are set in a packed extension. */
const MIN_ALARM_DELAY = 1000;

const repo = createFollowupsRepo(sharedDb);

export function notificationIdFor(id: string): string {
  return NOTIFICATION_PREFIX + id;
}

export function followupIdFrom(notificationId: string): string | null {
  return notificationId.startsWith(NOTIFICATION_PREFIX) ? notificationId.slice(NOTIFICATION_PREFIX.length) : null;
}

export function badgeText(dueCount: number): string {
  if (dueCount <= 0) return '';
  return dueCount > 99 ? '99+' : String(dueCount);
}

/** The notification for a due follow-up: the ticket in the title, the agent's reason as the message. */
export function notificationFor(f: Pick<FollowupRecord, 'subject' | 'key' | 'reason'>): chrome.notifications.NotificationCreateOptions {
  const ticket = f.subject?.trim() || `ticket ${f.key.split(':').pop() ?? f.key}`;
  return {
    type: 'basic',
    iconUrl: 'icons/icon-128.png',
    title: `Check back: ${ticket}`.slice(0, 120),
    message: (f.reason || 'Check back with the customer').slice(0, 300),
    buttons: [{ title: 'Snooze 1 hour' }, { title: 'Done' }],
    priority: 1,
  };
}

/** Follow-ups that need a (new) notification: due, and not yet notified for this due time. */
export function toNotify(due: readonly FollowupRecord[], notified: Readonly<Record<string, number>>): FollowupRecord[] {
  return due.filter((f) => notified[f.id] !== effectiveDueAt(f));
}

let queue: Promise<void> = Promise.resolve();
/** One refresh at a time: changes arrive in bursts (add, then the storage signal, then a broadcast). */
function serial(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task).catch((err) => console.warn('[Person First] follow-ups', err));
  return queue;
}

async function refreshNow(now: number): Promise<void> {
  const due = await repo.due(now);
  await chrome.action.setBadgeText({ text: badgeText(due.length) });
  if (due.length) await chrome.action.setBadgeBackgroundColor({ color: '#b05a00' });

  const stored = await chrome.storage.session.get(NOTIFIED_KEY);
  const notified = (stored[NOTIFIED_KEY] ?? {}) as Record<string, number>;
  for (const f of toNotify(due, notified)) {
    await chrome.notifications.create(notificationIdFor(f.id), notificationFor(f));
  }
  // Notifications for follow-ups that were snoozed or done elsewhere go away.
  const dueIds = new Set(due.map((f) => f.id));
  const shown = await chrome.notifications.getAll();
  for (const nid of Object.keys(shown)) {
    const id = followupIdFrom(nid);
    if (id !== null && !dueIds.has(id)) await chrome.notifications.clear(nid);
  }
  await chrome.storage.session.set({ [NOTIFIED_KEY]: Object.fromEntries(due.map((f) => [f.id, effectiveDueAt(f)])) });

  const next = await repo.nextDueAt(now);
  if (next === null) await chrome.alarms.clear(FOLLOWUP_ALARM);
  else await chrome.alarms.create(FOLLOWUP_ALARM, { when: Math.max(next, now + MIN_ALARM_DELAY) });
}

/** Badge, notifications and the next alarm, as of `now`. */
export function refreshFollowups(now?: number): Promise<void> {
  return serial(() => refreshNow(now ?? Date.now()));
}

async function openTicket(url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return;
  const tabs = await chrome.tabs.query({});
  const tab = tabs.find((t) => t.url?.split('#')[0] === url.split('#')[0]);
  if (tab?.id !== undefined) {
    await chrome.tabs.update(tab.id, { active: true });
    await chrome.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  } else {
    await chrome.tabs.create({ url });
  }
}

/** A click on a follow-up's notification opens its ticket. */
export async function onFollowupNotificationClicked(notificationId: string): Promise<void> {
  const id = followupIdFrom(notificationId);
  if (id === null) return;
  const f = await repo.get(id);
  await chrome.notifications.clear(notificationId);
  if (f) await openTicket(f.url);
}

async function onButton(notificationId: string, button: number): Promise<void> {
  const id = followupIdFrom(notificationId);
  if (id === null) return;
  if (button === 0) await repo.snooze(id, Date.now() + HOUR);
  else await repo.done(id);
  await chrome.notifications.clear(notificationId);
  await refreshFollowups();
}

/** Call once, at the service worker's top level, so its listeners wake it. */
export function startFollowupService(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOWUP_ALARM) void refreshFollowups();
  });
  chrome.notifications.onClicked.addListener((nid) => void onFollowupNotificationClicked(nid).catch((err) => console.warn('[Person First] follow-up click', err)));
  chrome.notifications.onButtonClicked.addListener((nid, button) => void onButton(nid, button).catch((err) => console.warn('[Person First] follow-up', err)));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && FOLLOWUPS_CHANGED_KEY in changes) void refreshFollowups();
  });
  if (typeof BroadcastChannel !== 'undefined') {
    new BroadcastChannel(FOLLOWUPS_CHANNEL).addEventListener('message', () => void refreshFollowups());
  }
  chrome.runtime.onStartup.addListener(() => void refreshFollowups());
  chrome.runtime.onInstalled.addListener(() => void refreshFollowups());
  // Every wake-up re-checks: a reminder that came due while the browser was closed shows now.
  void refreshFollowups();
  // For the E2E tests, which drive the service worker directly.
  (globalThis as { __personFirstFollowups?: unknown }).__personFirstFollowups = { refresh: refreshFollowups, click: onFollowupNotificationClicked };
}
