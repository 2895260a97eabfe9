// The panel's first reads, all started at once when the page loads instead of one after another as
// components mount: the window, the followed ticket, the installed packs, their merged set and the
// policy, the settings, and the IndexedDB connection. Hooks take these promises (and their values,
// once known, so a remount renders at once). Performance marks name each step for the bench's
// breakdown.
import { FOLLOW_KEY, type FollowState } from '../core/follow';
import { normalizePolicy, NO_POLICY, type Policy } from '../core/policy';
import { onInstalledChanged, readInstalled } from '../packs/installed';
import type { InstalledPack } from '../packs/install';
import { mergedStorageKey, readMergedCache, type MergedCacheEntry } from '../packs/merged-cache';
import { DEFAULT_PACKS } from '../packs/default-packs';
import { matchLocale } from '../core/phrase-language';
import { onSettingsChanged, readSettings, type Settings } from '../settings';
import { sharedDb } from '../storage/db';

export const MARKS = {
  boot: 'person-first:boot',
  script: 'person-first:script-evaluated',
  ticket: 'person-first:ticket-read',
  packs: 'person-first:packs-read',
  idb: 'person-first:idb-open',
  merged: 'person-first:pack-merged',
  queue: 'person-first:queue-open',
} as const;

const mark = (name: string) => {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
};

/**
 * A promise plus its latest value, so a hook can start from it synchronously. `follow` keeps the
 * value current after the first read, so a change between page load and mount is never missed.
 */
export interface Prefetch<T> {
  promise: Promise<T>;
  value?: T;
  known: boolean;
  /** The latest value: the first read, or any change since. */
  latest(): Promise<T>;
}

function prefetch<T>(start: () => Promise<T>, markName?: string, follow?: (set: (v: T) => void) => void): Prefetch<T> {
  const p: Prefetch<T> = { promise: Promise.resolve().then(start), known: false, latest: () => p.promise.then(() => p.value as T) };
  let changed = false;
  follow?.((v) => {
    changed = true;
    p.value = v;
    p.known = true;
  });
  p.promise = p.promise.then((v) => {
    // A change that arrived while the first read was on its way is newer than the read.
    if (!changed) {
      p.value = v;
      p.known = true;
    }
    if (markName) mark(markName);
    return p.value as T;
  });
  p.promise.catch(() => undefined);
  return p;
}

const canUse = typeof chrome !== 'undefined' && !!chrome.storage;

function start() {
  mark(MARKS.boot);
  const windowId = prefetch(() => chrome.windows.getCurrent().then((w) => w.id ?? null));
  const follow = prefetch(
    () => chrome.storage.session.get(FOLLOW_KEY).then((got) => got[FOLLOW_KEY] as FollowState | undefined),
    undefined,
    (set) => chrome.storage.session.onChanged.addListener((changes) => {
      if (FOLLOW_KEY in changes) set(changes[FOLLOW_KEY]!.newValue as FollowState | undefined);
    }),
  );
  // The ticket is known when both the window and the follow state are.
  void Promise.all([windowId.promise, follow.promise]).then(() => mark(MARKS.ticket), () => undefined);
  const installed = prefetch<InstalledPack[]>(() => readInstalled(), undefined, (set) => onInstalledChanged(set));
  // The phrase set made when the packs last changed: with it, opening the panel merges nothing.
  // Read for the panel's language and no policy (the usual case; usePhraseSet reads another when not).
  // The agent's language as the built-in packs speak it ("en-US" → "en"): the set a ticket in the
  // agent's own language uses; usePhraseSet reads another when the customer's language differs.
  const likely = matchLocale(DEFAULT_PACKS.map((p) => p.locale), navigator.language) ?? 'en';
  const mergedSlot = mergedStorageKey(NO_POLICY, likely);
  const merged = prefetch<MergedCacheEntry | undefined>(() => readMergedCache(NO_POLICY, likely));
  void Promise.all([installed.promise, merged.promise]).then(() => mark(MARKS.packs), () => undefined);
  const policy = prefetch<Policy>(() => chrome.storage.managed.get(null).then((raw) => normalizePolicy(raw), () => NO_POLICY));
  const settings = prefetch<Settings>(() => readSettings(), undefined, (set) => onSettingsChanged(set));
  const db = prefetch(() => sharedDb(), MARKS.idb);
  return { windowId, follow, installed, merged, mergedSlot, policy, settings, db };
}

/** Started on first import (main.tsx imports this before anything renders). */
export const boot = canUse ? start() : null;

export function markScriptEvaluated(): void {
  mark(MARKS.script);
}

export function markMerged(): void {
  mark(MARKS.merged);
}

export function markQueueOpen(): void {
  mark(MARKS.queue);
}
