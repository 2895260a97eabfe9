/**
 * The one way an extension page (panel, options) or the service worker writes anything but notes.
 * `openWriteQueue()` opens the database and applies what earlier pages left queued; pages await it
 * before they render, so by the time an agent can click, `queueWrite` commits synchronously
 * inside the click (see panel-writes.ts for why that is what makes a write survive the page).
 */
import { followupsChanged } from '../followups-signal';
import { sharedDb, type PersonFirstDb } from './db';
import { drainOutbox, enqueueWrite, type PanelWrite } from './panel-writes';

/** Pages tell each other "something was queued", so a live page applies what a closing one could not. */
const QUEUED_CHANNEL = 'person-first-outbox';
export const PROGRESS_CHANNEL = 'person-first-progress';
export const USAGE_CHANNEL = 'person-first-usage';
export const STORIES_CHANNEL = 'person-first-stories';

let db: PersonFirstDb | null = null;
let opening: Promise<PersonFirstDb> | null = null;
let draining: Promise<void> = Promise.resolve();
let listening = false;

function post(channelName: string, message: unknown): void {
  const channel = new BroadcastChannel(channelName);
  channel.postMessage(message);
  channel.close();
}

/** Tells every page (this one too, through its listeners) which records changed. */
function announce(applied: PanelWrite[]): void {
  const progressKeys = new Set<string>();
  let usage = false;
  let followups = false;
  let stories = false;
  for (const w of applied) {
    if (w.kind.startsWith('progress/')) progressKeys.add((w as { key: string }).key);
    else if (w.kind === 'usage/used') usage = true;
    else if (w.kind.startsWith('followup/')) followups = true;
    else if (w.kind.startsWith('story/')) stories = true;
  }
  for (const key of progressKeys) post(PROGRESS_CHANNEL, { key });
  if (usage) post(USAGE_CHANNEL, {});
  if (stories) post(STORIES_CHANNEL, {});
  if (followups) followupsChanged();
}

function connection(): Promise<PersonFirstDb> {
  if (db) return Promise.resolve(db);
  opening ??= sharedDb().then(
    (opened) => {
      db = opened;
      const forget = () => {
        if (db === opened) db = null;
      };
      opened.addEventListener('close', forget);
      opened.addEventListener('versionchange', forget);
      opening = null;
      return opened;
    },
    (err: unknown) => {
      opening = null;
      throw err;
    },
  );
  return opening;
}

/** Applies every queued write (one drain at a time in this page) and announces what changed. */
function drain(): Promise<void> {
  draining = draining.then(async () => {
    const applied = await drainOutbox(await connection());
    if (applied.length) announce(applied);
  });
  const done = draining;
  draining = draining.catch(() => undefined);
  return done;
}

/** Opens the database and applies what is queued. Never rejects: writes report their own failure. */
export async function openWriteQueue(): Promise<void> {
  if (!listening && typeof BroadcastChannel !== 'undefined') {
    listening = true;
    new BroadcastChannel(QUEUED_CHANNEL).onmessage = () => void drain().catch(() => undefined);
  }
  await drain().catch(() => undefined);
}

/**
 * Queues `write`: committed before this returns whenever the database is open (it is once
 * `openWriteQueue` resolved), so the caller may show the change at once. Resolves once the write
 * is applied; rejects with a message for the agent when it could not be stored.
 */
export function queueWrite(write: PanelWrite): Promise<void> {
  const queued = db ? enqueueWrite(db, write) : connection().then((open) => enqueueWrite(open, write));
  post(QUEUED_CHANNEL, null);
  return queued.then(drain, (err: unknown) => {
    throw new Error(`This change could not be saved (${err instanceof Error ? err.message : String(err)}).`, { cause: err });
  });
}

/** Calls `listener` when any page applied a write to one of these records. Returns the unsubscribe. */
export function onApplied(channelName: string, listener: (message: unknown) => void): () => void {
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (e: MessageEvent) => listener(e.data);
  return () => channel.close();
}
