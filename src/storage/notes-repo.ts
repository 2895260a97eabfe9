/**
 * Per-ticket notes. Every write is read-compare-write inside one readwrite transaction, so an
 * older copy (a late save, another panel, an import) never overwrites newer text.
 */
import { compareNoteVersions, isNewerNote, versionForEdit } from '../core/notes-merge';
import { resolveDb, withDerivedFields, type DbSource, type NoteRecord, type PersonFirstDb } from './db';
import { indexToken, queryTokens, snippetFor, wordsMatch, type Snippet } from './note-text';

/** Ticket details stored with a note so lists and exports can name and link the ticket. */
export interface NoteMeta {
  url?: string;
  subject?: string;
  desk?: string;
}

/** A full note as exchanged between panels and files: the stored record without derived fields. */
export type NoteData = Omit<NoteRecord, 'firstLine' | 'words'>;

export interface PutResult {
  /** True when this write replaced (or created) the stored note. */
  stored: boolean;
  /** The note now stored: the written one, or the newer copy that was kept. */
  note: NoteRecord;
}

/** A row of the "all notes" list. */
export interface NoteSummary {
  key: string;
  subject?: string;
  url?: string;
  desk?: string;
  updatedAt: number;
  firstLine: string;
}

/** Where the next page of the list starts. */
export interface NotesPageCursor {
  updatedAt: number;
  key: string;
}

export interface NotesPage {
  items: NoteSummary[];
  /** Pass to `list` for the next page; absent on the last page. */
  next?: NotesPageCursor;
}

export interface NoteSearchHit extends NoteSummary {
  snippet: Snippet;
}

export interface NoteSearchResult {
  /** Newest first, at most `limit`. */
  hits: NoteSearchHit[];
  /** How many notes match in all. */
  total: number;
}

/** Above this many matches the newest ones are picked by key order first, to avoid reading them all. */
const READ_ALL_MATCHES_UP_TO = 400;

function summaryOf(note: NoteRecord): NoteSummary {
  const summary: NoteSummary = { key: note.key, updatedAt: note.updatedAt, firstLine: note.firstLine };
  if (note.subject !== undefined) summary.subject = note.subject;
  if (note.url !== undefined) summary.url = note.url;
  if (note.desk !== undefined) summary.desk = note.desk;
  return summary;
}

/** Strips derived fields: what exports and broadcasts carry. */
export function noteData(note: NoteRecord): NoteData {
  const { firstLine: _firstLine, words: _words, ...data } = note;
  return data;
}

function prefixRange(token: string): IDBKeyRange {
  const t = indexToken(token);
  return IDBKeyRange.bound(t, `${t}\uffff`);
}

