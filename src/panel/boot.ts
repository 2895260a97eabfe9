// The panel's first reads, all started at once when the page loads instead of one after another as
// components mount: the window, the followed ticket, the language of the customer's latest message,
// the installed packs, their merged set and the policy, the settings, and the IndexedDB connection.
// main.tsx starts them first thing and waits a moment for those the first screen shows; hooks take
// these promises (and their values, once known, so a remount renders at once). Performance marks
// name each step for the bench.
import { FOLLOW_KEY, type FollowState } from '../core/follow';
import { normalizePolicy, NO_POLICY, type Policy } from '../core/policy';
import { onInstalledChanged, readInstalled } from '../packs/installed';
import type { InstalledPack } from '../packs/install';
import { mergedStorageKey, readMergedCache, type MergedCacheEntry } from '../packs/merged-cache';
import { DEFAULT_PACKS } from '../packs/default-packs';
import { matchLocale, type LanguageDetection } from '../core/phrase-language';
import { onSettingsChanged, readSettings, readStoredSettings, type Settings } from '../settings';
import { sharedDb } from '../storage/db';
import type { BackgroundRequest } from '../messaging';

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

/** The detector's answer for one text: the customer's latest message when the panel opened. */
export interface EarlyLanguage {
  text: string;
  detection: LanguageDetection | undefined;
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
  // The window's desk tabs read their ticket again, in case a report of theirs was lost (background/index.ts).
  void windowId.promise.then((id) => {
    if (id !== null && typeof chrome.runtime?.sendMessage === 'function') chrome.runtime.sendMessage({ type: 'panel/opened', windowId: id } satisfies BackgroundRequest).catch(() => undefined);
  }, () => undefined);
  // The ticket is known when both the window and the follow state are.
  const ticket = Promise.all([windowId.promise, follow.promise]);
  void ticket.then(() => mark(MARKS.ticket), () => undefined);
  // The phrases wait for the language of the customer's message: it is asked for as soon as the
  // ticket is known, not after the panel has rendered (see use-text-language.ts).
  const language = prefetch<EarlyLanguage | undefined>(async () => {
    const [id, state] = await ticket;
    const text = id === null ? undefined : state?.windows[id]?.ticket?.lastCustomerMessage;
    if (!text?.trim() || typeof chrome.i18n?.detectLanguage !== 'function') return undefined;
    const detection = await (chrome.i18n.detectLanguage(text) as Promise<LanguageDetection>).catch(() => undefined);
    return { text, detection };
  });
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
  // The agent's own settings come at once; the policy's name hint (managed storage) can take long.
  const storedSettings = prefetch<Settings>(() => readStoredSettings(), undefined, (set) => onSettingsChanged(set));
  const settings = prefetch<Settings>(() => readSettings(storedSettings.promise), undefined, (set) => onSettingsChanged(set));
  const db = prefetch(() => sharedDb(), MARKS.idb);
  return { windowId, follow, language, installed, merged, mergedSlot, policy, storedSettings, settings, db };
}

export type Boot = ReturnType<typeof start>;

/**
 * The panel's reads, once the panel page has started them (main.tsx, before anything renders); null
 * on any other page that shares these modules (the options page) and in unit tests: hooks then read
 * for themselves. Importing this module starts nothing.
 */
export let boot: Boot | null = null;

export function startBoot(): Boot | null {
  boot ??= canUse ? start() : null;
  return boot;
}

export function markScriptEvaluated(): void {
  mark(MARKS.script);
}

export function markMerged(): void {
  mark(MARKS.merged);
}

export function markQueueOpen(): void {
  mark(MARKS.queue);
}
