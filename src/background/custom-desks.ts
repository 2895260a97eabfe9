// Custom desks (a company's own or self-hosted tool) get the same content script as the built-in
// ones, registered at runtime for exactly the origins the agent granted. Removing a desk (or its
// permission) unregisters it.
import type { CustomDeskDefinition } from '../core/pack/types';
import { serialQueue } from '../core/serial';
import { CUSTOM_DESKS_KEY, readCustomDesks } from '../desks/storage-keys';

export { CUSTOM_DESKS_KEY, readCustomDesks };
const PREFIX = 'custom-desk:';

function contentScriptFile(): string {
  return chrome.runtime.getManifest().content_scripts?.[0]?.js?.[0] ?? 'content.js';
}

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
    wanted.push({ id: `${PREFIX}${d.id}`, matches: d.matches, js: [contentScriptFile()], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true });
  }
  const stale = ours.filter((s) => !wanted.some((w) => w.id === s.id && sameList(w.matches, s.matches))).map((s) => s.id);
  if (stale.length) await chrome.scripting.unregisterContentScripts({ ids: stale });
  const fresh = wanted.filter((w) => !ours.some((s) => s.id === w.id && sameList(w.matches, s.matches)));
  if (fresh.length) await chrome.scripting.registerContentScripts(fresh);
}

function sameList(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
