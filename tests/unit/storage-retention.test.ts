import { describe, expect, it } from 'vitest';
import { openPersonFirstDb } from '../../src/storage/db';
import { createNotesRepo } from '../../src/storage/notes-repo';
import { applyRetention, DEFAULT_RETENTION, normalizeRetention, planRetention, retentionCutoff } from '../../src/storage/retention';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

describe('notes retention', () => {
  it('keeps notes forever by default and for any value that is not a sensible number of days', () => {
    expect(DEFAULT_RETENTION).toEqual({ deleteNotesAfterDays: null });
    for (const raw of [undefined, null, {}, { deleteNotesAfterDays: 0 }, { deleteNotesAfterDays: -3 }, { deleteNotesAfterDays: 1.5 }, { deleteNotesAfterDays: '30' }, { deleteNotesAfterDays: 99999 }]) {
      expect(normalizeRetention(raw)).toEqual({ deleteNotesAfterDays: null });
    }
    expect(normalizeRetention({ deleteNotesAfterDays: 90 })).toEqual({ deleteNotesAfterDays: 90 });
    expect(retentionCutoff(null, NOW)).toBeNull();
    expect(retentionCutoff(30, NOW)).toBe(NOW - 30 * DAY);
  });

  it('counts first, then deletes only notes not edited for N days', async () => {
    const db = await openPersonFirstDb(`retention-${Math.random()}`);
    const repo = createNotesRepo(db);
    const ages = [1, 29, 30.5, 31, 400];
    for (const [i, age] of ages.entries()) await repo.saveText(`k:h:${i}`, `note ${i}`, NOW - age * DAY, 'p');

    expect(await planRetention(db, null, NOW)).toEqual({ count: 0, cutoff: null });
    expect(await applyRetention(db, null, NOW)).toBe(0);
    const plan = await planRetention(db, 30, NOW);
    expect(plan.count).toBe(3);
    expect(await repo.count()).toBe(5); // planning deletes nothing
    expect(await applyRetention(db, 30, NOW)).toBe(3);
    expect((await repo.all()).map((n) => n.key).sort()).toEqual(['k:h:0', 'k:h:1']);
    expect(await applyRetention(db, 30, NOW)).toBe(0);
    db.close();
  });
});
