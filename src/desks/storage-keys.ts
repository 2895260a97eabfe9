import type { CustomDeskDefinition } from '../core/pack/types';

/** chrome.storage.local key holding the agent's custom desk definitions (read by the content
 *  script, the service worker, the panel and the options page). */
export const CUSTOM_DESKS_KEY = 'customDesks';

/** The stored custom desks; anything but a list reads as none. Entries are as stored: readers that
 *  act on them (customAdapterFor) still skip what is not a definition. */
export async function readCustomDesks(): Promise<CustomDeskDefinition[]> {
  const got = await chrome.storage.local.get(CUSTOM_DESKS_KEY);
  return Array.isArray(got[CUSTOM_DESKS_KEY]) ? (got[CUSTOM_DESKS_KEY] as CustomDeskDefinition[]) : [];
}
