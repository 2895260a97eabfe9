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
}

export type FollowEvent =
  | { kind: 'reported'; tabId: number; windowId: number; active: boolean; ticket: TicketContext | null }
  | { kind: 'activated'; tabId: number; windowId: number }
  | { kind: 'removed'; tabId: number; windowId: number }
  | { kind: 'detached'; tabId: number; windowId: number }
  | { kind: 'attached'; tabId: number; windowId: number }
  | { kind: 'gone'; tabId: number };

/** The storage.session key the service worker writes and panels read. */
export const FOLLOW_KEY = 'follow';

export const EMPTY_FOLLOW: FollowState = { tabs: {}, windows: {} };

function withWindow(state: FollowState, windowId: number, value: WindowTicket | null): FollowState {
  const windows = { ...state.windows };
  if (value) windows[windowId] = value;
  else delete windows[windowId];
  return { ...state, windows };
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
      const next = { ...state, tabs };
      if (event.active || shown?.tabId === event.tabId) {
        const value = { tabId: event.tabId, ticket: event.ticket, inOtherTab: !event.active };
        if (shown && shown.tabId === value.tabId && shown.inOtherTab === value.inOtherTab && sameTicket(shown.ticket, value.ticket)) return state;
        return withWindow(next, event.windowId, value);
      }
      return next;
    }
    case 'activated': {
      const tab = state.tabs[event.tabId];
      if (tab) return withWindow(state, event.windowId, { tabId: event.tabId, ticket: tab.ticket, inOtherTab: false });
      const shown = state.windows[event.windowId];
      if (!shown || shown.inOtherTab) return state;
      return withWindow(state, event.windowId, { ...shown, inOtherTab: true });
    }
    case 'removed':
    case 'gone':
      return withoutTab(state, event.tabId);
    case 'detached': {
      const shown = state.windows[event.windowId];
      return shown?.tabId === event.tabId ? withWindow(state, event.windowId, null) : state;
    }
    case 'attached': {
      const tab = state.tabs[event.tabId];
      if (!tab) return state;
      const tabs = { ...state.tabs, [event.tabId]: { ...tab, windowId: event.windowId } };
      return withWindow({ ...state, tabs }, event.windowId, { tabId: event.tabId, ticket: tab.ticket, inOtherTab: false });
    }
  }
}
