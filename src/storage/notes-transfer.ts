/**
 * Notes export (JSON, CSV) and import (JSON). An import is checked in full before anything is
 * written; a file with any problem changes nothing. A valid file is merged by ticket in one
 * transaction, keeping whichever copy of each note is newer.
 */
import { toCsv } from '../core/csv';
import { isNewerNote } from '../core/notes-merge';
import { resolveDb, withDerivedFields, type DbSource } from './db';
import { noteData, type NoteData } from './notes-repo';

export const NOTES_EXPORT_FORMAT = 'person-first-notes';
export const NOTES_EXPORT_VERSION = 1;
/** Origin given to imported notes whose file does not name one. */
export const IMPORT_ORIGIN = 'import';
/** Problems listed in one import error; the rest are counted. */
const MAX_LISTED_PROBLEMS = 5;
/** A notes file bigger than this is refused before it is read (a year of busy notes is a few MB). */
export const MAX_NOTES_IMPORT_BYTES = 50 * 1024 * 1024;
/** One note's text: far more than anyone types about one ticket, far less than a pasted file. */
export const MAX_NOTE_TEXT_CHARS = 200_000;

/** Why a file of `bytes` cannot be imported, said before reading it; null when its size is fine. */
export function importSizeProblem(bytes: number, max = MAX_NOTES_IMPORT_BYTES): string | null {
  if (bytes <= max) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `This file is ${mb(bytes)}; the limit is ${mb(max)}. Nothing was imported.`;
}

