/**
 * Last-resort copies of note text that could not be saved yet (see NoteAutosaver's `rescue`).
 *
 * They live in their own small IndexedDB database in the extension's origin, which content scripts
 * (running in desk pages' origins) cannot open; chrome.storage.local, where they used to be, is
 * readable by every content script. A database of its own keeps the notes database's versions
 * and migrations out of it, and a fresh connection per write still works when the notes
 * database was closed under the panel (an extension update).
 *
 * A rescue is written on pagehide, when the page may be gone in a moment: the put and an explicit
 * commit are sent in the same task, so the write does not depend on the page living on. If
 * IndexedDB refuses the write (a full disk), storage.session takes it: also out of content scripts'
 * reach (its default access level), though only until the browser closes.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const RESCUE_DB_NAME = 'person-first-rescue';
const STORE = 'rescue';
/** Copies written to chrome.storage.local by earlier versions: read once, then removed. */
export const LEGACY_RESCUE_PREFIX = 'notes-rescue:';
const SESSION_PREFIX = 'notes-rescue:';

export interface RescuedText {
  text: string;
  at: number;
}

interface RescueSchema extends DBSchema {
  rescue: { key: string; value: RescuedText & { key: string } };
}

let opening: Promise<IDBPDatabase<RescueSchema>> | null = null;

function rescueDb(): Promise<IDBPDatabase<RescueSchema>> {
  opening ??= openDB<RescueSchema>(RESCUE_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'key' });
    },
    // Another context deleting or upgrading the database: open again next time.
    terminated() {
      opening = null;
    },
  }).catch((err: unknown) => {
    opening = null;
    throw err;
  });
  return opening;
}

const hasSession = () => typeof chrome !== 'undefined' && !!chrome.storage?.session;

/** Keeps `text` for `key`. Never throws: a rescue is the last thing that may fail loudly. */
export async function putRescue(key: string, text: string, at: number): Promise<void> {
  try {
    const tx = (await rescueDb()).transaction(STORE, 'readwrite');
    void tx.store.put({ key, text, at });
    tx.commit?.();
    await tx.done;
  } catch {
    if (hasSession()) await chrome.storage.session.set({ [SESSION_PREFIX + key]: { text, at } satisfies RescuedText }).catch(() => undefined);
  }
}

/** The rescued copy for `key`: the newest of the database, the session fallback and a legacy copy. */
export async function getRescue(key: string): Promise<RescuedText | undefined> {
  const found: RescuedText[] = [];
  const stored = await rescueDb().then((db) => db.get(STORE, key)).catch(() => undefined);
  if (stored) found.push({ text: stored.text, at: stored.at });
  if (hasSession()) {
    const session = await chrome.storage.session.get(SESSION_PREFIX + key).catch(() => ({}) as Record<string, unknown>);
    const s = session[SESSION_PREFIX + key] as RescuedText | undefined;
    if (s) found.push(s);
    const legacy = await chrome.storage.local.get(LEGACY_RESCUE_PREFIX + key).catch(() => ({}) as Record<string, unknown>);
    const l = legacy[LEGACY_RESCUE_PREFIX + key] as RescuedText | undefined;
    if (l) {
      // Moved out of storage.local, where content scripts could read it.
      await putRescue(key, l.text, l.at);
      await chrome.storage.local.remove(LEGACY_RESCUE_PREFIX + key).catch(() => undefined);
      found.push(l);
    }
  }
  return found.sort((a, b) => b.at - a.at)[0];
}

/** The text is stored in the notes database: the rescued copy goes, wherever it was kept. */
export async function clearRescue(key: string): Promise<void> {
  await rescueDb().then((db) => db.delete(STORE, key)).catch(() => undefined);
  if (hasSession()) {
    await chrome.storage.session.remove(SESSION_PREFIX + key).catch(() => undefined);
    await chrome.storage.local.remove(LEGACY_RESCUE_PREFIX + key).catch(() => undefined);
  }
}
