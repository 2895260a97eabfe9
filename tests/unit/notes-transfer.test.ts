import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv';
import { openPersonFirstDb } from '../../src/storage/db';
import { createNotesRepo } from '../../src/storage/notes-repo';
import { exportNotesCsv, exportNotesJson, importNotesJson, importSizeProblem, NotesImportError, parseNotesExport } from '../../src/storage/notes-transfer';

const fresh = () => openPersonFirstDb(`transfer-${Math.random().toString(36).slice(2)}`);
const K = (n: number) => `zendesk:acme.zendesk.com:${n}`;

async function seeded() {
  const db = await fresh();
  const repo = createNotesRepo(db);
  await repo.saveText(K(1), 'Wants a refund, "soon"\nline two', 1000, 'p1', { subject: 'Refund', url: 'https://acme.zendesk.com/agent/tickets/1', desk: 'zendesk' });
  await repo.saveText(K(2), '=HYPERLINK("evil")', 2000, 'p1');
  return { db, repo };
}

const envelope = (notes: unknown[]) => JSON.stringify({ format: 'person-first-notes', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', notes });

describe('notes export', () => {
  it('writes a versioned JSON envelope without derived fields that imports back unchanged', async () => {
    const { db, repo } = await seeded();
    const json = await exportNotesJson(db, Date.UTC(2025, 0, 2));
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: 'person-first-notes', version: 1, exportedAt: '2025-01-02T00:00:00.000Z' });
    expect(doc.notes).toHaveLength(2);
    expect(doc.notes[0]).toEqual({ key: K(1), text: 'Wants a refund, "soon"\nline two', createdAt: 1000, updatedAt: 1000, rev: 1, origin: 'p1', subject: 'Refund', url: 'https://acme.zendesk.com/agent/tickets/1', desk: 'zendesk' });

    const other = await fresh();
    expect(await importNotesJson(other, json)).toEqual({ added: 2, updated: 0, skipped: 0 });
    expect(await createNotesRepo(other).get(K(1))).toEqual(await repo.get(K(1)));
    expect(await importNotesJson(other, json)).toEqual({ added: 0, updated: 0, skipped: 2 });
    db.close();
    other.close();
  });

  it('writes CSV with a header, quoted text and formula-safe cells', async () => {
    const { db } = await seeded();
    const rows = parseCsv(await exportNotesCsv(db));
    expect(rows[0]).toEqual(['ticket', 'desk', 'subject', 'url', 'created', 'last edited', 'text']);
    expect(rows[1]).toEqual([K(1), 'zendesk', 'Refund', 'https://acme.zendesk.com/agent/tickets/1', '1970-01-01T00:00:01.000Z', '1970-01-01T00:00:01.000Z', 'Wants a refund, "soon"\nline two']);
    expect(rows[2]![6]!.startsWith('=')).toBe(false);
    db.close();
  });
});

describe('notes import', () => {
  it('merges by ticket keeping the newer note, and counts what it did', async () => {
    const { db, repo } = await seeded();
    const file = envelope([
      { key: K(1), text: 'newer from file', createdAt: 500, updatedAt: 5000, rev: 1, origin: 'other-laptop' },
      { key: K(2), text: 'older from file', createdAt: 1, updatedAt: 1500 },
      { key: K(3), text: 'brand new', createdAt: 1, updatedAt: 1 },
    ]);
    expect(await importNotesJson(db, file)).toEqual({ added: 1, updated: 1, skipped: 1 });
    expect(await repo.get(K(1))).toMatchObject({ text: 'newer from file', createdAt: 500, origin: 'other-laptop' });
    expect((await repo.get(K(2)))?.text).toBe('=HYPERLINK("evil")');
    expect(await repo.get(K(3))).toMatchObject({ text: 'brand new', rev: 0, origin: 'import' });
    expect((await repo.search('brand')).hits.map((h) => h.key)).toEqual([K(3)]);
    db.close();
  });

  it.each([
    ['not JSON', '{"format": ', /not valid JSON/],
    ['an array', '[]', /JSON object exported by Person First/],
    ['another format', JSON.stringify({ format: 'pack', version: 1, notes: [] }), /format must be "person-first-notes"/],
    ['a newer version', JSON.stringify({ format: 'person-first-notes', version: 2, notes: [] }), /version 2 is newer/],
    ['notes not a list', JSON.stringify({ format: 'person-first-notes', version: 1, notes: {} }), /notes must be a list/],
    ['a string time', envelope([{ key: 'a', text: '', updatedAt: 1 }, { key: 'b', text: '', updatedAt: 1 }, { key: 'c', text: '', updatedAt: 1 }, { key: 'd', text: 'x', createdAt: 1, updatedAt: '2024' }]), /notes\[3\]\.updatedAt must be a number/],
    ['a missing text', envelope([{ key: 'a', updatedAt: 1 }]), /notes\[0\]\.text must be a string/],
    ['an empty key', envelope([{ key: ' ', text: 'x', updatedAt: 1 }]), /notes\[0\]\.key must be a non-empty string/],
    ['a bad rev', envelope([{ key: 'a', text: 'x', updatedAt: 1, rev: 1.5 }]), /notes\[0\]\.rev must be a whole number/],
    ['a numeric subject', envelope([{ key: 'a', text: 'x', updatedAt: 1, subject: 7 }]), /notes\[0\]\.subject must be a string/],
    ['a note that is null', envelope([null]), /notes\[0\] must be an object/],
    ['a repeated ticket', envelope([{ key: 'a', text: 'x', updatedAt: 1 }, { key: 'a', text: 'y', updatedAt: 2 }]), /notes\[1\]\.key repeats notes\[0\]\.key/],
  ])('rejects a file with %s, changing nothing', async (_label, text, message) => {
    const { db, repo } = await seeded();
    const before = await repo.all();
    const attempt = importNotesJson(db, text);
    await expect(attempt).rejects.toThrow(NotesImportError);
    await expect(importNotesJson(db, text)).rejects.toThrow(message);
    await expect(importNotesJson(db, text)).rejects.toThrow(/nothing was changed/);
    expect(await repo.all()).toEqual(before);
    db.close();
  });

  it('changes nothing when any note of an otherwise good file is bad', async () => {
    const { db, repo } = await seeded();
    const before = await repo.all();
    const file = envelope([{ key: K(9), text: 'good', createdAt: 1, updatedAt: 9999 }, { key: K(10), text: 'bad', updatedAt: -5 }]);
    await expect(importNotesJson(db, file)).rejects.toThrow(/notes\[1\]\.updatedAt/);
    expect(await repo.all()).toEqual(before);
    db.close();
  });

  it('lists several problems at once, then how many more', () => {
    const bad = envelope(Array.from({ length: 8 }, (_, i) => ({ key: `k${i}`, text: 1, updatedAt: 1 })));
    try {
      parseNotesExport(bad);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(NotesImportError);
      expect((err as NotesImportError).problems).toHaveLength(8);
      expect((err as Error).message).toMatch(/notes\[4\]\.text must be a string; and 3 more\.$/);
    }
  });
});