/** ISO 8601 for a time, or "" for one no Date can show (toISOString throws past year 275760). */
function isoTime(ms: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

export interface NotesExport {
  format: typeof NOTES_EXPORT_FORMAT;
  version: typeof NOTES_EXPORT_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  notes: NoteData[];
}

export interface ImportResult {
  added: number;
  updated: number;
  /** Notes already stored in the same or a newer version. */
  skipped: number;
}

/** A malformed import file. `problems` name each fault with its JSON path. */
export class NotesImportError extends Error {
  override name = 'NotesImportError';
  constructor(readonly problems: string[]) {
    const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
    const more = problems.length - shown.length;
    super(`This notes file was not imported, nothing was changed: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`);
  }
}

async function allNotes(db: DbSource): Promise<NoteData[]> {
  const rows = await (await resolveDb(db)).getAllFromIndex('notes', 'byUpdated');
  return rows.map(noteData);
}

/** Every note as a versioned JSON document, oldest edit first. */
export async function exportNotesJson(db: DbSource, now: number = Date.now()): Promise<string> {
  const doc: NotesExport = {
    format: NOTES_EXPORT_FORMAT,
    version: NOTES_EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    notes: await allNotes(db),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const NOTES_CSV_HEADER = ['ticket', 'desk', 'subject', 'url', 'created', 'last edited', 'text'] as const;

/** Every note as CSV for a spreadsheet (one row per ticket; times in ISO 8601 UTC). */
export async function exportNotesCsv(db: DbSource): Promise<string> {
  const rows = (await allNotes(db)).map((n) => [
    n.key,
    n.desk,
    n.subject,
    n.url,
    isoTime(n.createdAt),
    isoTime(n.updatedAt),
    n.text,
  ]);
  return toCsv([[...NOTES_CSV_HEADER], ...rows]);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkNote(raw: unknown, path: string, problems: string[], now: number): NoteData | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`${path} must be an object`);
    return null;
  }
  const n = raw as Record<string, unknown>;
  const before = problems.length;
  if (typeof n.key !== 'string' || n.key.trim() === '') problems.push(`${path}.key must be a non-empty string`);
  if (typeof n.text !== 'string') problems.push(`${path}.text must be a string`);
  else if (n.text.length > MAX_NOTE_TEXT_CHARS) problems.push(`${path}.text is ${n.text.length.toLocaleString('en')} characters; a note holds at most ${MAX_NOTE_TEXT_CHARS.toLocaleString('en')}`);
  if (!isTime(n.updatedAt)) problems.push(`${path}.updatedAt must be a number (milliseconds since 1970)`);
  if (n.createdAt !== undefined && !isTime(n.createdAt)) {
    problems.push(`${path}.createdAt must be a number (milliseconds since 1970)`);
  }
  if (n.rev !== undefined && !(typeof n.rev === 'number' && Number.isInteger(n.rev) && n.rev >= 0)) {
    problems.push(`${path}.rev must be a whole number`);
  }
  if (n.origin !== undefined && typeof n.origin !== 'string') problems.push(`${path}.origin must be a string`);
  for (const field of ['url', 'subject', 'desk'] as const) {
    if (n[field] !== undefined && typeof n[field] !== 'string') problems.push(`${path}.${field} must be a string`);
  }
  if (problems.length > before) return null;

  // A time in the future (a wrong clock, or 1e300 in a crafted file) would win every merge and keep
  // the agent from editing the note here: it is clamped to the moment of the import.
  const updatedAt = Math.min(n.updatedAt as number, now);
  const note: NoteData = {
    key: n.key as string,
    text: n.text as string,
    updatedAt,
    createdAt: Math.min((n.createdAt as number | undefined) ?? updatedAt, updatedAt),
    rev: (n.rev as number | undefined) ?? 0,
    origin: (n.origin as string | undefined) ?? IMPORT_ORIGIN,
  };
  for (const field of ['url', 'subject', 'desk'] as const) {
    const value = n[field];
    if (typeof value === 'string') note[field] = value;
  }
  // Only a web address is a ticket link: "javascript:" or "data:" from a file is dropped, the note kept.
  if (note.url !== undefined && !/^https?:\/\//i.test(note.url)) delete note.url;
  return note;
}

/** Checks a whole export file; returns its notes or throws NotesImportError listing every problem. */
export function parseNotesExport(text: string, now: number = Date.now()): NoteData[] {
  if (text.length > MAX_NOTES_IMPORT_BYTES) throw new NotesImportError([importSizeProblem(text.length)!.replace(' Nothing was imported.', '')]);
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new NotesImportError([`the file is not valid JSON (${(err as Error).message})`]);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new NotesImportError(['the file must hold a JSON object exported by Person First']);
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== NOTES_EXPORT_FORMAT) {
    throw new NotesImportError([`format must be "${NOTES_EXPORT_FORMAT}" (is this a Person First notes export?)`]);
  }
  if (typeof d.version !== 'number' || !Number.isInteger(d.version)) {
    throw new NotesImportError(['version must be a whole number']);
  }
  if (d.version > NOTES_EXPORT_VERSION) {
    throw new NotesImportError([
      `version ${d.version} is newer than this extension reads (${NOTES_EXPORT_VERSION}); update Person First and try again`,
    ]);
  }
  if (d.version < 1) throw new NotesImportError([`version ${d.version} is not a known notes export version`]);
  if (!Array.isArray(d.notes)) throw new NotesImportError(['notes must be a list']);

  const problems: string[] = [];
  const notes: NoteData[] = [];
  const firstIndexOfKey = new Map<string, number>();
  d.notes.forEach((raw, i) => {
    const note = checkNote(raw, `notes[${i}]`, problems, now);
    if (!note) return;
    const earlier = firstIndexOfKey.get(note.key);
    if (earlier !== undefined) {
      problems.push(`notes[${i}].key repeats notes[${earlier}].key ("${note.key}"); a file holds one note per ticket`);
      return;
    }
    firstIndexOfKey.set(note.key, i);
    notes.push(note);
  });
  if (problems.length > 0) throw new NotesImportError(problems);
  return notes;
}

/**
 * Imports an export file: validates all of it first (throws NotesImportError, changing nothing),
 * then merges by ticket in one transaction, keeping the newer copy of each note.
 */
export async function importNotesJson(db: DbSource, text: string, now: number = Date.now()): Promise<ImportResult> {
  const notes = parseNotesExport(text, now);
  const tx = (await resolveDb(db)).transaction('notes', 'readwrite');
  const result: ImportResult = { added: 0, updated: 0, skipped: 0 };
  const stored = await Promise.all(notes.map((n) => tx.store.get(n.key)));
  const writes: Promise<unknown>[] = [];
  notes.forEach((note, i) => {
    const current = stored[i];
    if (current && !isNewerNote(note, current)) {
      result.skipped++;
      return;
    }
    if (current) result.updated++;
    else result.added++;
    const createdAt = Math.min(note.createdAt, current?.createdAt ?? note.createdAt);
    writes.push(tx.store.put(withDerivedFields({ ...note, createdAt })));
  });
  await Promise.all([...writes, tx.done]);
  return result;
}
