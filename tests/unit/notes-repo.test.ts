import { describe, expect, it } from 'vitest';
import { openPersonFirstDb, type PersonFirstDb } from '../../src/storage/db';
import { createNotesRepo, noteData } from '../../src/storage/notes-repo';
import { snippetFor, noteWords, firstLineOf, queryTokens } from '../../src/storage/note-text';

const fresh = () => openPersonFirstDb(`notes-${Math.random().toString(36).slice(2)}`);
const K = (n: number) => `zendesk:acme.zendesk.com:${n}`;

async function withRepo(fn: (repo: ReturnType<typeof createNotesRepo>, db: PersonFirstDb) => Promise<void>) {
  const db = await fresh();
  try {
    await fn(createNotesRepo(db), db);
  } finally {
    db.close();
  }
}

describe('notes repository: saving', () => {
  it('stores a local edit with created/updated times, rev and ticket details', () =>
    withRepo(async (repo) => {
      const r1 = await repo.saveText(K(1), 'First note', 1000, 'p1', { subject: 'Broken blender', url: 'https://x/1', desk: 'zendesk' });
      expect(r1.stored).toBe(true);
      const r2 = await repo.saveText(K(1), 'First note, more', 2000, 'p1');
      expect(r2.note).toMatchObject({ key: K(1), text: 'First note, more', createdAt: 1000, updatedAt: 2000, rev: 2, origin: 'p1', subject: 'Broken blender', firstLine: 'First note, more' });
      expect(await repo.get(K(1))).toEqual(r2.note);
      expect(await repo.get(K(2))).toBeUndefined();
    }));

  it("never lets an older edit from another panel overwrite newer text", () =>
    withRepo(async (repo) => {
      await repo.saveText(K(1), 'newer, typed in window B', 2000, 'B');
      const late = await repo.saveText(K(1), 'older, typed in window A', 1500, 'A');
      expect(late.stored).toBe(false);
      expect(late.note.text).toBe('newer, typed in window B');
      expect((await repo.get(K(1)))?.text).toBe('newer, typed in window B');
    }));

  it('put keeps the newer of two whole notes, in either order', () =>
    withRepo(async (repo) => {
      const older = { key: K(3), text: 'old', createdAt: 10, updatedAt: 100, rev: 1, origin: 'x' };
      const newer = { ...older, text: 'new', updatedAt: 200, rev: 2 };
      expect((await repo.put(newer)).stored).toBe(true);
      expect((await repo.put(older)).stored).toBe(false);
      expect((await repo.put(newer)).stored).toBe(false); // same version: no rewrite
      expect((await repo.get(K(3)))?.text).toBe('new');
    }));

  it('two panels saving the same ticket at once both go through one read-compare-write each', () =>
    withRepo(async (repo) => {
      const results = await Promise.all([
        repo.saveText(K(4), 'from A', 3000, 'A'),
        repo.saveText(K(4), 'from B', 3000, 'B'),
      ]);
      expect(results.map((r) => r.stored)).toEqual([true, true]);
      const stored = await repo.get(K(4));
      expect(stored).toMatchObject({ text: 'from B', rev: 2 });
    }));

  it('noteData strips derived fields', () =>
    withRepo(async (repo) => {
      const { note } = await repo.saveText(K(1), 'x y', 1, 'p');
      expect(Object.keys(noteData(note)).sort()).toEqual(['createdAt', 'key', 'origin', 'rev', 'text', 'updatedAt']);
    }));
});

describe('notes repository: list, delete, retention queries', () => {
  it('lists newest first in pages without skipping or repeating same-time notes', () =>
    withRepo(async (repo) => {
      const times = [500, 300, 300, 300, 900, 100, 300];
      for (const [i, t] of times.entries()) await repo.saveText(K(i), `note ${i}`, t, 'p');
      const seen: string[] = [];
      let page = await repo.list({ limit: 2 });
      seen.push(...page.items.map((n) => n.key));
      while (page.next) {
        page = await repo.list({ limit: 2, after: page.next });
        seen.push(...page.items.map((n) => n.key));
      }
      expect(seen).toHaveLength(times.length);
      expect(new Set(seen).size).toBe(times.length);
      const order = seen.map((k) => times[Number(k.split(':')[2])]);
      expect(order).toEqual([...order].sort((a, b) => b! - a!));
      const first = (await repo.list({ limit: 1 })).items[0];
      expect(first).toEqual({ key: K(4), updatedAt: 900, firstLine: 'note 4' });
    }));

  it('counts and deletes only notes last edited before the cutoff', () =>
    withRepo(async (repo) => {
      for (const [i, t] of [100, 200, 300, 400].entries()) await repo.saveText(K(i), `n${i}`, t, 'p');
      expect(await repo.countOlderThan(300)).toBe(2);
      expect(await repo.deleteOlderThan(300)).toBe(2);
      expect((await repo.all()).map((n) => n.updatedAt)).toEqual([300, 400]);
      await repo.remove(K(3));
      expect(await repo.count()).toBe(1);
    }));
});

