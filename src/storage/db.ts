/**
 * The one IndexedDB database of Person First, its schema and its migrations.
 *
 * Each version has one upgrade step, run in order from the version found on disk, so a profile
 * that skipped releases still ends up with the same shape. Steps never change once released:
 * a change is a new version with a new step (and a test that opens every earlier version with
 * data in it).
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { firstLineOf, noteTerms, type NoteTerm } from './note-text';

export const DB_NAME = 'person-first';
export const DB_VERSION = 3;

/** One note per ticket. */
export interface NoteRecord {
  /** The ticket key, `desk:host:ticketId`. */
  key: string;
  text: string;
  createdAt: number;
  /** Epoch ms of the newest edit in `text`. */
  updatedAt: number;
  /** Monotonic per note; with updatedAt and origin it decides which copy is newer. */
  rev: number;
  /** The writer of the newest edit (a panel instance id, 'import', …). */
  origin: string;
  url?: string;
  subject?: string;
  desk?: string;
  /** v2, derived from text: what lists show without reading the whole note. */
  firstLine: string;
  /** v2, derived from text and updatedAt: search index entries [word, -updatedAt] (multiEntry index). */
  terms: NoteTerm[];
}

/** Checklist progress of one ticket. */
export interface ProgressRecord {
  key: string;
  /** Step ids ticked, in the order they were ticked. */
  done: string[];
  updatedAt: number;
  nudgeDismissed?: boolean;
  /** The optional "reset" moment was taken or skipped for this ticket. */
  reset?: boolean;
  /** Draft tips the agent dismissed on this ticket (v3; before, in chrome.storage.local). */
  dismissedTips?: string[];
  /** The language the agent switched this ticket's phrases to ("es"), over the one the panel chose. */
  phraseLocale?: string;
}

/** How often the agent inserted a phrase. Local only. */
export interface UsageRecord {
  phraseId: string;
  count: number;
  lastUsed: number;
}

/** A "check back" reminder (v2). */
export interface FollowupRecord {
  id: string;
  key: string;
  url: string;
  subject?: string;
  reason: string;
  dueAt: number;
  createdAt: number;
  done?: boolean;
  doneAt?: number;
  snoozedUntil?: number;
}

/**
 * A panel write waiting to be applied (v3). Written alone, in one request, synchronously in the
 * event that caused it, so it is committed even when the page goes away at once; applied to its
 * store and deleted in one later transaction, so it takes effect exactly once.
 */
export interface OutboxRecord {
  seq?: number;
  at: number;
  write: import('./panel-writes').PanelWrite;
}

export type StoryKind = 'good' | 'bad' | 'ugly';

/** A ticket the agent marked as worth sharing with the team (v2). */
export interface StoryRecord {
  id: string;
  key: string;
  url: string;
  subject?: string;
  kind: StoryKind;
  text: string;
  createdAt: number;
}

/** The latest schema. Upgrade steps for older versions only touch what existed then. */
export interface PersonFirstSchema extends DBSchema {
  notes: { key: string; value: NoteRecord; indexes: { byUpdated: number; byTerm: NoteTerm } };
  progress: { key: string; value: ProgressRecord };
  usage: { key: string; value: UsageRecord };
  followups: { key: string; value: FollowupRecord; indexes: { byDue: number; byKey: string } };
  stories: { key: string; value: StoryRecord; indexes: { byCreated: number; byKey: string } };
  outbox: { key: number; value: OutboxRecord };
}

export type PersonFirstDb = IDBPDatabase<PersonFirstSchema>;
type UpgradeTx = IDBPTransaction<PersonFirstSchema, StoreNames<PersonFirstSchema>[], 'versionchange'>;
type UpgradeStep = (db: PersonFirstDb, tx: UpgradeTx) => void | Promise<void>;

/** The derived note fields, computed from text and time. Every writer of a note goes through this. */
export function withDerivedFields<T extends { text: string; updatedAt: number }>(
  note: T,
): T & Pick<NoteRecord, 'firstLine' | 'terms'> {
  return { ...note, firstLine: firstLineOf(note.text), terms: noteTerms(note.text, note.updatedAt) };
}

