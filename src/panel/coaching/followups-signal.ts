// Tells every other context that follow-ups changed: the service worker re-arms its alarm and
// badge, other panels refresh their lists. A chrome.storage.local write wakes a sleeping service
// worker; the BroadcastChannel is the instant path for pages that are open.
import { hasChrome } from './chrome-guard';

/** Same values as in src/background/followups-service.ts (a unit test keeps them in step). */
export const FOLLOWUPS_CHANNEL = 'person-first-followups';
export const FOLLOWUPS_CHANGED_KEY = 'followupsChangedAt';

export function announceFollowupsChanged(now = Date.now()): void {
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(FOLLOWUPS_CHANNEL);
    channel.postMessage({ type: 'followups/changed', at: now });
    channel.close();
  }
  if (hasChrome()) void chrome.storage.local.set({ [FOLLOWUPS_CHANGED_KEY]: now }).catch(() => undefined);
}

/** Calls `listener` when follow-ups changed in this or another page. */
export function onFollowupsChanged(listener: () => void): () => void {
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(FOLLOWUPS_CHANNEL) : null;
  channel?.addEventListener('message', listener);
  // A BroadcastChannel does not deliver to itself: same-page changes come through here.
  localListeners.add(listener);
  return () => {
    channel?.close();
    localListeners.delete(listener);
  };
}

const localListeners = new Set<() => void>();

/** Announce to other contexts and to listeners in this page. */
export function followupsChanged(now = Date.now()): void {
  announceFollowupsChanged(now);
  for (const l of localListeners) l();
}
