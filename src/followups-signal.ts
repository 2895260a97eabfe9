// "Follow-ups changed": the one signal every context uses after adding, snoozing or finishing a
// reminder. It is a time stamp written to chrome.storage.local: the write wakes a sleeping
// service worker (which re-arms its alarm and badge) and reaches every open panel and options
// page (which reload their lists), including the page that wrote it. Only this extension can
// write its storage, so the signal needs no sender check.
import { hasExtensionApi } from './has-extension-api';

/** chrome.storage.local key whose value changes on every change. */
export const FOLLOWUPS_CHANGED_KEY = 'followupsChangedAt';

/** Without the extension API (unit tests) the signal stays inside the page. */
const localListeners = new Set<() => void>();

/** Tells every context that follow-ups changed. */
export function followupsChanged(now = Date.now()): void {
  if (hasExtensionApi()) {
    void chrome.storage.local.set({ [FOLLOWUPS_CHANGED_KEY]: now }).catch(() => undefined);
  } else {
    for (const l of [...localListeners]) l();
  }
}

/** Calls `listener` whenever follow-ups changed, here or in any other context. */
export function onFollowupsChanged(listener: () => void): () => void {
  if (!hasExtensionApi()) {
    localListeners.add(listener);
    return () => localListeners.delete(listener);
  }
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && FOLLOWUPS_CHANGED_KEY in changes) listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
