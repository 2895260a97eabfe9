/**
 * Every write an extension page makes besides notes (checklist ticks, dismissals, a ticket's phrase
 * language, phrase usage, follow-ups, stories), made durable the one way that survives the page going away at once:
 *
 * 1. `enqueueWrite` puts the write into the outbox in a single request on an already open
 *    connection, synchronously in the event handler, and commits at once. No await comes before
 *    it, so a reload, a closed side panel or a ticket switch right after the click cannot stop it.
 * 2. `drainOutbox` applies every queued write to its store and deletes it in one transaction, so
 *    each write takes effect exactly once, even when two pages drain at the same time (IndexedDB
 *    runs overlapping read-write transactions one after the other) or when the page that queued
 *    it is gone and the next page to open drains it instead.
 *
 * Read-modify-write stays inside step 2, so two panels ticking different steps both keep theirs.
 */
import type { IDBPTransaction } from 'idb';
import type { FollowupRecord, OutboxRecord, PersonFirstDb, PersonFirstSchema, ProgressRecord, StoryRecord } from './db';

export type PanelWrite =
  | { kind: 'progress/step'; key: string; step: string; done: boolean }
  | { kind: 'progress/nudge-dismissed'; key: string }
  | { kind: 'progress/tip-dismissed'; key: string; tip: string }
  | { kind: 'progress/phrase-locale'; key: string; locale: string }
  | { kind: 'usage/used'; phraseId: string }
  | { kind: 'followup/add'; record: FollowupRecord }
  | { kind: 'followup/snooze'; id: string; until: number }
  | { kind: 'followup/done'; id: string }
  | { kind: 'followup/remove'; id: string }
  | { kind: 'story/add'; record: StoryRecord }
  | { kind: 'story/remove'; id: string };

export type PanelWriteKind = PanelWrite['kind'];

const STORES = ['outbox', 'progress', 'usage', 'followups', 'stories'] as const;

/**
 * Queues `write` in one request and commits it before returning. Resolves when the write is on
 * disk (the page may not live to see that; the write is committed all the same).
 */
export function enqueueWrite(db: PersonFirstDb, write: PanelWrite, at: number = Date.now()): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const record: OutboxRecord = { at, write };
  void tx.store.add(record).catch(() => undefined);
  // Ask for the commit now rather than when the page gets round to it: the page may be gone.
  tx.commit();
  return tx.done;
}

/** Applies and deletes every queued write; resolves with the writes it applied, oldest first. */
export async function drainOutbox(db: PersonFirstDb): Promise<PanelWrite[]> {
  // Nothing queued, the usual case: a count of the outbox alone, so a page's first reads (progress,
  // usage) do not wait behind a write transaction over every store. A write queued after the count
  // starts a drain of its own.
  if (!(await db.count('outbox'))) return [];
  const tx = db.transaction(STORES, 'readwrite');
  const queued = await tx.objectStore('outbox').getAll();
  const applied: PanelWrite[] = [];
  for (const entry of queued) {
    // A write we cannot apply (a record that is gone, a kind from a newer version) is dropped
    // rather than left to block every later one.
    if (await apply(tx, entry).catch(() => false)) applied.push(entry.write);
    await tx.objectStore('outbox').delete(entry.seq!);
  }
  await tx.done;
  return applied;
}

type DrainTx = IDBPTransaction<PersonFirstSchema, typeof STORES, 'readwrite'>;

async function changeProgress(tx: DrainTx, key: string, at: number, change: (p: ProgressRecord) => ProgressRecord): Promise<boolean> {
  const store = tx.objectStore('progress');
  const current = (await store.get(key)) ?? { key, done: [], updatedAt: 0 };
  await store.put({ ...change({ ...current, done: [...current.done] }), key, updatedAt: Math.max(at, current.updatedAt) });
  return true;
}

async function changeFollowup(tx: DrainTx, id: string, edit: (f: FollowupRecord) => FollowupRecord): Promise<boolean> {
  const store = tx.objectStore('followups');
  const current = await store.get(id);
  if (!current) return false;
  await store.put(edit(current));
  return true;
}

async function apply(tx: DrainTx, { write, at }: OutboxRecord): Promise<boolean> {
  switch (write.kind) {
    case 'progress/step':
      return changeProgress(tx, write.key, at, (p) => ({
        ...p,
        done: write.done ? (p.done.includes(write.step) ? p.done : [...p.done, write.step]) : p.done.filter((s) => s !== write.step),
      }));
    case 'progress/nudge-dismissed':
      return changeProgress(tx, write.key, at, (p) => ({ ...p, nudgeDismissed: true }));
    case 'progress/tip-dismissed':
      return changeProgress(tx, write.key, at, (p) => ({
        ...p,
        dismissedTips: p.dismissedTips?.includes(write.tip) ? p.dismissedTips : [...(p.dismissedTips ?? []), write.tip],
      }));
    case 'progress/phrase-locale':
      return changeProgress(tx, write.key, at, (p) => ({ ...p, phraseLocale: write.locale }));
    case 'usage/used': {
      const store = tx.objectStore('usage');
      const current = await store.get(write.phraseId);
      await store.put({ phraseId: write.phraseId, count: (current?.count ?? 0) + 1, lastUsed: Math.max(at, current?.lastUsed ?? 0) });
      return true;
    }
    case 'followup/add':
      await tx.objectStore('followups').put(write.record);
      return true;
    case 'followup/snooze':
      return changeFollowup(tx, write.id, (f) => ({ ...f, snoozedUntil: write.until }));
    case 'followup/done':
      return changeFollowup(tx, write.id, (f) => ({ ...f, done: true, doneAt: at }));
    case 'followup/remove':
      await tx.objectStore('followups').delete(write.id);
      return true;
    case 'story/add':
      await tx.objectStore('stories').put(write.record);
      return true;
    case 'story/remove':
      await tx.objectStore('stories').delete(write.id);
      return true;
    default:
      return false;
  }
}
