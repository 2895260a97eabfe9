import { useEffect, useState } from 'preact/hooks';
import { FOLLOW_KEY, type FollowState, type WindowTicket } from '../core/follow';
import { boot } from './boot';

/** What this window's panel should show: kept by the service worker in storage.session. */
export function useFollowedTicket(windowId: number | null): { loaded: boolean; shown: WindowTicket | null } {
  const early = boot?.follow.known && windowId !== null ? { loaded: true, shown: boot.follow.value?.windows[windowId] ?? null } : { loaded: false, shown: null };
  const [state, setState] = useState<{ loaded: boolean; shown: WindowTicket | null }>(early);
  useEffect(() => {
    if (windowId === null) return;
    // The follow state also changes when a desk tab this window does not show reports; the panel
    // repaints only when what this window shows changed.
    const pick = (follow: FollowState | undefined) => {
      const shown = follow?.windows[windowId] ?? null;
      setState((prev) => (prev.loaded && JSON.stringify(prev.shown) === JSON.stringify(shown) ? prev : { loaded: true, shown }));
    };
    const read = boot?.follow.latest() ?? chrome.storage.session.get(FOLLOW_KEY).then((got) => got[FOLLOW_KEY] as FollowState | undefined);
    read.then(pick, () => pick(undefined));
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>) => {
      if (FOLLOW_KEY in changes) pick(changes[FOLLOW_KEY]!.newValue as FollowState | undefined);
    };
    chrome.storage.session.onChanged.addListener(onChanged);
    return () => chrome.storage.session.onChanged.removeListener(onChanged);
  }, [windowId]);
  return state;
}
