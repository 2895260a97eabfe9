// Custom desks (a company's own or self-hosted tool) get their own content script (content-custom.js,
// built from src/content/custom.ts: the built-in desks' engine plus presets and the URL matcher only
// they need), registered at runtime for exactly the origins the agent granted. Removing a desk (or its
// permission) unregisters it.
import type { CustomDeskDefinition } from '../core/pack/types';
import { serialQueue } from '../core/serial';
import { CUSTOM_DESKS_KEY, readCustomDesks } from '../desks/storage-keys';

export { CUSTOM_DESKS_KEY, readCustomDesks };
const PREFIX = 'custom-desk:';

/** vite.config.ts builds src/content/custom.ts under this name. */
export const CUSTOM_DESK_SCRIPT = 'content-custom.js';

/** Makes the registered content scripts match the stored custom desks whose origins are granted.
 *  One run at a time: adding a desk fires both a permission and a storage event, and two overlapping
 *  runs would both see the script missing and register it twice (a duplicate-id error). */
const serial = serialQueue();
export function syncCustomDeskScripts(): Promise<void> {
  return serial(syncOnce);
}

async function syncOnce(): Promise<void> {
  const desks = await readCustomDesks();
  const registered = await chrome.scripting.getRegisteredContentScripts();
  const ours = registered.filter((s) => s.id.startsWith(PREFIX));
  const wanted: chrome.scripting.RegisteredContentScript[] = [];
  for (const d of desks) {
    if (!(await chrome.permissions.contains({ origins: d.matches }).catch(() => false))) continue;
    wanted.push({ id: `${PREFIX}${d.id}`, matches: d.matches, js: [CUSTOM_DESK_SCRIPT], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true });
  }
  // Same id, patterns and file: a registration persisted by an older version that named another file
  // (content.js, before custom desks had a script of their own) is replaced on update.
  const same = (w: chrome.scripting.RegisteredContentScript, s: chrome.scripting.RegisteredContentScript) => w.id === s.id && sameList(w.matches, s.matches) && sameList(w.js, s.js);
  const stale = ours.filter((s) => !wanted.some((w) => same(w, s))).map((s) => s.id);
  if (stale.length) await chrome.scripting.unregisterContentScripts({ ids: stale });
  const fresh = wanted.filter((w) => !ours.some((s) => same(w, s)));
  if (fresh.length) await chrome.scripting.registerContentScripts(fresh);
}

function sameList(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
