/**
 * Keeps panels in step when two windows show the same ticket: after a save, the stored note is
 * broadcast; a receiving panel applies it only when `decideRemoteNote` says so (newer than what
 * it shows, and no newer unsaved typing of its own).
 */
import type { SaveOutcome } from '../core/autosave';
import type { RemoteNote } from '../core/notes-merge';
import type { NoteMeta, NotesRepo } from './notes-repo';

export const NOTES_CHANNEL = 'person-first-notes';

export type NoteBroadcast = RemoteNote;

/** The part of BroadcastChannel used here, so tests and other transports can stand in. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Messages come from our own pages, but a malformed one must never reach the notes box. */
export function isNoteBroadcast(value: unknown): value is NoteBroadcast {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.key === 'string' &&
    typeof v.text === 'string' &&
    typeof v.updatedAt === 'number' &&
    Number.isFinite(v.updatedAt) &&
    typeof v.rev === 'number' &&
    Number.isFinite(v.rev) &&
    typeof v.origin === 'string'
  );
}

export class NotesSync {
  private readonly listeners = new Set<(note: NoteBroadcast) => void>();
  private readonly onMessage = (event: MessageEvent) => {
    if (!isNoteBroadcast(event.data)) return;
    for (const listener of this.listeners) listener(event.data);
  };

  constructor(private readonly channel: ChannelLike = new BroadcastChannel(NOTES_CHANNEL)) {
    channel.addEventListener('message', this.onMessage);
  }

  /** Tells the other panels a note was stored. */
  publish(note: NoteBroadcast): void {
    const { key, text, updatedAt, rev, origin } = note;
    this.channel.postMessage({ key, text, updatedAt, rev, origin } satisfies NoteBroadcast);
  }

  /** Notes stored by other panels; returns the unsubscribe function. */
  onNote(listener: (note: NoteBroadcast) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.channel.removeEventListener('message', this.onMessage);
    this.channel.close();
  }
}

/**
 * The `save` an autosaver needs: stores the edit as `origin` and, when it was stored, tells the
 * other panels. `meta` names the ticket (url, subject, desk) for lists and exports.
 */
export function saveAndBroadcast(
  repo: Pick<NotesRepo, 'saveText'>,
  sync: Pick<NotesSync, 'publish'> | null,
  origin: string,
  meta: (key: string) => NoteMeta = () => ({}),
): (key: string, text: string, at: number) => Promise<SaveOutcome> {
  return async (key, text, at) => {
    const result = await repo.saveText(key, text, at, origin, meta(key));
    if (result.stored && sync) {
      try {
        sync.publish(result.note);
      } catch {
        // The note is stored; other panels still get it when they next load the ticket.
      }
    }
    return result;
  };
}
