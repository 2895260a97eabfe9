/**
 * Newer-wins rules for per-ticket notes. Two panels, an import file and a retried save can all
 * hold a copy of the same note; these rules decide which copy is kept, the same way everywhere.
 * Pure: no storage, no clock.
 */

/** The parts of a stored note that say how recent it is. */
export interface NoteVersion {
  /** Epoch ms of the edit (the agent's keystroke), not of the write. */
  updatedAt: number;
  /** Monotonic per note: each stored edit is one more than the copy it replaced. */
  rev: number;
  /** Which writer (panel instance, import, …) made the edit; only used to break exact ties. */
  origin: string;
}

/**
 * Orders two versions: positive when `a` is newer, negative when `b` is, 0 when they are the same
 * version. Time first, then rev, then origin, so every writer reaches the same verdict.
 */
export function compareNoteVersions(a: NoteVersion, b: NoteVersion): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? 1 : -1;
  if (a.rev !== b.rev) return a.rev > b.rev ? 1 : -1;
  if (a.origin !== b.origin) return a.origin > b.origin ? 1 : -1;
  return 0;
}

/** True only when `candidate` is strictly newer: an equal copy is not worth writing again. */
export function isNewerNote(candidate: NoteVersion, current: NoteVersion | undefined | null): boolean {
  return !current || compareNoteVersions(candidate, current) > 0;
}

/** The copy to keep. On an exact tie the first argument is returned, so the result is stable. */
export function newerNote<T extends NoteVersion>(a: T, b: T | undefined | null): T;
export function newerNote<T extends NoteVersion>(a: T | undefined | null, b: T): T;
export function newerNote<T extends NoteVersion>(a: T | undefined | null, b: T | undefined | null): T | undefined;
export function newerNote<T extends NoteVersion>(a: T | undefined | null, b: T | undefined | null): T | undefined {
  if (!a) return b ?? undefined;
  if (!b) return a;
  return compareNoteVersions(a, b) >= 0 ? a : b;
}

/** A local edit about to be stored: it has a time and an author, its rev follows what is stored. */
export interface LocalEdit {
  text: string;
  at: number;
  origin: string;
}

/**
 * The version a local edit gets when written over `stored`. The rev always climbs. A writer's own
 * later save always supersedes its earlier one (the autosaver saves its edits in order), so if the
 * clock stepped backwards the time is held at the stored time instead of losing the keystroke.
 * The same holds for a stored time later than `now`, the writer's clock at the save: no edit in this
 * browser can have happened after now, so that time is wrong (a clock once ahead, a crafted file),
 * and newer-wins must not turn it into a note nobody can edit.
 */
export function versionForEdit(edit: LocalEdit, stored: NoteVersion | undefined | null, now?: number): NoteVersion {
  const rev = (stored?.rev ?? 0) + 1;
  const fromTheFuture = stored !== undefined && stored !== null && now !== undefined && stored.updatedAt > now;
  if (stored && (stored.origin === edit.origin || fromTheFuture) && edit.at < stored.updatedAt) {
    return { updatedAt: stored.updatedAt, rev, origin: edit.origin };
  }
  return { updatedAt: edit.at, rev, origin: edit.origin };
}

/** What a panel should do with a note another panel just saved. */
export type RemoteNoteDecision =
  | 'apply'
  /** A different ticket than the one this panel shows. */
  | 'other-ticket'
  /** Our own broadcast coming back, or a copy no newer than what is shown. */
  | 'not-newer'
  /** The agent has typed here since, and that typing is newer: keep it, it will be saved. */
  | 'local-edit-newer';

export interface RemoteNote extends NoteVersion {
  key: string;
  text: string;
}

export interface LocalNoteView {
  /** The ticket this panel's notes box is showing. */
  key: string | null;
  /** The stored version the box was last filled from or saved as; null when nothing is stored yet. */
  shown: NoteVersion | null;
  /** Time of the newest keystroke not yet stored, or null when the box has no unsaved edit. */
  unsavedEditAt: number | null;
  /** The clock now: a remote copy dated later than this is not allowed to replace unsaved typing. */
  now?: number;
}

/**
 * Whether a note saved by another panel replaces what this panel shows. It must be for the same
 * ticket, newer than the shown copy, and newer than any keystroke still waiting to be saved here.
 */
export function decideRemoteNote(remote: RemoteNote, local: LocalNoteView): RemoteNoteDecision {
  if (remote.key !== local.key) return 'other-ticket';
  if (!isNewerNote(remote, local.shown)) return 'not-newer';
  if (local.unsavedEditAt !== null && (local.unsavedEditAt >= remote.updatedAt || (local.now !== undefined && remote.updatedAt > local.now))) return 'local-edit-newer';
  return 'apply';
}
