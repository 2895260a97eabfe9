/**
 * "Delete notes not edited for N days". Off by default (keep forever). The background alarm
 * calls `applyRetention`; the options page shows `planRetention`'s count before the first run.
 */
import type { DbSource } from './db';
import { createNotesRepo } from './notes-repo';

export interface RetentionSettings {
  /** Notes whose last edit is older than this many days are deleted; null keeps notes forever. */
  deleteNotesAfterDays: number | null;
}

export const DEFAULT_RETENTION: RetentionSettings = { deleteNotesAfterDays: null };
/** Ten years: anything longer is "keep forever" for practical purposes, and keeps dates sane. */
export const MAX_RETENTION_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads a stored or policy value; anything that is not a whole number of days in range means keep forever. */
export function normalizeRetention(raw: unknown): RetentionSettings {
  const days = (raw as { deleteNotesAfterDays?: unknown } | null)?.deleteNotesAfterDays;
  if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_RETENTION_DAYS) {
    return { deleteNotesAfterDays: days };
  }
  return { ...DEFAULT_RETENTION };
}

/** Notes last edited before this time are out of retention; null when keeping forever. */
export function retentionCutoff(days: number | null, now: number): number | null {
  if (days === null || !Number.isFinite(days) || days < 1) return null;
  return now - days * DAY_MS;
}

export interface RetentionPlan {
  /** How many notes would be deleted now. */
  count: number;
  cutoff: number | null;
}

export async function planRetention(db: DbSource, days: number | null, now: number): Promise<RetentionPlan> {
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return { count: 0, cutoff };
  return { count: await createNotesRepo(db).countOlderThan(cutoff), cutoff };
}

/** Deletes the notes out of retention; returns how many were deleted. */
export async function applyRetention(db: DbSource, days: number | null, now: number): Promise<number> {
  const cutoff = retentionCutoff(days, now);
  if (cutoff === null) return 0;
  return createNotesRepo(db).deleteOlderThan(cutoff);
}
