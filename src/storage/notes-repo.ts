/**
 * Per-ticket notes. Every write is read-compare-write inside one readwrite transaction, so an
 * older copy (a late save, another panel, an import) never overwrites newer text.
 */
import { compareNoteVersions, isNewerNote, versionForEdit } from '../core/notes-merge';
import { resolveDb, withDerivedFields, type DbSource, type NoteRecord, type PersonFirstSchema } from './db';
import type { IDBPIndex } from 'idb';
import { EXACT_MATCH_MAX, queryTokens, snippetFor, tokenMatchesWord, type NoteTerm, type Snippet } from './note-text';

/** Ticket details stored with a note so lists and exports can name and link the ticket. */
/** How many index entries are sampled per query word to pick the rarest one. */
const DRIVER_SAMPLE = 256;

export interface NoteMeta {
  url?: string;
  subject?: string;
  desk?: string;
}

/** A full note as exchanged between panels and files: the stored record without derived fields. */
export type NoteData = Omit<NoteRecord, 'firstLine' | 'terms'>;

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
  /** More notes match than `limit`. */
  more: boolean;
}

/** A very short prefix ("ca") can match hundreds of words; only the first this many are read. */
const MAX_WORDS_PER_TOKEN = 50;
/** Largest page read from one word's entries at once. */
const MAX_PAGE = 256;

function summaryOf(note: NoteRecord): NoteSummary {
  const summary: NoteSummary = { key: note.key, updatedAt: note.updatedAt, firstLine: note.firstLine };
  if (note.subject !== undefined) summary.subject = note.subject;
  if (note.url !== undefined) summary.url = note.url;
  if (note.desk !== undefined) summary.desk = note.desk;
  return summary;
}

/** Strips derived fields: what exports and broadcasts carry. */
export function noteData(note: NoteRecord): NoteData {
  const { firstLine: _firstLine, terms: _terms, ...data } = note;
  return data;
}

/** Index range of a query token: the word itself, or (3+ letters) every word it starts. */
function termRange(token: string): IDBKeyRange {
  return token.length <= EXACT_MATCH_MAX
    ? IDBKeyRange.bound([token, -Infinity], [token, Infinity])
    : IDBKeyRange.bound([token], [`${token}\uffff`]);
}

type TermIndex = IDBPIndex<PersonFirstSchema, ['notes'], 'notes', 'byTerm', 'readonly'>;

/** The notes of one indexed word, newest first, read a page at a time. */
class TermRun {
  private buffer: NoteRecord[] = [];
  private next = 0;
  private exhausted = false;
  /** Where the next page starts: the last entry read, so ties on time are not skipped. */
  private from: NoteTerm | null = null;
  private fromOpen = false;
  private readonly taken = new Set<string>();
  private pageSize = 0;

  constructor(private readonly word: string) {}

  needsPage(): boolean {
    return !this.exhausted && this.next >= this.buffer.length;
  }

  /** Reads the next page; afterwards the run has a note to give or is exhausted. */
  async fetch(index: TermIndex, firstPage: number): Promise<void> {
    this.buffer = [];
    this.next = 0;
    while (this.buffer.length === 0 && !this.exhausted) {
      this.pageSize = this.pageSize === 0 ? firstPage : Math.min(MAX_PAGE, this.pageSize * 2);
      const range = IDBKeyRange.bound(this.from ?? [this.word, -Infinity], [this.word, Infinity], this.fromOpen);
      const page = await index.getAll(range, this.pageSize);
      if (page.length < this.pageSize) this.exhausted = true;
      const last = page[page.length - 1];
      if (!last) break;
      // A page starts at the previous page's last time (ties are not skipped); drop what was given out.
      this.buffer = page.filter((n) => !this.taken.has(n.key));
      this.from = [this.word, -last.updatedAt];
      this.fromOpen = false;
      if (this.buffer.length === 0 && !this.exhausted) {
        // A whole page of one time, all given out: read that time in full, then move past it.
        const ties = await index.getAll(IDBKeyRange.only(this.from));
        this.buffer = ties.filter((n) => !this.taken.has(n.key));
        this.fromOpen = true;
      }
    }
  }

  head(): NoteRecord | undefined {
    return this.buffer[this.next];
  }

  take(): NoteRecord {
    const note = this.buffer[this.next++]!;
    this.taken.add(note.key);
    return note;
  }
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
    const version = versionForEdit({ text, at, origin }, stored, Math.max(at, Date.now()));
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
   * Notes matching every word of the query (case- and accent-insensitive; words of 3+ letters
   * also match longer words, "refund" finds "refunded"), newest first. Reads the word index
   * newest first and stops once `limit` notes are found, so common words cost no more than rare ones.
   */
  async function search(query: string, options: { limit?: number } = {}): Promise<NoteSearchResult> {
    const limit = Math.max(1, options.limit ?? 50);
    const tokens = queryTokens(query);
    if (tokens.length === 0) return { hits: [], more: false };
    const tx = (await db()).transaction('notes');
    const byTerm = tx.store.index('byTerm');

    // The rarest query word drives the reading; the others are checked on each note it yields.
    // Counting is bounded: IndexedDB counts a range by walking it, which for a common word in
    // 50,000 notes costs most of a second; "more than DRIVER_SAMPLE" is all the choice needs.
    const counts = await Promise.all(tokens.map(async (t) => (await byTerm.getAllKeys(termRange(t), DRIVER_SAMPLE)).length));
    let driver = 0;
    counts.forEach((c, i) => {
      if (c < counts[driver]!) driver = i;
    });
    if (counts[driver] === 0) {
      await tx.done;
      return { hits: [], more: false };
    }
    const driverToken = tokens[driver]!;
    const others = tokens.filter((_, i) => i !== driver);

    // Every distinct indexed word the driver matches has its own newest-first run of entries.
    const words: string[] = [];
    if (driverToken.length <= EXACT_MATCH_MAX) words.push(driverToken);
    else {
      let cursor = await byTerm.openKeyCursor(termRange(driverToken));
      while (cursor && words.length < MAX_WORDS_PER_TOKEN) {
        const word = (cursor.key as NoteTerm)[0];
        words.push(word);
        // Jump past every entry of this word to the next distinct word.
        cursor = await cursor.continue([`${word}\u0000`, -Infinity]);
      }
    }

    const runs = words.map((word) => new TermRun(word));
    const firstPage = Math.max(4, Math.ceil((limit + 1) / runs.length));
    const seen = new Set<string>();
    const found: NoteRecord[] = [];
    while (found.length <= limit) {
      await Promise.all(runs.filter((r) => r.needsPage()).map((r) => r.fetch(byTerm, firstPage)));
      let newest: TermRun | null = null;
      for (const run of runs) {
        const head = run.head();
        if (head && (!newest || compareNoteVersions(head, newest.head()!) > 0)) newest = run;
      }
      if (!newest) break;
      const note = newest.take();
      if (seen.has(note.key)) continue;
      seen.add(note.key);
      if (others.every((t) => note.terms.some(([w]) => tokenMatchesWord(t, w)))) found.push(note);
    }
    await tx.done;
    const hits = found.slice(0, limit).map((n) => ({ ...summaryOf(n), snippet: snippetFor(n.text, tokens) }));
    return { hits, more: found.length > limit };
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
