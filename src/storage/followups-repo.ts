/**
 * "Check back" reminders. A reminder is due at `dueAt`, or at `snoozedUntil` once snoozed;
 * done ones stay stored (for history) but never show as due or upcoming.
 */
import { resolveDb, type DbSource, type FollowupRecord } from './db';
import { newId } from './ids';

export interface NewFollowup {
  key: string;
  url: string;
  subject?: string;
  reason: string;
  dueAt: number;
}

/** When a reminder next comes back. */
export function effectiveDueAt(f: Pick<FollowupRecord, 'dueAt' | 'snoozedUntil'>): number {
  return Math.max(f.dueAt, f.snoozedUntil ?? f.dueAt);
}

function byDueThenCreated(a: FollowupRecord, b: FollowupRecord): number {
  return effectiveDueAt(a) - effectiveDueAt(b) || a.createdAt - b.createdAt;
}

/** A new reminder's record; throws when it has no due time. */
export function newFollowupRecord(input: NewFollowup, now: number = Date.now()): FollowupRecord {
  if (!Number.isFinite(input.dueAt)) throw new RangeError('A follow-up needs a due time.');
  const record: FollowupRecord = {
    id: newId(),
    key: input.key,
    url: input.url,
    reason: input.reason.trim(),
    dueAt: input.dueAt,
    createdAt: now,
  };
  if (input.subject !== undefined) record.subject = input.subject;
  return record;
}

export function createFollowupsRepo(source: DbSource, clock: () => number = Date.now) {
  const db = () => resolveDb(source);

  async function add(input: NewFollowup, now: number = clock()): Promise<FollowupRecord> {
    const record = newFollowupRecord(input, now);
    await (await db()).add('followups', record);
    return record;
  }

  async function get(id: string): Promise<FollowupRecord | undefined> {
    return (await db()).get('followups', id);
  }

  async function open(): Promise<FollowupRecord[]> {
    return (await (await db()).getAll('followups')).filter((f) => !f.done);
  }

  /** Open reminders whose time has come, oldest first. */
  async function due(now: number = clock()): Promise<FollowupRecord[]> {
    // Only reminders first due by now can be due; snoozing only moves them later.
    const candidates = await (await db()).getAllFromIndex('followups', 'byDue', IDBKeyRange.upperBound(now));
    return candidates.filter((f) => !f.done && effectiveDueAt(f) <= now).sort(byDueThenCreated);
  }

  /** Open reminders still to come, soonest first. */
  async function upcoming(now: number = clock()): Promise<FollowupRecord[]> {
    return (await open()).filter((f) => effectiveDueAt(f) > now).sort(byDueThenCreated);
  }

  /** When the next open reminder comes due after `now` (for chrome.alarms), or null. */
  async function nextDueAt(now: number = clock()): Promise<number | null> {
    const next = (await upcoming(now))[0];
    return next ? effectiveDueAt(next) : null;
  }

  /** Open reminders for one ticket, soonest first. */
  async function forTicket(key: string): Promise<FollowupRecord[]> {
    const rows = await (await db()).getAllFromIndex('followups', 'byKey', key);
    return rows.filter((f) => !f.done).sort(byDueThenCreated);
  }

  async function change(id: string, edit: (f: FollowupRecord) => FollowupRecord): Promise<FollowupRecord | undefined> {
    const tx = (await db()).transaction('followups', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) {
      await tx.done;
      return undefined;
    }
    const next = edit(current);
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  /** Brings the reminder back at `until`; undefined when there is no such reminder. */
  function snooze(id: string, until: number): Promise<FollowupRecord | undefined> {
    if (!Number.isFinite(until)) return Promise.reject(new RangeError('Snooze needs a time.'));
    return change(id, (f) => ({ ...f, snoozedUntil: until }));
  }

  function done(id: string, now: number = clock()): Promise<FollowupRecord | undefined> {
    return change(id, (f) => ({ ...f, done: true, doneAt: now }));
  }

  async function remove(id: string): Promise<void> {
    await (await db()).delete('followups', id);
  }

  return { add, get, due, upcoming, nextDueAt, forTicket, snooze, done, remove };
}

export type FollowupsRepo = ReturnType<typeof createFollowupsRepo>;
