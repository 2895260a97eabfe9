// "Follow-ups changed": the one signal every context uses after adding, snoozing or finishing a
// reminder. The service worker re-arms its alarm and badge; open panels and the options page
// reload their lists. A chrome.storage.local write wakes a sleeping service worker; the
// BroadcastChannel is the instant path between pages that are open.

export const FOLLOWUPS_CHANNEL = 'person-first-followups';
/** chrome.storage.local key whose value (a time stamp) changes on every change. */
export const FOLLOWUPS_CHANGED_KEY = 'followupsChangedAt';

export interface FollowupsChangedSignal {
  type: 'followups/changed';
  at: number;
}

function hasExtensionApi(): boolean {
  return typeof chrome !== 'undefined' && typeof chrome.runtime?.id === 'string' && !!chrome.storage?.local;
}

const localListeners = new Set<() => void>();

/** Tells this page, other pages and the service worker that follow-ups changed. */
export function followupsChanged(now = Date.now()): void {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(FOLLOWUPS_CHANNEL);
    channel.postMessage({ type: 'followups/changed', at: now } satisfies FollowupsChangedSignal);
    channel.close();
  }
  if (hasExtensionApi()) void chrome.storage.local.set({ [FOLLOWUPS_CHANGED_KEY]: now }).catch(() => undefined);
  // A BroadcastChannel does not deliver to its own page: listeners here are called directly.
  for (const l of [...localListeners]) l();
}

/**
 * Calls `listener` when follow-ups changed in this page, another page, or the service worker.
 * Only same-origin contexts can post on the channel, and the storage key is ours alone.
 */
export function onFollowupsChanged(listener: () => void): () => void {
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(FOLLOWUPS_CHANNEL) : null;
  const onMessage = (e: MessageEvent) => {
    if ((e.data as Partial<FollowupsChangedSignal> | null)?.type === 'followups/changed') listener();
  };
  channel?.addEventListener('message', onMessage);
  localListeners.add(listener);
  return () => {
    channel?.close();
    localListeners.delete(listener);
  };
}
