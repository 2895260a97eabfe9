// The service worker: wires the side panel, follows each window's active desk tab, and routes
// commands. It keeps no state only in memory (see follow-store.ts).
import { fromOwnContentScript, fromOwnPage, fromOwnPanel, isMessage, REPORT_PORT, sendToTab, type PageMessage } from '../messaging';
import type { TicketContext } from '../core/ticket';
import { CUSTOM_DESKS_KEY, syncCustomDeskScripts } from './custom-desks';
import { recordDeskRead } from './desk-health';
import { applyFollow, readFollow } from './follow-store';
import { startFollowupService } from './followups-service';
import { startPackService } from './packs-service';
import { startDeskOverrideSync } from '../packs/desk-overrides';
import { runRetention, startRetentionService } from './retention-service';
import { openWriteQueue } from '../storage/write-queue';

chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
startPackService();
startDeskOverrideSync();
startRetentionService();
startFollowupService();
// Applies panel writes a closing page queued but could not apply (follow-ups then re-arm their alarm).
void openWriteQueue();

/** A desk tab's content script read its ticket. */
async function onReport(tab: chrome.tabs.Tab, ticket: TicketContext | null): Promise<void> {
  void recordDeskRead(ticket).catch(() => undefined);
  await applyFollow({ kind: 'reported', tabId: tab.id!, windowId: tab.windowId, active: tab.active, ticket });
}

// Content scripts report over a long-lived port (see reportPort): its sender's tab is as it was when
// the port opened, so whether the tab is active, and in which window, is asked for each report.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== REPORT_PORT) return;
  if (!port.sender || !fromOwnContentScript(port.sender)) return port.disconnect();
  const tabId = port.sender.tab!.id!;
  // One report at a time per tab, in the order they came: the newest read is the one that stays.
  let done: Promise<void> = Promise.resolve();
  port.onMessage.addListener((message: unknown) => {
    if (!isMessage(message) || message.type !== 'ticket/changed') return;
    const tab = chrome.tabs.get(tabId); // asked at once, not after the previous report is applied
    tab.catch(() => undefined); // a closed tab: handled below, not an unhandled rejection meanwhile
    done = done.then(() => tab).then((t) => onReport(t, message.ticket), () => undefined);
  });
});

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (!isMessage(message)) return false;
  if (message.type === 'notes/apply-retention' && fromOwnPage(sender)) {
    runRetention().then((n) => sendResponse(n), () => sendResponse(0));
    return true;
  }
  if (message.type === 'panel/opened' && fromOwnPanel(sender)) {
    void askDesksToReport(message.windowId);
    return false;
  }
  if (message.type === 'panel/open-desk-tab' && fromOwnPage(sender)) {
    chrome.tabs.update(message.tabId, { active: true }).then(() => sendResponse(true), () => sendResponse(false));
    return true;
  }
  return false;
});

/**
 * A report can be lost: posted on a port as the service worker stopped, it is dropped with the port,
 * and a content script reports again only when the ticket changes. So when a panel opens, the
 * window's active tab and the tabs the agent looked at last are asked to read their ticket again
 * (tabs without our content script just do not answer).
 */
const ASK_AT_MOST = 4;
async function askDesksToReport(windowId: number): Promise<void> {
  const [active] = await chrome.tabs.query({ active: true, windowId }).catch(() => []);
  const state = await readFollow();
  const ids = [...new Set([active?.id, ...(state.recent?.[windowId] ?? [])])].filter((id): id is number => typeof id === 'number').slice(0, ASK_AT_MOST);
  for (const id of ids) sendToTab(id, { type: 'ticket/refresh' }).catch(() => undefined);
}

chrome.tabs.onActivated.addListener(({ tabId, windowId }) => void applyFollow({ kind: 'activated', tabId, windowId }));
chrome.tabs.onRemoved.addListener((tabId, { windowId }) => void applyFollow({ kind: 'removed', tabId, windowId }));
chrome.tabs.onDetached.addListener((tabId, { oldWindowId }) => void applyFollow({ kind: 'detached', tabId, windowId: oldWindowId }));
chrome.tabs.onAttached.addListener((tabId, { newWindowId }) => void applyFollow({ kind: 'attached', tabId, windowId: newWindowId }));
chrome.windows.onRemoved.addListener((windowId) => void applyFollow({ kind: 'windowClosed', windowId }));

// A full page load in a desk tab we know: ask its content script to report again. No answer
// means the tab left the desk (or its content script is gone), so its ticket is cleared.
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'complete') return;
  void readFollow().then((state) => {
    if (!state.tabs[tabId]) return;
    sendToTab(tabId, { type: 'ticket/refresh' }).catch(() => applyFollow({ kind: 'gone', tabId }));
  });
});

chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== 'focus-search' || tab?.windowId === undefined) return;
  const windowId = tab.windowId;
  // open() must run inside the user gesture, before any await.
  const opened = chrome.sidePanel.open({ windowId }).catch(() => undefined);
  void chrome.storage.session.set({ focusSearch: { windowId, at: Date.now() } });
  const msg: PageMessage = { type: 'panel/focus-search', windowId };
  void opened.then(() => chrome.runtime.sendMessage(msg).catch(() => undefined));
});

// Custom desks: keep runtime-registered content scripts in step with the stored definitions
// and the origins the agent granted.
const resyncDesks = () => void syncCustomDeskScripts().catch((err) => console.warn('[Person First] custom desks', err));
chrome.runtime.onStartup.addListener(resyncDesks);
chrome.runtime.onInstalled.addListener(resyncDesks);
// Dismissed draft tips moved into IndexedDB (with each ticket's progress); the old map is dropped.
chrome.runtime.onInstalled.addListener(() => void chrome.storage.local.remove('dismissedTips'));
chrome.permissions.onAdded.addListener(resyncDesks);
chrome.permissions.onRemoved.addListener(resyncDesks);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CUSTOM_DESKS_KEY in changes) resyncDesks();
});
