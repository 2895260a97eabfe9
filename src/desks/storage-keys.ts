/** chrome.storage.local key holding the agent's custom desk definitions (read by the content
 *  script, the service worker and the options page). */
export const CUSTOM_DESKS_KEY = 'customDesks';
