import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openPersonFirstDb, openPersonFirstDbAt, StorageOpenError, UPGRADE_STEPS } from '../../src/storage/db';
import { createNotesRepo } from '../../src/storage/notes-repo';

const uniqueName = () => `pf-test-${Math.random().toString(36).slice(2)}`;

/** Rows exactly as version 1 of the extension wrote them (no derived fields). */
const v1Notes = [
  { key: 'zendesk:acme.zendesk.com:1', text: '\n  Wants a REFUND for order 12345\nPromised: call back Friday', createdAt: 1000, updatedAt: 5000, rev: 3, origin: 'p1', subject: 'Refund', url: 'https://acme.zendesk.com/agent/tickets/1', desk: 'zendesk' },
  { key: 'zendesk:acme.zendesk.com:2', text: 'Café owner, très fâché about the invoice', createdAt: 2000, updatedAt: 6000, rev: 1, origin: 'p2' },
];

async function seedVersion1(name: string) {
  const db = await openPersonFirstDbAt(name, 1);
  expect(db.version).toBe(1);
  expect([...db.objectStoreNames].sort()).toEqual(['notes', 'progress', 'usage']);
  const tx = db.transaction(['notes', 'progress', 'usage'], 'readwrite');
  // v1 rows lack v2 fields; write them as v1 did.
  for (const n of v1Notes) await tx.objectStore('notes').put(n as never);
  await tx.objectStore('progress').put({ key: v1Notes[0]!.key, done: ['greet', 'listen'], updatedAt: 4000, nudgeDismissed: true });
  await tx.objectStore('usage').put({ phraseId: 'emp-repeat', count: 7, lastUsed: 3000 });
  await tx.done;
  db.close();
}

describe('database schema and migrations', () => {
  it('has one upgrade step per version', () => {
    expect(UPGRADE_STEPS).toHaveLength(DB_VERSION + 1);
    expect(DB_VERSION).toBe(3);
  });

  it('opens a fresh database at the latest version with every store and index', async () => {
    const db = await openPersonFirstDb(uniqueName());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['followups', 'notes', 'outbox', 'progress', 'stories', 'usage']);
    const tx = db.transaction(['notes', 'followups', 'stories']);
    expect([...tx.objectStore('notes').indexNames].sort()).toEqual(['byTerm', 'byUpdated']);
    expect(tx.objectStore('notes').index('byTerm').multiEntry).toBe(true);
    expect([...tx.objectStore('followups').indexNames].sort()).toEqual(['byDue', 'byKey']);
    expect([...tx.objectStore('stories').indexNames].sort()).toEqual(['byCreated', 'byKey']);
    db.close();
  });

  it('upgrades a version 1 database with data: everything survives and notes gain derived fields', async () => {
    const name = uniqueName();
    await seedVersion1(name);

    const db = await openPersonFirstDb(name);
    expect(db.version).toBe(DB_VERSION);
    const first = await db.get('notes', v1Notes[0]!.key);
    expect(first).toMatchObject({ ...v1Notes[0], firstLine: 'Wants a REFUND for order 12345' });
    expect(first?.terms).toContainEqual(['refund', -5000]);
    expect(first?.terms).toContainEqual(['12345', -5000]);
    expect((await db.get('notes', v1Notes[1]!.key))?.firstLine).toBe('Café owner, très fâché about the invoice');
    expect(await db.get('progress', v1Notes[0]!.key)).toEqual({ key: v1Notes[0]!.key, done: ['greet', 'listen'], updatedAt: 4000, nudgeDismissed: true });
    expect(await db.get('usage', 'emp-repeat')).toEqual({ phraseId: 'emp-repeat', count: 7, lastUsed: 3000 });

    // The migrated rows are usable through the repositories: search finds the backfilled words.
    const repo = createNotesRepo(db);
    expect((await repo.search('tres fache')).hits.map((h) => h.key)).toEqual([v1Notes[1]!.key]);
    expect((await repo.search('refund')).hits.map((h) => h.key)).toEqual([v1Notes[0]!.key]);
    expect(await db.count('followups')).toBe(0);
    db.close();
  });

  it('opens every earlier version with data in it and reaches the latest', async () => {
    for (let from = 1; from < DB_VERSION; from++) {
      const name = uniqueName();
      await seedVersion1(name);
      for (let v = 2; v <= from; v++) (await openPersonFirstDbAt(name, v)).close();
      const db = await openPersonFirstDb(name);
      expect(db.version).toBe(DB_VERSION);
      expect(await db.count('notes')).toBe(v1Notes.length);
      expect(await db.count('progress')).toBe(1);
      expect(await db.count('usage')).toBe(1);
      db.close();
    }
  });

  it('re-opening the latest version changes nothing', async () => {
    const name = uniqueName();
    const db = await openPersonFirstDb(name);
    await createNotesRepo(db).saveText('k:h:1', 'hello there', 10, 'p');
    db.close();
    const again = await openPersonFirstDb(name);
    expect((await again.get('notes', 'k:h:1'))?.text).toBe('hello there');
    again.close();
  });

  it('refuses unknown versions and a database from a newer extension with a clear error', async () => {
    await expect(openPersonFirstDbAt(uniqueName(), 99)).rejects.toThrow(RangeError);
    const name = uniqueName();
    (await openDB(name, DB_VERSION + 1)).close();
    await expect(openPersonFirstDb(name)).rejects.toThrow(StorageOpenError);
    await expect(openPersonFirstDb(name)).rejects.toThrow(/could not be opened/);
  });

  it('a failing upgrade leaves the old version and its data untouched', async () => {
    const name = uniqueName();
    await seedVersion1(name);
    // A note that cannot be derived makes the v2 step throw half way through.
    const db1 = await openPersonFirstDbAt(name, 1);
    await db1.put('notes', { key: 'broken', text: 42 } as never);
    db1.close();
    await expect(openPersonFirstDb(name)).rejects.toThrow(StorageOpenError);
    const raw = await openDB(name);
    expect(raw.version).toBe(1);
    expect([...raw.objectStoreNames].sort()).toEqual(['notes', 'progress', 'usage']);
    expect((await raw.get('notes', v1Notes[0]!.key)) as unknown).toEqual(v1Notes[0]);
    raw.close();
  });
});
