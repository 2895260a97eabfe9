// "Check back" reminders. One chrome.alarms alarm for the next due follow-up, re-armed after any
// change and on every service worker start (so reminders survive a browser restart: the
// follow-ups live in IndexedDB, and a reminder that came due while the browser was closed shows
// at the next start). When follow-ups come due, one notification each links back to its ticket,
// and the action badge counts them.
import { followupsChanged, onFollowupsChanged } from '../followups-signal';
import { openTicketUrl } from '../open-ticket';
import { serialQueue } from '../core/serial';
import { sharedDb, type FollowupRecord } from '../storage/db';
import { createFollowupsRepo, effectiveDueAt } from '../storage/followups-repo';
import { t } from '../i18n';
import { plural } from '../ui-words';

export const FOLLOWUP_ALARM = 'followup-due';
/**
 * Which due time each follow-up was last notified for, so a snoozed one notifies again. Kept in
 * storage.session: it outlives the service worker but not the browser, so after a restart the
 * due reminders show again (the last session's notifications are gone with it).
 */
const NOTIFIED_KEY = 'followupsNotified';
const NOTIFICATION_PREFIX = 'followup:';
const HOUR = 3_600_000;
/** Chrome fires alarms no sooner than about this after they are set. */
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

export function badgeTitle(dueCount: number): string {
  return dueCount > 0 ? plural(dueCount, 'actionTitleDueOne', 'actionTitleDueOther') : t('actionTitle');
}

/** The notification for a due follow-up: the ticket in the title, the agent's reason as the message. */
export function notificationFor(f: Pick<FollowupRecord, 'subject' | 'key' | 'reason'>): chrome.notifications.NotificationCreateOptions {
  const ticket = f.subject?.trim() || t('notificationTicket', f.key.split(':').pop() ?? f.key);
  return {
    type: 'basic',
    iconUrl: 'icons/icon-128.png',
    title: t('notificationCheckBack', ticket).slice(0, 120),
    message: (f.reason || t('followupDefaultReason')).slice(0, 300),
    contextMessage: t('notificationOpen'),
    buttons: [{ title: t('followupSnoozeHour') }, { title: t('commonDone') }],
    priority: 1,
  };
}

/** Follow-ups that need a (new) notification: due, and not yet notified for this due time. */
export function toNotify(due: readonly FollowupRecord[], notified: Readonly<Record<string, number>>): FollowupRecord[] {
  return due.filter((f) => notified[f.id] !== effectiveDueAt(f));
}

/** When the alarm should next fire, or null for none. */
export function alarmTime(next: number | null, now: number): number | null {
  return next === null ? null : Math.max(next, now + MIN_ALARM_DELAY);
}

const warn = (what: string) => (err: unknown) => console.warn(`[Person First] follow-ups: ${what}`, err);

/** One refresh at a time: changes arrive in bursts (the storage signal, then a broadcast). */
const serial = serialQueue(warn('refresh'));

async function notify(due: readonly FollowupRecord[]): Promise<void> {
  const stored = await chrome.storage.session.get(NOTIFIED_KEY);
  const notified = { ...((stored[NOTIFIED_KEY] ?? {}) as Record<string, number>) };
  for (const f of toNotify(due, notified)) {
    try {
      await chrome.notifications.create(notificationIdFor(f.id), notificationFor(f));
      notified[f.id] = effectiveDueAt(f);
    } catch (err) {
      warn('notification')(err);
    }
  }
  // Notifications of follow-ups snoozed or done elsewhere go away.
  const dueIds = new Set(due.map((f) => f.id));
  const shown = await chrome.notifications.getAll();
  for (const nid of Object.keys(shown)) {
    const id = followupIdFrom(nid);
    if (id !== null && !dueIds.has(id)) await chrome.notifications.clear(nid);
  }
  await chrome.storage.session.set({ [NOTIFIED_KEY]: Object.fromEntries(Object.entries(notified).filter(([id]) => dueIds.has(id))) });
}

async function refreshNow(now: number): Promise<void> {
  const [due, next] = await Promise.all([repo.due(now), repo.nextDueAt(now)]);
  // Each part on its own: a refused notification must not leave the alarm unarmed.
  const when = alarmTime(next, now);
  await (when === null ? chrome.alarms.clear(FOLLOWUP_ALARM) : chrome.alarms.create(FOLLOWUP_ALARM, { when })).catch(warn('alarm'));
  await chrome.action.setBadgeText({ text: badgeText(due.length) }).catch(warn('badge'));
  if (due.length) await chrome.action.setBadgeBackgroundColor({ color: '#b05a00' }).catch(warn('badge'));
  // The badge's number, said in words for screen readers and on hover.
  await chrome.action.setTitle({ title: badgeTitle(due.length) }).catch(warn('badge'));
  await notify(due).catch(warn('notifications'));
}

/** Badge, notifications and the next alarm, as of `now`. */
export function refreshFollowups(now?: number): Promise<void> {
  // Never rejects: the queue has reported the error, and callers fire and forget.
  return serial(() => refreshNow(now ?? Date.now())).catch(() => undefined);
}

/** A click on a follow-up's notification opens (or brings forward) its ticket. */
export async function onFollowupNotificationClicked(notificationId: string): Promise<void> {
  const id = followupIdFrom(notificationId);
  if (id === null) return;
  const f = await repo.get(id);
  await chrome.notifications.clear(notificationId);
  if (f) await openTicketUrl(f.url);
}

async function onButton(notificationId: string, button: number): Promise<void> {
  const id = followupIdFrom(notificationId);
  if (id === null) return;
  if (button === 0) await repo.snooze(id, Date.now() + HOUR);
  else await repo.done(id);
  await chrome.notifications.clear(notificationId);
  // Open panels and the options page update their lists; this worker refreshes on the same signal.
  followupsChanged();
}

/** Call once, at the service worker's top level, so its listeners wake it. */
export function startFollowupService(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FOLLOWUP_ALARM) void refreshFollowups();
  });
  chrome.notifications.onClicked.addListener((nid) => void onFollowupNotificationClicked(nid).catch(warn('click')));
  chrome.notifications.onButtonClicked.addListener((nid, button) => void onButton(nid, button).catch(warn('button')));
  // Pages signal every change; the signal (a storage write) also wakes a sleeping worker.
  onFollowupsChanged(() => void refreshFollowups());
  chrome.runtime.onStartup.addListener(() => void refreshFollowups());
  // Every wake-up re-checks: alarms may be lost on a browser restart, and a reminder that came due
  // while the browser was closed shows now.
  void refreshFollowups();
  // The E2E tests drive these directly: a headless browser has no notification to click. Only in
  // the E2E build (`npm run build:e2e`); Vite drops this branch from the production build, and
  // scripts/check-release.ts makes `npm run build` fail if it is ever there.
  if (import.meta.env.MODE === 'e2e') {
    (globalThis as { __personFirstFollowups?: unknown }).__personFirstFollowups = { refresh: refreshFollowups, click: onFollowupNotificationClicked };
  }
}