export function createNotesRepo(source: DbSource) {
  const db = () => resolveDb(source);

  /**
   * Stores a local edit: `at` is the time of the keystroke. Kept unless the stored note is newer
   * (another panel's later edit); the rev climbs by one either way it is written.
   */
  async function saveText(key: string, text: string, at: number, origin: string, meta: NoteMeta = {}): Promise<PutResult> {
    const tx = (await db()).transaction('notes', 'readwrite');
    const store = tx.objectStore('notes');
    const stored = await store.get(key);
    const version = versionForEdit({ text, at, origin }, stored);
    if (stored && !isNewerNote(version, stored)) {
      await tx.done;
      return { stored: false, note: stored };
    }
    const note: NoteRecord = withDerivedFields({
      ...stored,
      ...definedMeta(meta),
      key,
      text,
      createdAt: stored?.createdAt ?? at,
      ...version,
    });
    await store.put(note);
    await tx.done;
    return { stored: true, note };
  }

  /** Stores a whole note (from another panel or a file) only if it is newer than the stored one. */
  async function put(data: NoteData): Promise<PutResult> {
    const tx = (await db()).transaction('notes', 'readwrite');
    const store = tx.objectStore('notes');
    const stored = await store.get(data.key);
    if (stored && !isNewerNote(data, stored)) {
      await tx.done;
      return { stored: false, note: stored };
    }
    const note = withDerivedFields({ ...data, createdAt: Math.min(data.createdAt, stored?.createdAt ?? data.createdAt) });
    await store.put(note);
    await tx.done;
    return { stored: true, note };
  }

  async function get(key: string): Promise<NoteRecord | undefined> {
    return (await db()).get('notes', key);
  }

  /** All notes, newest edit first, `limit` per page. */
  async function list(options: { limit?: number; after?: NotesPageCursor } = {}): Promise<NotesPage> {
    const limit = Math.max(1, options.limit ?? 50);
    const after = options.after;
    const index = (await db()).transaction('notes').store.index('byUpdated');
    const range = after ? IDBKeyRange.upperBound(after.updatedAt) : undefined;
    const items: NoteSummary[] = [];
    let more = false;
    for (let cursor = await index.openCursor(range, 'prev'); cursor; cursor = await cursor.continue()) {
      // Same-time notes come in descending key order; skip the ones the previous page showed.
      if (after && cursor.value.updatedAt === after.updatedAt && cursor.primaryKey >= after.key) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(summaryOf(cursor.value));
    }
    const last = items[items.length - 1];
    return more && last ? { items, next: { updatedAt: last.updatedAt, key: last.key } } : { items };
  }

  /**
   * Notes whose words start with every word of the query (case- and accent-insensitive),
   * newest first. Reads the word index, then only the notes it needs.
   */
  async function search(query: string, options: { limit?: number } = {}): Promise<NoteSearchResult> {
    const limit = Math.max(1, options.limit ?? 50);
    const tokens = queryTokens(query);
    if (tokens.length === 0) return { hits: [], total: 0 };
    const tx = (await db()).transaction('notes');
    const byWord = tx.store.index('byWord');

    // Longest token first: usually the rarest, so the intersection shrinks fastest.
    const ordered = [...tokens].sort((a, b) => b.length - a.length);
    let matches: Set<string> | null = null;
    for (const token of ordered) {
      const keys = await byWord.getAllKeys(prefixRange(token));
      const next = new Set<string>();
      for (const k of keys) if (!matches || matches.has(k)) next.add(k);
      matches = next;
      if (matches.size === 0) break;
    }
    const total = matches?.size ?? 0;
    if (!matches || total === 0) {
      await tx.done;
      return { hits: [], total: 0 };
    }

    let notes: NoteRecord[];
    if (total <= READ_ALL_MATCHES_UP_TO) {
      const found = await Promise.all([...matches].map((k) => tx.store.get(k)));
      notes = found.filter((n): n is NoteRecord => n !== undefined);
      notes.sort((a, b) => compareNoteVersions(b, a));
      notes = notes.slice(0, limit);
    } else {
      // Keys in edit order cost far less to read than the matching notes themselves.
      const byAge = await tx.store.index('byUpdated').getAllKeys();
      const newest: string[] = [];
      for (let i = byAge.length - 1; i >= 0 && newest.length < limit; i--) {
        const k = byAge[i]!;
        if (matches.has(k)) newest.push(k);
      }
      const found = await Promise.all(newest.map((k) => tx.store.get(k)));
      notes = found.filter((n): n is NoteRecord => n !== undefined);
    }
    await tx.done;
    const hits = notes
      .filter((n) => wordsMatch(n.words, tokens))
      .map((n) => ({ ...summaryOf(n), snippet: snippetFor(n.text, tokens) }));
    return { hits, total };
  }

  async function remove(key: string): Promise<void> {
    await (await db()).delete('notes', key);
  }

  /** Deletes every note last edited before `cutoff` (epoch ms); returns how many. */
  async function deleteOlderThan(cutoff: number): Promise<number> {
    const tx = (await db()).transaction('notes', 'readwrite');
    let deleted = 0;
    const range = IDBKeyRange.upperBound(cutoff, true);
    for (let cursor = await tx.store.index('byUpdated').openCursor(range); cursor; cursor = await cursor.continue()) {
      await cursor.delete();
      deleted++;
    }
    await tx.done;
    return deleted;
  }

  /** How many notes `deleteOlderThan(cutoff)` would delete. */
  async function countOlderThan(cutoff: number): Promise<number> {
    return (await db()).countFromIndex('notes', 'byUpdated', IDBKeyRange.upperBound(cutoff, true));
  }

  async function count(): Promise<number> {
    return (await db()).count('notes');
  }

  /** Every note, oldest edit first (for export). */
  async function all(): Promise<NoteRecord[]> {
    return (await db()).getAllFromIndex('notes', 'byUpdated');
  }

  return { get, saveText, put, list, search, remove, deleteOlderThan, countOlderThan, count, all };
}

export type NotesRepo = ReturnType<typeof createNotesRepo>;

function definedMeta(meta: NoteMeta): NoteMeta {
  const out: NoteMeta = {};
  if (meta.url !== undefined) out.url = meta.url;
  if (meta.subject !== undefined) out.subject = meta.subject;
  if (meta.desk !== undefined) out.desk = meta.desk;
  return out;
}

/** Exposed for the import, which merges many notes in a single transaction. */
export type { PersonFirstDb };
