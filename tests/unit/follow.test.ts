import { describe, expect, it } from 'vitest';
import { EMPTY_FOLLOW, follow, type FollowState } from '../../src/core/follow';
import { ticketKey, type TicketContext } from '../../src/core/ticket';

const t = (id: string, subject = `Subject ${id}`): TicketContext => ({
  desk: 'zendesk', host: 'acme.zendesk.com', ticketId: id, key: ticketKey('zendesk', 'acme.zendesk.com', id), url: `https://acme.zendesk.com/agent/tickets/${id}`, subject,
});

function run(...events: Parameters<typeof follow>[1][]): FollowState {
  return events.reduce(follow, EMPTY_FOLLOW);
}

describe('follow', () => {
  it('shows the ticket of the active desk tab in its window', () => {
    const s = run({ kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') });
    expect(s.windows[10]).toEqual({ tabId: 1, ticket: t('42'), inOtherTab: false });
  });

  it('does not let a background desk tab take over the window', () => {
    const s = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'reported', tabId: 2, windowId: 10, active: false, ticket: t('99') },
    );
    expect(s.windows[10]?.ticket?.ticketId).toBe('42');
    expect(s.tabs[2]?.ticket?.ticketId).toBe('99');
  });

  it('keeps the ticket, marked as in another tab, when a non-desk tab is activated', () => {
    const s = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'activated', tabId: 7, windowId: 10 },
    );
    expect(s.windows[10]).toMatchObject({ tabId: 1, inOtherTab: true });
  });

  it('follows updates from the shown desk tab while it is in the background', () => {
    const s = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'activated', tabId: 7, windowId: 10 },
      { kind: 'reported', tabId: 1, windowId: 10, active: false, ticket: t('43') },
    );
    expect(s.windows[10]).toMatchObject({ tabId: 1, inOtherTab: true, ticket: { ticketId: '43' } });
  });

  it('switches to another desk tab when it is activated', () => {
    const s = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'reported', tabId: 2, windowId: 10, active: false, ticket: t('99') },
      { kind: 'activated', tabId: 2, windowId: 10 },
    );
    expect(s.windows[10]).toMatchObject({ tabId: 2, inOtherTab: false, ticket: { ticketId: '99' } });
  });

  it('clears the window when the shown tab closes or leaves the ticket', () => {
    const base = run({ kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') });
    expect(follow(base, { kind: 'removed', tabId: 1, windowId: 10 }).windows[10]).toBeUndefined();
    expect(follow(base, { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: null }).windows[10]?.ticket).toBeNull();
    expect(follow(base, { kind: 'gone', tabId: 1 }).windows[10]).toBeUndefined();
  });

  it('keeps windows apart', () => {
    const s = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'reported', tabId: 2, windowId: 20, active: true, ticket: t('43') },
      { kind: 'removed', tabId: 2, windowId: 20 },
    );
    expect(s.windows[10]?.ticket?.ticketId).toBe('42');
    expect(s.windows[20]).toBeUndefined();
  });

  it('moves a dragged tab to its new window', () => {
    const s = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'detached', tabId: 1, windowId: 10 },
      { kind: 'attached', tabId: 1, windowId: 20 },
    );
    expect(s.windows[10]).toBeUndefined();
    expect(s.windows[20]).toMatchObject({ tabId: 1, ticket: { ticketId: '42' } });
  });

  it('returns the same state object for a repeated identical report, so nothing is rewritten', () => {
    const s = run({ kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') });
    expect(follow(s, { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') }).windows).toBe(s.windows);
  });

  it('shows a desk tab the agent left while it loaded, as in another tab, when its first report comes late', () => {
    const s = run(
      { kind: 'activated', tabId: 1, windowId: 10 },
      { kind: 'activated', tabId: 7, windowId: 10 },
      { kind: 'reported', tabId: 1, windowId: 10, active: false, ticket: t('42') },
    );
    expect(s.windows[10]).toEqual({ tabId: 1, ticket: t('42'), inOtherTab: true });
  });

  it('lets a late first report replace the shown ticket only if the agent looked at that tab since', () => {
    const shown = run(
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'activated', tabId: 2, windowId: 10 },
      { kind: 'activated', tabId: 7, windowId: 10 },
    );
    expect(follow(shown, { kind: 'reported', tabId: 2, windowId: 10, active: false, ticket: t('99') }).windows[10]).toMatchObject({ tabId: 2, inOtherTab: true });
    const before = run(
      { kind: 'activated', tabId: 2, windowId: 10 },
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'activated', tabId: 7, windowId: 10 },
    );
    expect(follow(before, { kind: 'reported', tabId: 2, windowId: 10, active: false, ticket: t('99') }).windows[10]).toMatchObject({ tabId: 1, inOtherTab: true });
  });

  it('forgets closed and dragged-away tabs, and keeps only a few per window', () => {
    let s = run(...Array.from({ length: 12 }, (_, i) => ({ kind: 'activated' as const, tabId: i + 1, windowId: 10 })));
    expect(s.recent?.[10]).toEqual([12, 11, 10, 9, 8, 7, 6, 5]);
    s = follow(s, { kind: 'removed', tabId: 12, windowId: 10 });
    s = follow(s, { kind: 'detached', tabId: 11, windowId: 10 });
    expect(s.recent?.[10]).toEqual([10, 9, 8, 7, 6, 5]);
    s = follow(s, { kind: 'reported', tabId: 11, windowId: 10, active: false, ticket: t('99') });
    expect(s.windows[10]).toBeUndefined();
  });

  it('does not write again when an already-front tab is activated again', () => {
    const s = run({ kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') }, { kind: 'activated', tabId: 7, windowId: 10 });
    expect(follow(s, { kind: 'activated', tabId: 7, windowId: 10 })).toBe(s);
  });

  it('lets only a tab\'s first report come late: a known background tab never takes over an empty window', () => {
    const s = run(
      { kind: 'activated', tabId: 2, windowId: 10 },
      { kind: 'reported', tabId: 2, windowId: 10, active: true, ticket: t('99') },
      { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') },
      { kind: 'gone', tabId: 1 },
    );
    expect(s.windows[10]).toBeUndefined();
    expect(follow(s, { kind: 'reported', tabId: 2, windowId: 10, active: false, ticket: t('100') }).windows[10]).toBeUndefined();
  });

  it('forgets a closed window', () => {
    const s = run({ kind: 'activated', tabId: 1, windowId: 10 }, { kind: 'reported', tabId: 1, windowId: 10, active: true, ticket: t('42') });
    const closed = follow(s, { kind: 'windowClosed', windowId: 10 });
    expect(closed.windows[10]).toBeUndefined();
    expect(closed.recent?.[10]).toBeUndefined();
    expect(follow(closed, { kind: 'windowClosed', windowId: 10 })).toBe(closed);
  });
});
