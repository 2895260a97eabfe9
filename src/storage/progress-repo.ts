/**
 * Checklist progress per ticket, read side. Changes go through the outbox (panel-writes.ts), which
 * applies each as a read-modify-write in one transaction, so two panels ticking different steps
 * at once both keep their tick.
 */
import { resolveDb, type DbSource, type ProgressRecord } from './db';

export function createProgressRepo(source: DbSource) {
  const db = () => resolveDb(source);

  async function get(key: string): Promise<ProgressRecord | undefined> {
    return (await db()).get('progress', key);
  }

  async function remove(key: string): Promise<void> {
    await (await db()).delete('progress', key);
  }

  return { get, remove };
}

export type ProgressRepo = ReturnType<typeof createProgressRepo>;
