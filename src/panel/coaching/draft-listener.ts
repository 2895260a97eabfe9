// Hears the content script's draft/changed messages for one tab and one ticket, on a port to that
// tab's content script: nothing else can write on it, and a previous ticket's drafts are ignored.
import { DRAFT_PORT, type ContentMessage } from '../../messaging';
import { hasExtensionApi } from '../../has-extension-api';

export type DraftMessage = Extract<ContentMessage, { type: 'draft/changed' }>;

export interface Draft {
  text: string;
  isFirstReply: boolean;
}

const MAX_DRAFT = 5000;

/** The draft in `message` when it is one for the shown ticket, else null. Only our content script in
 *  the followed tab can write on the port listenForDrafts opens, so the message is all there is to check. */
export function draftFrom(message: unknown, key: string): Draft | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Partial<DraftMessage>;
  if (m.type !== 'draft/changed' || typeof m.draft !== 'string' || m.key !== key) return null;
  return { text: m.draft.slice(0, MAX_DRAFT), isFirstReply: m.isFirstReply === true };
}

export type SubscribeDrafts = (filter: { tabId: number; key: string }, onDraft: (draft: Draft) => void) => () => void;

const RETRY_MS = [250, 500, 1000, 2000, 5000];

/**
 * Opens a port to the desk tab's content script, which reads the draft only while one is open (so a
 * desk with no panel beside it does no draft work). The port closes when the page goes (a reload, a
 * new page); it is opened again, quickly at first, then every few seconds while no content script
 * answers (a tab still loading, or one that left the desk).
 */
export const listenForDrafts: SubscribeDrafts = ({ tabId, key }, onDraft) => {
  if (!hasExtensionApi()) return () => undefined;
  let port: chrome.runtime.Port | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let closed = false;
  const open = () => {
    let opened: chrome.runtime.Port;
    try {
      opened = chrome.tabs.connect(tabId, { name: DRAFT_PORT, frameId: 0 });
    } catch {
      return retry();
    }
    const at = Date.now();
    port = opened;
    opened.onMessage.addListener((message: unknown) => {
      const draft = draftFrom(message, key);
      if (draft) onDraft(draft);
    });
    opened.onDisconnect.addListener(() => {
      void chrome.runtime.lastError; // "Receiving end does not exist" while no content script runs there
      port = null;
      if (Date.now() - at > 2000) failures = 0; // it was up: the page went, so try again soon
      retry();
    });
  };
  const retry = () => {
    if (closed) return;
    timer = setTimeout(open, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
  };
  open();
  return () => {
    closed = true;
    clearTimeout(timer);
    port?.disconnect();
  };
};
