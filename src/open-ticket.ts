// Brings a ticket back in front of the agent: its tab if one is open on that URL, otherwise a new
// tab. Used by the follow-up notification (service worker) and the panel's follow-up list.

/** Same ticket page, ignoring the fragment a desk may add. */
export function sameTicketUrl(a: string | undefined, b: string): boolean {
  if (!a) return false;
  return a.split('#')[0] === b.split('#')[0];
}

/** Stored URLs come from desk pages; only web pages are ever opened, never javascript: or data:. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export async function openTicketUrl(url: string): Promise<void> {
  if (!isWebUrl(url)) return;
  const tabs = await chrome.tabs.query({});
  const tab = tabs.find((t) => sameTicketUrl(t.url ?? t.pendingUrl, url));
  if (tab?.id !== undefined) {
    await chrome.tabs.update(tab.id, { active: true });
    await chrome.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
  } else {
    const created = await chrome.tabs.create({ url });
    if (created.windowId !== undefined) await chrome.windows.update(created.windowId, { focused: true }).catch(() => undefined);
  }
}
