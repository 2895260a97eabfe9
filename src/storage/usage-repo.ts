/** How often each phrase was inserted, kept on this device only. */
import { resolveDb, type DbSource, type UsageRecord } from './db';

export function createUsageRepo(source: DbSource, now: () => number = Date.now) {
  const db = () => resolveDb(source);

  /** Counts one insertion; the increment happens inside the transaction, so none is lost. */
  async function recordUse(phraseId: string, at: number = now()): Promise<UsageRecord> {
    const tx = (await db()).transaction('usage', 'readwrite');
    const current = await tx.store.get(phraseId);
    const next: UsageRecord = {
      phraseId,
      count: (current?.count ?? 0) + 1,
      lastUsed: Math.max(at, current?.lastUsed ?? 0),
    };
    await tx.store.put(next);
    await tx.done;
    return next;
  }

  async function get(phraseId: string): Promise<UsageRecord | undefined> {
    return (await db()).get('usage', phraseId);
  }

  /** Every phrase used at least once, most used first. */
  async function all(): Promise<UsageRecord[]> {
    const rows = await (await db()).getAll('usage');
    return rows.sort((a, b) => b.count - a.count || b.lastUsed - a.lastUsed || (a.phraseId < b.phraseId ? -1 : 1));
  }

  async function clear(): Promise<void> {
    await (await db()).clear('usage');
  }

  return { recordUse, get, all, clear };
}

export type UsageRepo = ReturnType<typeof createUsageRepo>;