/** UPGRADE_STEPS[v] turns a version v-1 database into version v. Index 0 is unused. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [
  () => undefined,
  // v1: notes, checklist progress, phrase usage.
  (db) => {
    const notes = db.createObjectStore('notes', { keyPath: 'key' });
    notes.createIndex('byUpdated', 'updatedAt');
    db.createObjectStore('progress', { keyPath: 'key' });
    db.createObjectStore('usage', { keyPath: 'phraseId' });
  },
  // v2: follow-ups and stories; notes gain a first line for lists and a word index for search
  // (so searching 50,000 notes reads only the newest matches), backfilled for every stored note.
  async (db, tx) => {
    const followups = db.createObjectStore('followups', { keyPath: 'id' });
    followups.createIndex('byDue', 'dueAt');
    followups.createIndex('byKey', 'key');
    const stories = db.createObjectStore('stories', { keyPath: 'id' });
    stories.createIndex('byCreated', 'createdAt');
    stories.createIndex('byKey', 'key');

    const notes = tx.objectStore('notes');
    notes.createIndex('byTerm', 'terms', { multiEntry: true });
    for (let cursor = await notes.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(withDerivedFields(cursor.value));
    }
  },
  // v3: the outbox of panel writes (see OutboxRecord).
  (db) => {
    db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
  },
];

if (UPGRADE_STEPS.length !== DB_VERSION + 1) {
  throw new Error(`storage/db: DB_VERSION is ${DB_VERSION} but ${UPGRADE_STEPS.length - 1} upgrade steps exist`);
}

/** A database could not be opened or upgraded; the message is meant for the agent. */
export class StorageOpenError extends Error {
  override name = 'StorageOpenError';
}

/**
 * Opens the database at `version` (tests use earlier versions to build old profiles), running
 * each missing upgrade step in order inside the one versionchange transaction: a failing step
 * aborts the whole upgrade and leaves the old data as it was.
 */
export async function openPersonFirstDbAt(name: string, version: number): Promise<PersonFirstDb> {
  if (!Number.isInteger(version) || version < 1 || version > DB_VERSION) {
    throw new RangeError(`storage/db: no schema version ${version} (known: 1–${DB_VERSION})`);
  }
  let stepError: unknown;
  try {
    const db = await openDB<PersonFirstSchema>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        // A failed upgrade is reported by the open request below; the transaction's own promise would go unheard.
        tx.done.catch(() => undefined);
        const target = newVersion ?? version;
        const run = async () => {
          for (let v = oldVersion + 1; v <= target; v++) {
            // Synchronous steps run synchronously, so the transaction is never left idle.
            const pending = UPGRADE_STEPS[v]!(db, tx);
            if (pending) await pending;
          }
        };
        run().catch((err: unknown) => {
          stepError = err;
          try {
            tx.abort();
          } catch {
            // Already finished or aborted: the open request reports the failure.
          }
        });
      },
      blocked() {
        // Another panel or page still holds an older version open; it closes itself on `blocking`.
      },
      blocking(_current, _next, event) {
        // A newer extension version wants to upgrade: step aside rather than stall it.
        (event.target as IDBDatabase | null)?.close();
      },
    });
    return db;
  } catch (err) {
    const cause = stepError ?? err;
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    throw new StorageOpenError(`The notes database could not be opened (${detail}).`, { cause });
  }
}

/** Opens (creating or upgrading as needed) the latest schema. `name` lets tests and benches use their own DB. */
export function openPersonFirstDb(name: string = DB_NAME): Promise<PersonFirstDb> {
  return openPersonFirstDbAt(name, DB_VERSION);
}

/** Anything a repository can get its database from: the db, a promise of it, or a getter. */
export type DbSource = PersonFirstDb | Promise<PersonFirstDb> | (() => PersonFirstDb | Promise<PersonFirstDb>);

export function resolveDb(source: DbSource): Promise<PersonFirstDb> {
  return Promise.resolve(typeof source === 'function' ? source() : source);
}

const shared = new Map<string, Promise<PersonFirstDb>>();

/**
 * One lazily opened connection per page, reopened when it was closed for a newer version
 * or by the browser. Pass `sharedDb` itself to the repository factories.
 */
export function sharedDb(name: string = DB_NAME): Promise<PersonFirstDb> {
  let pending = shared.get(name);
  if (!pending) {
    pending = openPersonFirstDb(name).then((db) => {
      const forget = () => {
        if (shared.get(name) === pending) shared.delete(name);
      };
      db.addEventListener('close', forget);
      db.addEventListener('versionchange', forget);
      return db;
    });
    pending.catch(() => shared.delete(name));
    shared.set(name, pending);
  }
  return pending;
}
