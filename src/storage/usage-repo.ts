/** How often each phrase was inserted, kept on this device only. Counted through the outbox (panel-writes.ts). */
import { resolveDb, type DbSource, type UsageRecord } from './db';

export function createUsageRepo(source: DbSource) {
  const db = () => resolveDb(source);

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

  return { get, all, clear };
}

export type UsageRepo = ReturnType<typeof createUsageRepo>;
