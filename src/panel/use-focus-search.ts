import { useEffect } from 'preact/hooks';
import { isMessage } from '../messaging';

const RECENT_MS = 5000;

/** Focuses the search box when the "focus search" command fires for this window, including when
 *  the command is what opened the panel (the flag is read from storage.session on mount). */
export function useFocusSearch(windowId: number | null, focus: () => void): void {
  useEffect(() => {
    if (windowId === null) return;
    chrome.storage.session.get('focusSearch').then((got) => {
      const f = got.focusSearch as { windowId: number; at: number } | undefined;
      if (f && f.windowId === windowId && Date.now() - f.at < RECENT_MS) focus();
    }, () => undefined);
    const onMessage = (message: unknown, sender: chrome.runtime.MessageSender) => {
      if (sender.id !== chrome.runtime.id || !isMessage(message)) return;
      if (message.type === 'panel/focus-search' && message.windowId === windowId) focus();
    };
    chrome.runtime.onMessage.addListener(onMessage);
    return () => chrome.runtime.onMessage.removeListener(onMessage);
  }, [windowId]);
}
