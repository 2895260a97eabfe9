/**
 * Autosave for the notes box: every keystroke ends up stored under the ticket it was typed for.
 *
 * - Typing is saved ~300 ms after the last keystroke (and at least every 2 s while typing on).
 * - `flush()` saves at once: call it on blur, pagehide, visibilitychange→hidden and panel close.
 * - Text is filed under its ticket key the moment it is typed, so `switchTo(B)` cannot move
 *   ticket A's text to B however fast it comes; the pending text is saved under A.
 * - A failed save keeps the text, says why, hands it to `rescue` (last-resort storage) and is
 *   retried on the next keystroke or flush. Nothing is dropped silently.
 *
 * Pure: storage, clock and timers are injected.
 */

/** The stored version of a note, as the save function reports it. */
export interface StoredNoteVersion {
  text: string;
  updatedAt: number;
  rev: number;
  origin: string;
}

/** What a save reports; `stored: false` means a newer note (typed elsewhere) was kept instead. */
export interface SaveOutcome {
  stored: boolean;
  note: StoredNoteVersion;
}

export interface AutosaverDeps {
  /** Stores `text` for `key`; `at` is the time of the newest keystroke in it. Rejects on failure. */
  save(key: string, text: string, at: number): Promise<SaveOutcome | void>;
  /** Last-resort copy of text that could not be saved (e.g. storage.session). Must not throw. */
  rescue?(key: string, text: string, at: number): void | Promise<void>;
  /** The rescued copy for `key` is no longer needed: the text is stored. */
  clearRescue?(key: string): void | Promise<void>;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Quiet time after the last keystroke before saving. */
  debounceMs?: number;
  /** Longest time typed text waits while the agent keeps typing. */
  maxWaitMs?: number;
}

export type SaveStatus =
  /** Nothing typed for this ticket since it was opened. */
  | 'idle'
  /** Typed, waiting for the pause in typing. */
  | 'pending'
  | 'saving'
  | 'saved'
  /** The last attempt failed; the text is kept and will be retried. */
  | 'failed'
  /** A newer note for this ticket was saved in another panel and kept instead of this text. */
  | 'superseded';

export interface AutosaveState {
  /** The ticket the box is bound to. */
  key: string | null;
  status: SaveStatus;
  /** 'saved': the stored time of the note. */
  savedAt?: number;
  /** 'failed': why, in words for the agent. */
  message?: string;
  /** 'superseded': the newer stored note to show instead, and the text that was not stored. */
  newer?: StoredNoteVersion;
  notStoredText?: string;
  /** Other tickets whose text is still only held here because saving them failed. */
  unsavedElsewhere: string[];
}

interface Pending {
  text: string;
  /** Time of the newest keystroke in `text`. */
  at: number;
  /** Time of the oldest keystroke not yet stored: bounds the wait while typing goes on. */
  since: number;
}

type Result =
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; message: string }
  | { kind: 'superseded'; newer: StoredNoteVersion; notStoredText: string };

export const DEFAULT_DEBOUNCE_MS = 300;
export const DEFAULT_MAX_WAIT_MS = 2000;

/** The indicator text: "Saved", "Saving…" or "Not saved: <reason>". */
export function describeSaveState(state: AutosaveState): string {
  switch (state.status) {
    case 'failed':
      return `Not saved: ${state.message ?? 'the note could not be stored.'}`;
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'superseded':
      return 'Updated with newer text from another window';
    case 'saved':
    case 'idle':
      return state.unsavedElsewhere.length > 0
        ? 'Not saved: a note for another ticket is still waiting to be stored (it is kept and retried)'
        : state.status === 'saved'
          ? 'Saved'
          : '';
  }
}

function errorName(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && name !== 'Error' && name !== 'AbortError') return name;
    e = (e as { cause?: unknown }).cause;
  }
  return (err as { name?: unknown } | null)?.name === 'AbortError' ? 'AbortError' : 'Error';
}

/** Why a save failed, said so the agent knows their text is safe and what they can do. */
export function describeSaveError(err: unknown): string {
  const name = errorName(err);
  if (name === 'QuotaExceededError') {
    return 'the browser has no room left for extension data. Your text is kept here; free some disk space or delete old notes (Options → Notes).';
  }
  if (name === 'InvalidStateError') {
    return 'the notes database was closed (the extension may have just updated). Your text is kept here and is retried as you type.';
  }
  // DOMExceptions are not always `instanceof Error` (other realms), so read the message directly.
  const message = (err as { message?: unknown } | null)?.message;
  const detail = typeof message === 'string' && message ? ` (${message})` : '';
  return `the notes database refused the write${detail}. Your text is kept here and is retried as you type.`;
}

export class NoteAutosaver {
  private boundKey: string | null;
  private readonly pending = new Map<string, Pending>();
  private readonly results = new Map<string, Result>();
  private readonly rescued = new Set<string>();
  private readonly listeners = new Set<(state: AutosaveState) => void>();
  private savingKey: string | null = null;
  private timer: unknown = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(key: string | null, private readonly deps: AutosaverDeps) {
    this.boundKey = key;
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.debounceMs = deps.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.maxWaitMs = deps.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  }

  get key(): string | null {
    return this.boundKey;
  }