describe('hostile notes files (F6, F10, F15)', () => {
  const NOW = Date.UTC(2026, 10, 30);

  it('clamps times in the future (1e300, next year) to the moment of the import, and CSV export never throws', async () => {
    const db = fresh();
    await importNotesJson(db, envelope([
      { key: K(1), text: 'From the far future', updatedAt: 1e300, createdAt: 1e300 },
      { key: K(2), text: 'Next year', updatedAt: NOW + 365 * 86_400_000 },
    ]), NOW);
    const notes = parseNotesExport(await exportNotesJson(db));
    expect(notes.map((n) => n.updatedAt)).toEqual([NOW, NOW]);
    expect(notes.every((n) => n.createdAt <= NOW)).toBe(true);
    await expect(exportNotesCsv(db)).resolves.toContain('From the far future');
  });

  it('exports CSV even when a stored note has a time no Date can show', async () => {
    const db = fresh();
    await createNotesRepo(db).put({ key: K(3), text: 'Odd time', updatedAt: 1e300, createdAt: 1e300, rev: 1, origin: 'x' });
    const rows = parseCsv(await exportNotesCsv(db));
    expect(rows[1]).toContain('Odd time');
  });

  it('keeps an agent’s edit to a note dated in the future', async () => {
    const db = fresh();
    const repo = createNotesRepo(db);
    await repo.put({ key: K(4), text: 'Dated ahead', updatedAt: Date.now() + 86_400_000, createdAt: 0, rev: 3, origin: 'other-window' });
    const r = await repo.saveText(K(4), 'My edit', Date.now(), 'this-panel');
    expect(r.stored).toBe(true);
    expect((await repo.get(K(4)))?.text).toBe('My edit');
  });

  it('refuses a note of 20 MB, and says the file size limit before reading', () => {
    expect(() => parseNotesExport(envelope([{ key: K(5), text: 'x'.repeat(20 * 1024 * 1024), updatedAt: 1 }]))).toThrow(/at most 200,000/);
    expect(importSizeProblem(60 * 1024 * 1024)).toMatch(/60\.0 MB; the limit is 50\.0 MB/);
    expect(importSizeProblem(1024)).toBeNull();
  });
});

describe('links in imported notes (F10)', () => {
  it('keeps only http and https ticket URLs', () => {
    const notes = parseNotesExport(envelope([
      { key: K(1), text: 'a', updatedAt: 1, url: 'javascript:alert(1)' },
      { key: K(2), text: 'b', updatedAt: 1, url: ' JaVaScRiPt:alert(1)' },
      { key: K(3), text: 'c', updatedAt: 1, url: 'data:text/html,<b>x</b>' },
      { key: K(4), text: 'd', updatedAt: 1, url: 'https://acme.zendesk.com/agent/tickets/4' },
    ]));
    expect(notes.map((n) => n.url)).toEqual([undefined, undefined, undefined, 'https://acme.zendesk.com/agent/tickets/4']);
    expect(notes.map((n) => n.text)).toEqual(['a', 'b', 'c', 'd']);
  });
});
