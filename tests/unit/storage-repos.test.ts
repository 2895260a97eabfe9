import { describe, expect, it } from 'vitest';
import { openPersonFirstDb, sharedDb } from '../../src/storage/db';
import { createFollowupsRepo, effectiveDueAt } from '../../src/storage/followups-repo';
import { createProgressRepo } from '../../src/storage/progress-repo';
import { createStoriesRepo } from '../../src/storage/stories-repo';
import { createUsageRepo } from '../../src/storage/usage-repo';
import { drainOutbox, enqueueWrite } from '../../src/storage/panel-writes';

const fresh = () => openPersonFirstDb(`repos-${Math.random().toString(36).slice(2)}`);
const KEY = 'zendesk:acme.zendesk.com:42';

describe('progress and usage, read side', () => {
  it('reads what the outbox applied, most used phrase first', async () => {
    const db = await fresh();
    for (const w of [
      { kind: 'progress/step', key: KEY, step: 'greet', done: true },
      { kind: 'usage/used', phraseId: 'a' },
      { kind: 'usage/used', phraseId: 'b' },
      { kind: 'usage/used', phraseId: 'a' },
    ] as const) await enqueueWrite(db, w, 10);
    await drainOutbox(db);
    const progress = createProgressRepo(db);
    expect((await progress.get(KEY))?.done).toEqual(['greet']);
    await progress.remove(KEY);
    expect(await progress.get(KEY)).toBeUndefined();
    const usage = createUsageRepo(db);
    expect(await usage.all()).toEqual([
      { phraseId: 'a', count: 2, lastUsed: 10 },
      { phraseId: 'b', count: 1, lastUsed: 10 },
    ]);
    await usage.clear();
    expect(await usage.all()).toEqual([]);
  });
});

describe('follow-ups repository', () => {
  it('lists due and upcoming reminders, snoozes and completes them', async () => {
    const repo = createFollowupsRepo(fresh(), () => 0);
    const base = { key: KEY, url: 'https://acme.zendesk.com/agent/tickets/42', subject: 'Refund' };
    const a = await repo.add({ ...base, reason: '  check the refund landed ', dueAt: 1000 }, 1);
    const b = await repo.add({ ...base, reason: 'ask if all is well', dueAt: 5000 }, 2);
    const c = await repo.add({ key: 'zendesk:acme.zendesk.com:7', url: 'u', reason: 'x', dueAt: 500 }, 3);
    expect(a.reason).toBe('check the refund landed');
    expect((await repo.due(1000)).map((f) => f.id)).toEqual([c.id, a.id]);
    expect((await repo.upcoming(1000)).map((f) => f.id)).toEqual([b.id]);
    expect(await repo.nextDueAt(1000)).toBe(5000);

    await repo.snooze(a.id, 8000);
    expect(effectiveDueAt((await repo.get(a.id))!)).toBe(8000);
    expect((await repo.due(1000)).map((f) => f.id)).toEqual([c.id]);
    expect((await repo.upcoming(1000)).map((f) => f.id)).toEqual([b.id, a.id]);
    expect((await repo.due(9000)).map((f) => f.id)).toEqual([c.id, b.id, a.id]);

    await repo.done(c.id, 9100);
    expect((await repo.get(c.id))).toMatchObject({ done: true, doneAt: 9100 });
    expect((await repo.due(9000)).map((f) => f.id)).toEqual([b.id, a.id]);
    expect((await repo.forTicket(KEY)).map((f) => f.id)).toEqual([b.id, a.id]);
    expect(await repo.snooze('missing', 1)).toBeUndefined();
    await repo.done(a.id);
    await repo.done(b.id);
    expect(await repo.nextDueAt(0)).toBeNull();
  });

  it('refuses a reminder without a time', async () => {
    const repo = createFollowupsRepo(fresh());
    await expect(repo.add({ key: KEY, url: 'u', reason: 'x', dueAt: Number.NaN })).rejects.toThrow(/due time/);
  });
});

describe('stories repository', () => {
  it('adds stories and lists them newest first', async () => {
    const repo = createStoriesRepo(fresh());
    const s1 = await repo.add({ key: KEY, url: 'u', kind: 'good', text: 'Turned it around' }, 10);
    const s2 = await repo.add({ key: 'zendesk:acme.zendesk.com:9', url: 'u', subject: 'Late', kind: 'ugly', text: 'Blamed policy' }, 20);
    expect((await repo.list()).map((s) => s.id)).toEqual([s2.id, s1.id]);
    expect((await repo.forTicket(KEY)).map((s) => s.kind)).toEqual(['good']);
    await expect(repo.add({ key: KEY, url: 'u', kind: 'meh' as never, text: '' })).rejects.toThrow(/good, bad or ugly/);
    await repo.remove(s1.id);
    expect(await repo.list()).toHaveLength(1);
  });
});

describe('sharedDb', () => {
  it('reuses one connection and steps aside for another page that deletes or upgrades the database', async () => {
    const name = `shared-${Math.random().toString(36).slice(2)}`;
    const first = await sharedDb(name);
    expect(await sharedDb(name)).toBe(first);
    await first.put('usage', { phraseId: 'p', count: 1, lastUsed: 1 });
    // Deleting waits for open connections: ours must close itself rather than block it.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    const second = await sharedDb(name);
    expect(second).not.toBe(first);
    expect(await second.count('usage')).toBe(0);

    const { openDB } = await import('idb');
    (await openDB(name, second.version + 1)).close();
    await expect(sharedDb(name)).rejects.toThrow(/could not be opened/); // the disk is newer than this code
  });
});
