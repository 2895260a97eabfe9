// Hears the content script's draft/changed messages for one tab and one ticket. Messages from
// anything else (another extension, another tab, a previous ticket in the same tab) are ignored.
import type { ContentMessage } from '../../messaging';
import { hasExtensionApi } from '../../has-extension-api';

export type DraftMessage = Extract<ContentMessage, { type: 'draft/changed' }>;

export interface Draft {
  text: string;
  isFirstReply: boolean;
}

export interface DraftFilter {
  tabId: number;
  key: string;
  runtimeId: string;
}

const MAX_DRAFT = 5000;

/** The draft in `message` when it is one we should use, else null. */
export function acceptDraft(message: unknown, sender: Pick<chrome.runtime.MessageSender, 'id' | 'tab' | 'frameId'>, filter: DraftFilter): Draft | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Partial<DraftMessage>;
  if (m.type !== 'draft/changed' || typeof m.draft !== 'string' || m.key !== filter.key) return null;
  if (sender.id !== filter.runtimeId || sender.tab?.id !== filter.tabId || (sender.frameId ?? 0) !== 0) return null;
  return { text: m.draft.slice(0, MAX_DRAFT), isFirstReply: m.isFirstReply === true };
}

export type SubscribeDrafts = (filter: { tabId: number; key: string }, onDraft: (draft: Draft) => void) => () => void;

export const listenForDrafts: SubscribeDrafts = ({ tabId, key }, onDraft) => {
  if (!hasExtensionApi()) return () => undefined;
  const runtimeId = chrome.runtime.id;
  const listener = (message: unknown, sender: chrome.runtime.MessageSender) => {
    const draft = acceptDraft(message, sender, { tabId, key, runtimeId });
    if (draft) onDraft(draft);
    // No response: returning nothing lets the service worker answer the sender.
  };
  chrome.runtime.onMessage.addListener(listener);
  return () => chrome.runtime.onMessage.removeListener(listener);
};