  /**
   * The box's text changed. `key` is the ticket the box shows; pass it from the box itself, so
   * a late input event from the previous ticket's box is still filed under that ticket.
   */
  input(text: string, key: string | null = this.boundKey): void {
    if (key === null) return;
    const now = this.now();
    const before = this.pending.get(key);
    this.pending.set(key, { text, at: now, since: before?.since ?? now });
    this.schedule(now);
    this.emit();
  }

  /**
   * Saves everything not yet stored, now. Resolves true when all of it was stored (or a newer
   * note was found), false when something failed and is kept for a retry. Never rejects.
   */
  flush(): Promise<boolean> {
    this.cancelTimer();
    const pass = this.queue.then(() => this.saveAll());
    this.queue = pass;
    return pass;
  }

  /**
   * For pagehide/panel close: hands every unsaved text to `rescue` first (the page may die before
   * the database write completes), then flushes. Rescued copies are cleared once stored.
   */
  flushOnExit(): Promise<boolean> {
    for (const [key, p] of this.pending) this.rescueText(key, p);
    return this.flush();
  }

  /**
   * Binds the box to another ticket. The rebinding is immediate; the previous ticket's pending
   * text (already filed under its own key) is saved at once. Resolves like `flush`.
   */
  switchTo(key: string | null): Promise<boolean> {
    if (key !== this.boundKey) {
      this.boundKey = key;
      this.emit();
    }
    return this.flush();
  }

  /** Text typed for `key` that is not stored yet (show it instead of the stored note). */
  pendingText(key: string): string | undefined {
    return this.pending.get(key)?.text;
  }

  /** Time of the newest keystroke for `key` not stored yet, or null. */
  unsavedEditAt(key: string): number | null {
    return this.pending.get(key)?.at ?? null;
  }

  /** Forget unsaved text for `key`: a newer note from another panel replaced it in the box. */
  discard(key: string): void {
    this.pending.delete(key);
    this.results.delete(key);
    this.emit();
  }

  get state(): AutosaveState {
    const key = this.boundKey;
    const unsavedElsewhere = [...this.pending.keys()].filter((k) => k !== key && this.results.get(k)?.kind === 'failed');
    const base = { key, unsavedElsewhere };
    if (key === null) return { ...base, status: 'idle' };
    const result = this.results.get(key);
    if (this.savingKey === key) return { ...base, status: 'saving' };
    if (this.pending.has(key)) {
      return result?.kind === 'failed' ? { ...base, status: 'failed', message: result.message } : { ...base, status: 'pending' };
    }
    if (!result) return { ...base, status: 'idle' };
    if (result.kind === 'saved') return { ...base, status: 'saved', savedAt: result.at };
    if (result.kind === 'superseded') {
      return { ...base, status: 'superseded', newer: result.newer, notStoredText: result.notStoredText };
    }
    return { ...base, status: 'idle' };
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: AutosaveState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Stops the timer and saves what is left. */
  dispose(): Promise<boolean> {
    const done = this.flush();
    void done.then(() => this.listeners.clear());
    return done;
  }

  private async saveAll(): Promise<boolean> {
    let allStored = true;
    for (const key of [...this.pending.keys()]) {
      const entry = this.pending.get(key);
      if (!entry) continue;
      this.savingKey = key;
      this.emit();
      try {
        const outcome = await this.deps.save(key, entry.text, entry.at);
        const latest = this.pending.get(key);
        const typedSince = latest !== entry;
        if (!typedSince) this.pending.delete(key);
        // What was just stored no longer counts towards the longest wait of the newer typing.
        else if (latest) latest.since = Math.max(latest.since, entry.at);
        if (outcome && !outcome.stored) {
          // Newer typing here outranks the other panel's note; it is saved on its own timer.
          if (!typedSince) this.results.set(key, { kind: 'superseded', newer: outcome.note, notStoredText: entry.text });
        } else {
          this.results.set(key, { kind: 'saved', at: outcome ? outcome.note.updatedAt : entry.at });
        }
        if (!typedSince && this.rescued.delete(key)) await this.quietly(() => this.deps.clearRescue?.(key));
      } catch (err) {
        allStored = false;
        this.results.set(key, { kind: 'failed', message: describeSaveError(err) });
        const latest = this.pending.get(key) ?? entry;
        // Retry after the next pause in typing, not on every keystroke.
        latest.since = this.now();
        this.rescueText(key, latest);
      } finally {
        this.savingKey = null;
      }
      this.emit();
    }
    return allStored;
  }

  private rescueText(key: string, p: Pending): void {
    if (!this.deps.rescue) return;
    this.rescued.add(key);
    void this.quietly(() => this.deps.rescue?.(key, p.text, p.at));
  }

  private async quietly(fn: () => void | Promise<void> | undefined): Promise<void> {
    try {
      await fn();
    } catch {
      // A last-resort store failing must not stop the main one; the text is still held here.
    }
  }

  private schedule(now: number): void {
    this.cancelTimer();
    let oldest = now;
    for (const p of this.pending.values()) oldest = Math.min(oldest, p.since);
    const delay = Math.max(0, Math.min(this.debounceMs, oldest + this.maxWaitMs - now));
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}
