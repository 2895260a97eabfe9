/**
 * Checklist progress per ticket. Each change is a read-modify-write in one transaction, so two
 * panels ticking different steps at once both keep their tick.
 */
import { resolveDb, type DbSource, type ProgressRecord } from './db';

export function createProgressRepo(source: DbSource, now: () => number = Date.now) {
  const db = () => resolveDb(source);

  async function update(key: string, change: (current: ProgressRecord) => ProgressRecord): Promise<ProgressRecord> {
    const tx = (await db()).transaction('progress', 'readwrite');
    const current = (await tx.store.get(key)) ?? { key, done: [], updatedAt: 0 };
    const next = { ...change({ ...current, done: [...current.done] }), key, updatedAt: now() };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  async function get(key: string): Promise<ProgressRecord | undefined> {
    return (await db()).get('progress', key);
  }

  /** Ticks (`done` true) or unticks a step; returns the stored progress. */
  function setDone(key: string, step: string, done: boolean): Promise<ProgressRecord> {
    return update(key, (p) => ({
      ...p,
      done: done ? (p.done.includes(step) ? p.done : [...p.done, step]) : p.done.filter((s) => s !== step),
    }));
  }

  /** Flips a step against what is stored now (not what a panel last saw). */
  function toggle(key: string, step: string): Promise<ProgressRecord> {
    return update(key, (p) => ({
      ...p,
      done: p.done.includes(step) ? p.done.filter((s) => s !== step) : [...p.done, step],
    }));
  }

  /** The agent closed the person-first nudge for this ticket. */
  function dismissNudge(key: string): Promise<ProgressRecord> {
    return update(key, (p) => ({ ...p, nudgeDismissed: true }));
  }

  /** The optional reset moment was taken or skipped for this ticket. */
  function markReset(key: string, taken = true): Promise<ProgressRecord> {
    return update(key, (p) => ({ ...p, reset: taken }));
  }

  async function remove(key: string): Promise<void> {
    await (await db()).delete('progress', key);
  }

  return { get, setDone, toggle, dismissNudge, markReset, remove };
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>;
