import { describe, expect, it } from 'vitest';
import { openPersonFirstDb, type FollowupRecord, type StoryRecord } from '../../src/storage/db';
import { drainOutbox, enqueueWrite, type PanelWrite } from '../../src/storage/panel-writes';

const KEY = 'zendesk:acme.zendesk.com:42';
const name = () => `writes-${Math.random().toString(36).slice(2)}`;

const followup: FollowupRecord = { id: 'f1', key: KEY, url: 'https://acme.zendesk.com/agent/tickets/42', reason: 'Check the refund', dueAt: 5000, createdAt: 1000 };
const story: StoryRecord = { id: 's1', key: KEY, url: followup.url, kind: 'good', text: 'Saved the day', createdAt: 1000 };

describe('panel writes through the outbox', () => {
  it('a queued write is committed before any drain, and applied by the next page that opens', async () => {
    const db = await openPersonFirstDb(name());
    // The page that queued it goes away before it drains.
    await enqueueWrite(db, { kind: 'progress/step', key: KEY, step: 'listen', done: true }, 10);
    expect(await db.count('outbox')).toBe(1);
    expect(await db.get('progress', KEY)).toBeUndefined();
    db.close();

    const next = await openPersonFirstDb(db.name);
    expect(await drainOutbox(next)).toEqual([{ kind: 'progress/step', key: KEY, step: 'listen', done: true }]);
    expect(await next.get('progress', KEY)).toMatchObject({ done: ['listen'], updatedAt: 10 });
    expect(await next.count('outbox')).toBe(0);
    next.close();
  });

  it('each write takes effect exactly once, however many pages drain at the same time', async () => {
    const n = name();
    const pages = await Promise.all([openPersonFirstDb(n), openPersonFirstDb(n), openPersonFirstDb(n)]);
    for (let i = 0; i < 5; i++) await enqueueWrite(pages[i % 3]!, { kind: 'usage/used', phraseId: 'greet-hi' }, 100 + i);
    const applied = await Promise.all(pages.map((p) => drainOutbox(p)));
    expect(applied.flat()).toHaveLength(5);
    expect(await pages[0]!.get('usage', 'greet-hi')).toEqual({ phraseId: 'greet-hi', count: 5, lastUsed: 104 });
    for (const p of pages) p.close();
  });

  it('two panels ticking different steps of one ticket both keep their tick', async () => {
    const n = name();
    const [a, b] = await Promise.all([openPersonFirstDb(n), openPersonFirstDb(n)]);
    await Promise.all([
      enqueueWrite(a, { kind: 'progress/step', key: KEY, step: 'greet', done: true }),
      enqueueWrite(b, { kind: 'progress/step', key: KEY, step: 'empathize', done: true }),
    ]);
    await Promise.all([drainOutbox(a), drainOutbox(b)]);
    expect((await a.get('progress', KEY))?.done.sort()).toEqual(['empathize', 'greet']);
    a.close();
    b.close();
  });

  it('applies every kind of write in the order it was queued', async () => {
    const db = await openPersonFirstDb(name());
    const writes: PanelWrite[] = [
      { kind: 'progress/step', key: KEY, step: 'greet', done: true },
      { kind: 'progress/step', key: KEY, step: 'solve', done: true },
      { kind: 'progress/step', key: KEY, step: 'greet', done: false },
      { kind: 'progress/nudge-dismissed', key: KEY },
      { kind: 'progress/tip-dismissed', key: KEY, tip: 'thanks' },
      { kind: 'progress/tip-dismissed', key: KEY, tip: 'thanks' },
      { kind: 'progress/phrase-locale', key: KEY, locale: 'es' },
      { kind: 'progress/phrase-locale', key: KEY, locale: 'en' },
      { kind: 'followup/add', record: followup },
      { kind: 'followup/snooze', id: 'f1', until: 9000 },
      { kind: 'followup/done', id: 'f1' },
      { kind: 'story/add', record: story },
    ];
    for (const w of writes) await enqueueWrite(db, w, 2000);
    await drainOutbox(db);
    expect(await db.get('progress', KEY)).toEqual({ key: KEY, done: ['solve'], updatedAt: 2000, nudgeDismissed: true, dismissedTips: ['thanks'], phraseLocale: 'en' });
    expect(await db.get('followups', 'f1')).toEqual({ ...followup, snoozedUntil: 9000, done: true, doneAt: 2000 });
    expect(await db.get('stories', 's1')).toEqual(story);

    await enqueueWrite(db, { kind: 'followup/remove', id: 'f1' });
    await enqueueWrite(db, { kind: 'story/remove', id: 's1' });
    await drainOutbox(db);
    expect(await db.count('followups')).toBe(0);
    expect(await db.count('stories')).toBe(0);
    db.close();
  });

  it('drops a write it cannot apply instead of letting it block the ones after it', async () => {
    const db = await openPersonFirstDb(name());
    await enqueueWrite(db, { kind: 'followup/done', id: 'gone' });
    await enqueueWrite(db, { kind: 'from-a-newer-version' } as unknown as PanelWrite);
    await enqueueWrite(db, { kind: 'usage/used', phraseId: 'p' });
    expect(await drainOutbox(db)).toEqual([{ kind: 'usage/used', phraseId: 'p' }]);
    expect(await db.count('outbox')).toBe(0);
    db.close();
  });
});
