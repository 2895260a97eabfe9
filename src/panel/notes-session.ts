// One autosaver per panel page: it outlives ticket switches, so text typed for ticket A is saved
// under A however fast the agent moves on, and a failed save for A is still retried from B.
import { NoteAutosaver } from '../core/autosave';
import type { NoteMeta } from '../storage/notes-repo';
import { NotesSync, saveAndBroadcast } from '../storage/notes-sync';
import { notesRepo } from './repos';

/** Text that could not reach IndexedDB waits here. storage.local (not .session) so it also
 *  survives a browser restart. */
const RESCUE_PREFIX = 'notes-rescue:';

export interface RescuedText {
  text: string;
  at: number;
}

export const origin = crypto.randomUUID();
const meta = new Map<string, NoteMeta>();
let saver: NoteAutosaver | null = null;
let sync: NotesSync | null = null;

export function notesSync(): NotesSync {
  return (sync ??= new NotesSync());
}

export function setNoteMeta(key: string, value: NoteMeta): void {
  meta.set(key, value);
}

export function autosaver(): NoteAutosaver {
  if (saver) return saver;
  const repo = notesRepo();
  saver = new NoteAutosaver(null, {
    save: async (key, text, at) => saveAndBroadcast(await repo, notesSync(), origin, (k) => meta.get(k) ?? {})(key, text, at),
    rescue: (key, text, at) => chrome.storage.local.set({ [RESCUE_PREFIX + key]: { text, at } satisfies RescuedText }).catch(() => undefined),
    clearRescue: (key) => chrome.storage.local.remove(RESCUE_PREFIX + key).catch(() => undefined),
  });
  const s = saver;
  addEventListener('pagehide', () => void s.flushOnExit());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void s.flushOnExit();
  });
  return s;
}

export async function rescuedText(key: string): Promise<RescuedText | undefined> {
  const got = await chrome.storage.local.get(RESCUE_PREFIX + key).catch(() => ({}) as Record<string, unknown>);
  return got[RESCUE_PREFIX + key] as RescuedText | undefined;
}