describe('notes search', () => {
  const notes = [
    { key: K(1), text: 'Customer wants a REFUND for the broken blender.\nPromised a call back.', at: 1000, subject: 'Blender' },
    { key: K(2), text: 'Invoice address wrong; refunded shipping already', at: 2000 },
    { key: K(3), text: 'Café owner in Zürich, très fâché', at: 3000 },
    { key: K(4), text: 'Order 4711 never arrived. Wants a replacement, not a refund.', at: 4000 },
    { key: K(5), text: 'Nothing to see here', at: 5000 },
  ];
  async function seeded(fn: (repo: ReturnType<typeof createNotesRepo>) => Promise<void>) {
    await withRepo(async (repo) => {
      for (const n of notes) await repo.saveText(n.key, n.text, n.at, 'p', n.subject ? { subject: n.subject } : {});
      await fn(repo);
    });
  }

  it('finds a word case-insensitively, including longer words it starts, newest first', () =>
    seeded(async (repo) => {
      const r = await repo.search('refund');
      expect(r.hits.map((h) => h.key)).toEqual([K(4), K(2), K(1)]);
      expect(r.more).toBe(false);
      const hit = r.hits[2]!;
      expect(hit).toMatchObject({ key: K(1), subject: 'Blender', updatedAt: 1000, firstLine: 'Customer wants a REFUND for the broken blender.' });
      expect(hit.snippet.text.slice(hit.snippet.matchStart, hit.snippet.matchStart + hit.snippet.matchLength)).toBe('REFUND');
    }));

  it('ignores accents and requires every word of the query', () =>
    seeded(async (repo) => {
      expect((await repo.search('zurich cafe')).hits.map((h) => h.key)).toEqual([K(3)]);
      expect((await repo.search('refund blender')).hits.map((h) => h.key)).toEqual([K(1)]);
      expect((await repo.search('refund zurich')).hits).toEqual([]);
      expect((await repo.search('4711')).hits.map((h) => h.key)).toEqual([K(4)]);
    }));

  it('matches short words exactly and finds nothing for empty or stopword-only queries', () =>
    seeded(async (repo) => {
      expect((await repo.search('   ')).hits).toEqual([]);
      expect((await repo.search('the')).hits).toEqual([]);
      expect((await repo.search('zeppelin')).hits).toEqual([]);
      expect((await repo.search('ca')).hits).toEqual([]); // "ca" is not a word here; "call"/"cafe" need 3+ letters
      expect((await repo.search('cal')).hits.map((h) => h.key)).toEqual([K(1)]);
    }));

  it('stops at the limit and says there is more', () =>
    seeded(async (repo) => {
      const r = await repo.search('refund', { limit: 2 });
      expect(r.hits.map((h) => h.key)).toEqual([K(4), K(2)]);
      expect(r.more).toBe(true);
    }));

  it('follows edits: a changed note is found by its new words only, and at its new place', () =>
    seeded(async (repo) => {
      await repo.saveText(K(1), 'Sorted: blender replaced', 9000, 'p');
      expect((await repo.search('refund')).hits.map((h) => h.key)).toEqual([K(4), K(2)]);
      expect((await repo.search('replac')).hits.map((h) => h.key)).toEqual([K(1), K(4)]);
      await repo.remove(K(4));
      expect((await repo.search('replacement')).hits).toEqual([]);
    }));

  it('returns the newest matches across many words with the same prefix and many equal times', () =>
    withRepo(async (repo) => {
      // 30 notes at the same time plus older ones, spread over several words starting "ship".
      const words = ['ship', 'shipped', 'shipping', 'shipment'];
      for (let i = 0; i < 60; i++) await repo.saveText(K(i), `${words[i % 4]} note ${i}`, i < 30 ? 5000 : i, 'p');
      const r = await repo.search('ship', { limit: 35 });
      expect(r.more).toBe(true);
      expect(new Set(r.hits.map((h) => h.key)).size).toBe(35);
      expect(r.hits.slice(0, 30).every((h) => h.updatedAt === 5000)).toBe(true);
      expect(r.hits.slice(30).map((h) => h.updatedAt)).toEqual([59, 58, 57, 56, 55]);
      const all = await repo.search('ship', { limit: 100 });
      expect(all.hits).toHaveLength(60);
      expect(all.more).toBe(false);
    }));

  it('finds all notes sharing one identical time even beyond a page', () =>
    withRepo(async (repo) => {
      // More equal times than the largest page, read through two words: forces the tie re-read.
      for (let i = 0; i < 300; i++) await repo.put({ key: K(i), text: `imported refund ${i}`, createdAt: 1, updatedAt: 7777, rev: 1, origin: 'import' });
      await repo.put({ key: K(999), text: 'refunded', createdAt: 1, updatedAt: 10, rev: 1, origin: 'import' });
      const r = await repo.search('refund', { limit: 400 });
      expect(r.hits).toHaveLength(301);
      expect(new Set(r.hits.map((h) => h.key)).size).toBe(301);
      expect(r.hits[300]!.key).toBe(K(999));
    }));
});

describe('note text helpers', () => {
  it('takes the first non-empty line, collapsed and bounded', () => {
    expect(firstLineOf('\n\n   hello   world \nsecond')).toBe('hello world');
    expect(firstLineOf('x'.repeat(500))).toHaveLength(120);
    expect(firstLineOf('')).toBe('');
  });

  it('indexes distinct folded words without stopwords', () => {
    expect(noteWords('The Café, the CAFE and a café!')).toEqual(['cafe']);
    expect(queryTokens('The REFUND of Zürich')).toEqual(['refund', 'zurich']);
  });

  it('cuts a snippet around the first match, keeping the original characters', () => {
    const text = `${'lorem ipsum '.repeat(20)}Très fâché about the invoice${' dolor'.repeat(30)}`;
    const s = snippetFor(text, ['fache']);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.text.slice(s.matchStart, s.matchStart + s.matchLength)).toBe('fâché');
    expect(snippetFor('no match here', ['zzz']).matchStart).toBe(-1);
  });
});
