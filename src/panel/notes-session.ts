// One autosaver per panel page: it outlives ticket switches, so text typed for ticket A is saved
// under A however fast the agent moves on, and a failed save for A is still retried from B.
import { NoteAutosaver } from '../core/autosave';
import type { NoteMeta } from '../storage/notes-repo';
import { NotesSync, saveAndBroadcast } from '../storage/notes-sync';
import { clearRescue, getRescue, putRescue, type RescuedText } from '../storage/rescue-store';
import { notesRepo } from './repos';

export type { RescuedText };

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
    // Text that could not reach the notes database waits where content scripts cannot read it.
    rescue: (key, text, at) => putRescue(key, text, at),
    clearRescue: (key) => clearRescue(key),
  });
  const s = saver;
  addEventListener('pagehide', () => void s.flushOnExit());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void s.flushOnExit();
  });
  return s;
}

export function rescuedText(key: string): Promise<RescuedText | undefined> {
  return getRescue(key);
}
