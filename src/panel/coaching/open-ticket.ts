import { hasChrome } from './chrome-guard';

/** Same ticket page, ignoring the fragment: the desk may have added one. */
export function sameTicketUrl(a: string | undefined, b: string): boolean {
  if (!a) return false;
  return a.split('#')[0] === b.split('#')[0];
}

/** Brings the ticket's tab to the front if it is open, otherwise opens it in a new tab. */
export async function openTicketUrl(url: string): Promise<void> {
  // Stored URLs come from the desk page; only web pages are opened, never javascript: or data:.
  if (!/^https?:\/\//i.test(url)) return;
  if (!hasChrome()) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const tabs = await chrome.tabs.query({});
  const tab = tabs.find((t) => sameTicketUrl(t.url, url));
  if (tab?.id !== undefined) {
    await chrome.tabs.update(tab.id, { active: true });
    await chrome.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  } else {
    await chrome.tabs.create({ url });
  }
}
