import type { CustomDeskDefinition } from '../core/pack/types';

/** chrome.storage.local key holding the agent's custom desk definitions (read by the content
 *  script, the service worker, the panel and the options page). */
export const CUSTOM_DESKS_KEY = 'customDesks';

/** chrome.storage.local key holding the packs' approved selector fixes for built-in desks, by desk id
 *  (written by the service worker, src/packs/desk-overrides.ts; read and followed by the content script). */
export const DESK_OVERRIDES_KEY = 'deskOverrides';

/** The stored custom desks; anything but a list reads as none. Entries are as stored: readers that
 *  act on them (customAdapterFor) still skip what is not a definition. */
export async function readCustomDesks(): Promise<CustomDeskDefinition[]> {
  const got = await chrome.storage.local.get(CUSTOM_DESKS_KEY);
  return Array.isArray(got[CUSTOM_DESKS_KEY]) ? (got[CUSTOM_DESKS_KEY] as CustomDeskDefinition[]) : [];
}
