// The one typed message union every context speaks. Listeners verify the sender before acting:
// only this extension's own pages and the content scripts it injected into desk tabs are heard.
import type { TicketContext } from './core/ticket';

export type InsertOutcome =
  /** `into`: the composer in the desk's words ('reply', 'internal note'); absent when the text went into
   *  another field the agent was typing in. */
  | { ok: true; method: string; into?: string }
  /** `closed`: the desk has a reply box, but none is open and none could be opened. */
  | { ok: false; reason: string; closed?: boolean };

/** Content script → background. */
export type ContentMessage =
  | { type: 'ticket/changed'; ticket: TicketContext | null }
  | { type: 'draft/changed'; key: string; draft: string; isFirstReply: boolean };

/** Extension page (panel, options) → content script in a desk tab. */
export type TabMessage =
  | { type: 'editor/insert'; text: string }
  | { type: 'editor/focus' }
  | { type: 'ticket/refresh' };

/** Background → extension pages. */
export type PageMessage = { type: 'panel/focus-search'; windowId: number };

/** Extension page → background. */
export type BackgroundRequest =
  | { type: 'panel/open-desk-tab'; tabId: number }
  | { type: 'notes/apply-retention' }
  /** A panel opened in this window: its desk tabs are asked to report again (a report can be lost). */
  | { type: 'panel/opened'; windowId: number };

export type Message = ContentMessage | TabMessage | PageMessage | BackgroundRequest;

const TYPES = new Set<Message['type']>([
  'ticket/changed', 'draft/changed', 'editor/insert', 'editor/focus', 'ticket/refresh', 'panel/focus-search', 'panel/open-desk-tab', 'notes/apply-retention', 'panel/opened',
]);

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && TYPES.has((value as { type: Message['type'] }).type);
}

/** A message from one of this extension's own pages (not a content script, not another extension). */
export function fromOwnPage(sender: chrome.runtime.MessageSender, runtimeId = chrome.runtime.id): boolean {
  return sender.id === runtimeId && !sender.tab && typeof sender.url === 'string' && sender.url.startsWith(`chrome-extension://${runtimeId}/`);
}

/** A message from our panel's page, in the side panel or opened as a tab (a web page's URL never
 *  starts with our origin, so no content script passes). */
export function fromOwnPanel(sender: chrome.runtime.MessageSender, runtimeId = chrome.runtime.id): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(`chrome-extension://${runtimeId}/src/panel/`);
}

/** A message from our content script, running in a tab (top frame). */
export function fromOwnContentScript(sender: chrome.runtime.MessageSender, runtimeId = chrome.runtime.id): boolean {
  return sender.id === runtimeId && typeof sender.tab?.id === 'number' && (sender.frameId ?? 0) === 0;
}

/** The port a panel opens to a desk tab's content script (chrome.tabs.connect) to hear the agent's draft:
 *  the content script reads drafts only while such a port is open, and sends them there alone. */
export const DRAFT_PORT = 'drafts';

/** The name of the content scripts' long-lived port to the service worker (ticket reports). */
export const REPORT_PORT = 'ticket-reports';

/**
 * The content script's line to the service worker for ticket reports: one long-lived port, opened on
 * first use and again once the service worker went away (it sleeps when idle). A message on an open port
 * costs the desk page's main thread a fraction of what sendMessage does, which opens and closes a channel
 * and waits for an answer every time, and a busy chat reports about once a second.
 */
export function reportPort(connect = () => chrome.runtime.connect({ name: REPORT_PORT })): (message: ContentMessage) => void {
  let port: chrome.runtime.Port | null = null;
  const open = () => {
    const p = connect();
    p.onDisconnect.addListener(() => {
      void chrome.runtime.lastError; // read, so Chrome logs no "unchecked error" for a sleeping worker
      if (port === p) port = null;
    });
    return p;
  };
  return (message) => {
    try {
      (port ??= open()).postMessage(message);
    } catch {
      // Disconnected before its onDisconnect came: once more on a new port. A context that lost the
      // extension (reloaded, uninstalled) throws again, and there is no one left to tell.
      try {
        (port = open()).postMessage(message);
      } catch {
        port = null;
      }
    }
  };
}

export function sendToTab<R = unknown>(tabId: number, message: TabMessage): Promise<R> {
  return chrome.tabs.sendMessage(tabId, message) as Promise<R>;
}
