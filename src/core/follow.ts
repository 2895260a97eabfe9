// Which ticket each window's panel shows. A pure reducer so the rules in DESIGN.md ("the panel
// follows the agent") are unit-tested; the service worker only persists its result.
import { sameTicket, type TicketContext } from './ticket';

export interface WindowTicket {
  tabId: number;
  ticket: TicketContext | null;
  /** The agent is looking at a non-desk tab; the ticket is still theirs, in another tab. */
  inOtherTab: boolean;
}

export interface FollowState {
  /** Desk tabs we have heard from, and what they last showed. Keys are tab ids. */
  tabs: Record<string, { windowId: number; ticket: TicketContext | null }>;
  /** Keys are window ids. */
  windows: Record<string, WindowTicket>;
  /**
   * Tabs each window activated, most recent first (a few). A desk tab is often activated before its
   * content script has read anything: the agent opens a ticket and switches away while it loads.
   * Its first report then still knows it was the last desk tab the agent looked at.
   */
  recent?: Record<string, number[]>;
}

/** Enough to rank the desk tabs an agent flips between; older activations stop mattering. */
const RECENT_PER_WINDOW = 8;

export type FollowEvent =
  | { kind: 'reported'; tabId: number; windowId: number; active: boolean; ticket: TicketContext | null }
  | { kind: 'activated'; tabId: number; windowId: number }
  | { kind: 'removed'; tabId: number; windowId: number }
  | { kind: 'detached'; tabId: number; windowId: number }
  | { kind: 'attached'; tabId: number; windowId: number }
  | { kind: 'gone'; tabId: number }
  | { kind: 'windowClosed'; windowId: number };

/** The storage.session key the service worker writes and panels read. */
export const FOLLOW_KEY = 'follow';

export const EMPTY_FOLLOW: FollowState = { tabs: {}, windows: {} };

function withWindow(state: FollowState, windowId: number, value: WindowTicket | null): FollowState {
  const windows = { ...state.windows };
  if (value) windows[windowId] = value;
  else delete windows[windowId];
  return { ...state, windows };
}

function withRecent(state: FollowState, windowId: number, tabs: number[]): FollowState {
  const recent = { ...state.recent };
  if (tabs.length) recent[windowId] = tabs.slice(0, RECENT_PER_WINDOW);
  else delete recent[windowId];
  return { ...state, recent };
}

function activatedIn(state: FollowState, windowId: number, tabId: number): FollowState {
  const list = state.recent?.[windowId] ?? [];
  if (list[0] === tabId) return state;
  return withRecent(state, windowId, [tabId, ...list.filter((id) => id !== tabId)]);
}

function leftWindow(state: FollowState, windowId: number, tabId: number): FollowState {
  const list = state.recent?.[windowId];
  return list?.includes(tabId) ? withRecent(state, windowId, list.filter((id) => id !== tabId)) : state;
}

/** Whether the agent looked at `tabId` more recently than at the tab the window shows now. */
function activatedSinceShown(state: FollowState, windowId: number, tabId: number): boolean {
  const list = state.recent?.[windowId] ?? [];
  const at = list.indexOf(tabId);
  if (at < 0) return false;
  const shown = state.windows[windowId];
  if (!shown) return true;
  const shownAt = list.indexOf(shown.tabId);
  return shownAt < 0 || at < shownAt;
}

function withoutTab(state: FollowState, tabId: number): FollowState {
  const tabs = { ...state.tabs };
  delete tabs[tabId];
  let next: FollowState = { ...state, tabs };
  for (const [w, v] of Object.entries(state.windows)) if (v.tabId === tabId) next = withWindow(next, Number(w), null);
  return next;
}

export function follow(state: FollowState, event: FollowEvent): FollowState {
  switch (event.kind) {
    case 'reported': {
      const tabs = { ...state.tabs, [event.tabId]: { windowId: event.windowId, ticket: event.ticket } };
      const shown = state.windows[event.windowId];
      const next = event.active ? activatedIn({ ...state, tabs }, event.windowId, event.tabId) : { ...state, tabs };
      // A tab's first report may come after the agent left it (it was loading): it still shows when the
      // agent looked at it after the window's current tab. Later reports from background tabs never take over.
      const lateFirst = !state.tabs[event.tabId] && activatedSinceShown(state, event.windowId, event.tabId);
      if (event.active || shown?.tabId === event.tabId || lateFirst) {
        const value = { tabId: event.tabId, ticket: event.ticket, inOtherTab: !event.active };
        if (shown && shown.tabId === value.tabId && shown.inOtherTab === value.inOtherTab && sameTicket(shown.ticket, value.ticket) && next.recent === state.recent) return state;
        return withWindow(next, event.windowId, value);
      }
      return next;
    }
    case 'activated': {
      const seen = activatedIn(state, event.windowId, event.tabId);
      const tab = state.tabs[event.tabId];
      if (tab) return withWindow(seen, event.windowId, { tabId: event.tabId, ticket: tab.ticket, inOtherTab: false });
      const shown = state.windows[event.windowId];
      if (!shown || shown.inOtherTab) return seen;
      return withWindow(seen, event.windowId, { ...shown, inOtherTab: true });
    }
    case 'removed':
      return withoutTab(leftWindow(state, event.windowId, event.tabId), event.tabId);
    case 'gone':
      return withoutTab(state, event.tabId);
    case 'detached': {
      const left = leftWindow(state, event.windowId, event.tabId);
      const shown = state.windows[event.windowId];
      return shown?.tabId === event.tabId ? withWindow(left, event.windowId, null) : left;
    }
    case 'windowClosed': {
      // Its tabs were removed one by one; what a replaced tab (prerendering) may have left goes here.
      const left = state.recent?.[event.windowId] ? withRecent(state, event.windowId, []) : state;
      return left.windows[event.windowId] ? withWindow(left, event.windowId, null) : left;
    }
    case 'attached': {
      const seen = activatedIn(state, event.windowId, event.tabId);
      const tab = state.tabs[event.tabId];
      if (!tab) return seen;
      const tabs = { ...seen.tabs, [event.tabId]: { ...tab, windowId: event.windowId } };
      return withWindow({ ...seen, tabs }, event.windowId, { tabId: event.tabId, ticket: tab.ticket, inOtherTab: false });
    }
  }
}
