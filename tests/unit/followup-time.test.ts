import { afterEach, describe, expect, it } from 'vitest';
import { checkInAfterSolve, describeDue, dueAtFor, FOLLOW_UP_PRESETS, FollowUpDateError } from '../../src/core/followup-time';

// Local times built from parts, so the tests hold in any time zone the machine is in.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi, 0, 0);
const HOUR = 3_600_000;
const NOW = at(2025, 3, 14, 15, 30); // a Friday afternoon

describe('dueAtFor', () => {
  it('puts "in 2 hours" exactly two hours on', () => {
    expect(dueAtFor('in-2-hours', NOW)).toBe(NOW.getTime() + 2 * HOUR);
  });
  it('puts "tomorrow" at 09:00 local the next day, also late at night and across a month end', () => {
    expect(dueAtFor('tomorrow', NOW)).toBe(at(2025, 3, 15, 9).getTime());
    expect(dueAtFor('tomorrow', at(2025, 3, 31, 23, 59))).toBe(at(2025, 4, 1, 9).getTime());
    expect(dueAtFor('tomorrow', at(2025, 12, 31, 0, 5))).toBe(at(2026, 1, 1, 9).getTime());
  });
  it('puts "in 3 days" at 09:00 local three calendar days on', () => {
    expect(dueAtFor('in-3-days', NOW)).toBe(at(2025, 3, 17, 9).getTime());
    expect(dueAtFor('in-3-days', at(2024, 2, 27, 8))).toBe(at(2024, 3, 1, 9).getTime()); // leap year
  });
  it('puts a date at 09:00 local on that day', () => {
    expect(dueAtFor({ date: '2025-03-20' }, NOW)).toBe(at(2025, 3, 20, 9).getTime());
    expect(dueAtFor({ date: ' 2025-03-14 ' }, at(2025, 3, 14, 8))).toBe(at(2025, 3, 14, 9).getTime());
  });
  it('refuses a past date with a clear message', () => {
    expect(() => dueAtFor({ date: '2025-03-13' }, NOW)).toThrow(FollowUpDateError);
    expect(() => dueAtFor({ date: '2025-03-13' }, NOW)).toThrow('2025-03-13 is in the past');
    expect(() => dueAtFor({ date: '2025-03-14' }, NOW)).toThrow('already past 09:00 today');
  });
  it('refuses text that is not a real YYYY-MM-DD date', () => {
    for (const date of ['14/03/2025', '2025-3-14', 'tomorrow', '', '2025-02-30', '2025-13-01']) {
      expect(() => dueAtFor({ date }, NOW), date).toThrow(FollowUpDateError);
    }
    expect(() => dueAtFor({ date: '2025-02-30' }, at(2025, 1, 1))).toThrow('not a real calendar date');
    expect(dueAtFor({ date: '2028-02-29' }, NOW)).toBe(at(2028, 2, 29, 9).getTime());
  });
  it('offers the presets in order', () => {
    expect(FOLLOW_UP_PRESETS.map((p) => p.choice)).toEqual(['in-2-hours', 'tomorrow', 'in-3-days']);
  });
});

describe('across a daylight-saving change', () => {
  const original = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would store the string "undefined"; an unset zone must stay unset.
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  it('"tomorrow" is the next morning at 09:00 wall-clock time, not 24 hours on', () => {
    process.env.TZ = 'Europe/Berlin';
    // Clocks go forward at 02:00 on 30 March 2025 in Berlin: that day has 23 hours.
    const evening = new Date('2025-03-29T20:00:00+01:00');
    const due = dueAtFor('tomorrow', evening);
    expect(new Date(due).toISOString()).toBe('2025-03-30T07:00:00.000Z'); // 09:00 CEST
    expect(describeDue(due, evening)).toBe('tomorrow at 09:00');
  });
});

describe('describeDue', () => {
  const now = NOW;
  const t = now.getTime();
  it('says how soon a follow-up is due', () => {
    expect(describeDue(dueAtFor('in-2-hours', now), now)).toBe('in 2 hours');
    expect(describeDue(t + HOUR, now)).toBe('in 1 hour');
    expect(describeDue(t + 5 * 60_000, now)).toBe('in 5 minutes');
    expect(describeDue(t + 60_000, now)).toBe('in 1 minute');
    expect(describeDue(t + 20_000, now)).toBe('due now');
    expect(describeDue(t, now)).toBe('due now');
  });
  it('names the day and time when it is further off', () => {
    expect(describeDue(dueAtFor('tomorrow', now), now)).toBe('tomorrow at 09:00');
    expect(describeDue(at(2025, 3, 14, 23, 0).getTime(), at(2025, 3, 14, 9))).toBe('today at 23:00');
    expect(describeDue(dueAtFor('in-3-days', now), now)).toBe('Monday at 09:00');
    expect(describeDue(at(2025, 4, 2, 9).getTime(), now)).toBe('2 Apr at 09:00');
    expect(describeDue(at(2026, 1, 5, 14, 15).getTime(), now)).toBe('5 Jan 2026 at 14:15');
  });
  it('says how overdue a follow-up is', () => {
    expect(describeDue(t - 3 * HOUR, now)).toBe('overdue by 3 hours');
    expect(describeDue(t - 3 * HOUR - 40 * 60_000, now)).toBe('overdue by 3 hours');
    expect(describeDue(t - 90_000, now)).toBe('overdue by 1 minute');
    expect(describeDue(t - 45 * 60_000, now)).toBe('overdue by 45 minutes');
    expect(describeDue(t - HOUR, now)).toBe('overdue by 1 hour');
    expect(describeDue(t - 3 * 24 * HOUR, now)).toBe('overdue by 3 days');
  });
});

describe('checkInAfterSolve', () => {
  it('suggests a check-in three mornings later by default, with a reason', () => {
    expect(checkInAfterSolve(NOW)).toEqual({ dueAt: at(2025, 3, 17, 9).getTime(), reason: 'Check in: is everything still working well?' });
  });
  it('takes another number of days, at least one', () => {
    expect(checkInAfterSolve(NOW, 7).dueAt).toBe(at(2025, 3, 21, 9).getTime());
    expect(checkInAfterSolve(NOW, 0).dueAt).toBe(at(2025, 3, 15, 9).getTime());
  });
});
