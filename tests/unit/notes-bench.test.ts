import { describe, expect, it } from 'vitest';
import { benchNoteKey, benchNotes } from '../../src/storage/bench';
import { openPersonFirstDb } from '../../src/storage/db';
import { createNotesRepo } from '../../src/storage/notes-repo';

describe('notes bench helper', () => {
  // Correctness of the helper only; its timings are figures for the bench report, never asserted.
  it('fills the database with realistic searchable notes and reports figures', async () => {
    const db = await openPersonFirstDb(`bench-${Math.random()}`);
    const result = await benchNotes(db, { count: 300, batch: 100, loadSamples: 10, searchSamples: 8 });
    expect(result.count).toBe(300);
    expect(await db.count('notes')).toBe(300);
    for (const figure of [result.loadMedianMs, result.loadP95Ms, result.searchMedianMs, result.searchP95Ms]) {
      expect(Number.isFinite(figure)).toBe(true);
    }
    expect(result.loadP95Ms).toBeGreaterThanOrEqual(result.loadMedianMs);
    const refund = result.searches.find((s) => s.query === 'refund');
    expect(refund?.hits).toBe(50);
    expect(result.searches.find((s) => s.query === 'zeppelin')?.hits).toBe(0);
    const note = await createNotesRepo(db).get(benchNoteKey(7));
    expect(note?.text).toMatch(/order \d{6}/);
    expect(note?.url).toContain('/agent/tickets/');
    db.close();
  });
});
