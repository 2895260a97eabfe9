// Issue #7 panel components, rendered in jsdom against the real (fake-indexeddb) repositories.
// chrome.* does not exist here: drafts and dismissals come through the components' injectable seams.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { TicketContext } from '../../src/core/ticket';
import type { TipId } from '../../src/core/draft-check';
import { sharedDb } from '../../src/storage/db';
import { createFollowupsRepo } from '../../src/storage/followups-repo';
import { createStoriesRepo } from '../../src/storage/stories-repo';
import { onAppendToNotes } from '../../src/panel/notes-bus';
import { CuesBar, DraftTips, FollowUpControls, FollowUpList, useCues, useCuesAndFacts } from '../../src/panel/coaching';
import type { LanguageDetection } from '../../src/core/phrase-language';
import type { Draft, SubscribeDrafts } from '../../src/panel/coaching/draft-listener';
import type { DismissedTipsStore } from '../../src/panel/coaching/dismissed-tips';

const ticket = (extra: Partial<TicketContext> = {}): TicketContext => ({
  desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42',
  subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia', firstName: 'Maria' }, channel: 'messaging',
  lastCustomerMessage: 'This is the third time I write about this. Where is my money? Order #55821, paid $49.99 on March 3.',
  customerMessages: 3, agentMessages: 1, ...extra,
});

const followups = createFollowupsRepo(sharedDb);
const stories = createStoriesRepo(sharedDb);
let notes: string[] = [];
let stopNotes: () => void = () => undefined;

beforeEach(async () => {
  const db = await sharedDb();
  await db.clear('followups');
  await db.clear('stories');
  notes = [];
  stopNotes = onAppendToNotes((line) => notes.push(line));
});
afterEach(() => {
  cleanup();
  stopNotes();
});

function Cues({ t, now }: { t: TicketContext; now: number }) {
  const cues = useCues(t, { now });
  return <CuesBar cues={cues} ticket={t} />;
}

/** The cues as the panel shows them when it knows the message's language. */
function CuesIn({ t, now, language }: { t: TicketContext; now: number; language?: string }) {
  const { cues, facts, unread } = useCuesAndFacts(t, { now, messageLanguage: language });
  return <CuesBar cues={cues} ticket={t} facts={facts} part="cues" unread={unread} />;
}

describe('cues bar', () => {
  it('shows a frustration chip with its reason and a line that names the situation', () => {
    render(<Cues t={ticket()} now={Date.now()} />);
    const cue = screen.getByText('Frustrated').closest('li')!;
    expect(cue.textContent).toContain('Not the first time: "third time"');
    expect(cue.textContent).toContain("I'm sorry you've had to write to us 3 times about this.");
  });

  it('offers key facts as notes lines, once each', () => {
    render(<Cues t={ticket()} now={Date.now()} />);
    const order = screen.getByRole('button', { name: 'Add to notes: Order #55821' });
    fireEvent.click(order);
    fireEvent.click(screen.getByRole('button', { name: 'Add to notes: $49.99' }));
    expect(notes).toEqual(['What they said: Order #55821', 'What they said: $49.99']);
    expect((screen.getByRole('button', { name: 'Added to notes: Order #55821' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('adds "what they mean" on Enter and clears the line', () => {
    render(<Cues t={ticket()} now={Date.now()} />);
    const input = screen.getByRole('textbox', { name: 'What they mean' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: '  They need the money before rent is due  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(notes).toEqual(['What they mean: They need the money before rent is due']);
    expect(input.value).toBe('');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(notes).toHaveLength(1);
  });

  it('renders customer text as text, never as markup', () => {
    const { container } = render(<Cues t={ticket({ lastCustomerMessage: 'WHY IS THIS STILL BROKEN <img src=x onerror=alert(1)>!!!' })} now={Date.now()} />);
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the waiting cue once the customer waited past the threshold, and drops it after a reply', () => {
    const at = 1_000_000;
    const t = ticket({ lastCustomerMessage: 'Hello, are you there?', customerMessages: 1, channel: 'chat', lastCustomerMessageAt: at });
    const { rerender } = render(<Cues t={t} now={at + 30_000} />);
    expect(screen.queryByText('Waiting')).toBeNull();
    rerender(<Cues t={t} now={at + 90_000} />);
    expect(screen.getByText('Waiting').closest('li')!.textContent).toContain('Waiting 1 minute for a reply');
    rerender(<Cues t={{ ...t, agentMessages: 2 }} now={at + 95_000} />);
    expect(screen.queryByText('Waiting')).toBeNull();
  });

  it('says in one quiet line that it does not read another language, and keeps only the cues that need no words', () => {
    const at = 1_000_000;
    // Read as English, "terrible" is a complaint word and the capitals shouting: the rules would guess.
    const spanish = ticket({ lastCustomerMessage: '¡Esto es terrible! Es URGENTE, necesito mi reembolso ya.', customerMessages: 3, channel: 'chat', lastCustomerMessageAt: at });
    const { rerender } = render(<CuesIn t={spanish} now={at + 1000} />);
    expect(screen.getByText('Frustrated').closest('li')!.textContent).toContain('terrible');
    rerender(<CuesIn t={spanish} now={at + 90_000} language="es" />);
    expect(screen.getByText('Cues read English messages only; this one looks Spanish.')).toBeTruthy();
    // How long they waited and how often they wrote need no words.
    expect(screen.getByText('Waiting')).toBeTruthy();
    const frustrated = screen.getByText('Frustrated').closest('li')!.textContent;
    expect(frustrated).not.toContain('terrible');
    expect(frustrated).toMatch(/3/);
    rerender(<CuesIn t={ticket()} now={at} language="en" />);
    expect(screen.queryByText(/Cues read English messages only/)).toBeNull();
  });

  it('turns a happy customer into a story the team can read', async () => {
    const t = ticket({ lastCustomerMessage: 'Thank you so much, that fixed it! You are amazing.', customerMessages: 2 });
    render(<Cues t={t} now={Date.now()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Share this story' }));
    const form = screen.getByRole('form', { name: 'Share this story' });
    expect((within(form).getByRole('radio', { name: 'Good' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Save story' }));
    await screen.findByRole('alert');
    fireEvent.input(within(form).getByRole('textbox', { name: 'What happened' }), { target: { value: 'Refund sorted on the first reply; she wrote back to say thanks.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save story' }));
    await screen.findByText(/Story saved/);
    const saved = await stories.list();
    expect(saved).toMatchObject([{ key: t.key, url: t.url, subject: t.subject, kind: 'good', text: 'Refund sorted on the first reply; she wrote back to say thanks.' }]);
  });
});

describe('draft tips', () => {
  let emit: (d: Draft) => void = () => undefined;
  const subscribe: SubscribeDrafts = (_filter, onDraft) => {
    emit = onDraft;
    return () => { emit = () => undefined; };
  };
  const memoryStore = () => {
    const map = new Map<string, TipId[]>();
    const store: DismissedTipsStore = {
      load: async (key) => map.get(key) ?? [],
      dismiss: async (key, id) => void map.set(key, [...(map.get(key) ?? []), id]),
    };
    return { map, store };
  };
  const type = async (text: string, isFirstReply = true) => {
    emit({ text, isFirstReply });
    await Promise.resolve();
  };

  it('shows nothing without a draft, then at most two gentle tips', async () => {
    const { store } = memoryStore();
    render(<DraftTips ticket={ticket()} tabId={1} frustrated={true} subscribe={subscribe} store={store} />);
    expect(screen.queryByRole('region', { name: 'Draft tips' })).toBeNull();
    await type('As I said, you should have read the email. WE WILL NOT refund this.');
    const region = await screen.findByRole('region', { name: 'Draft tips' });
    const tips = within(region).getAllByRole('listitem');
    expect(tips).toHaveLength(2);
    expect(tips[0]!.textContent).toContain('Open with a greeting and their name: "Hi Maria,"');
    expect(tips[1]!.textContent).toContain('This can read as blame');
  });

  it('keeps a dismissed tip away for this ticket, and remembers it', async () => {
    const { map, store } = memoryStore();
    render(<DraftTips ticket={ticket()} tabId={1} frustrated={false} subscribe={subscribe} store={store} />);
    await type('As I said, you should have read the email we sent last week about it.');
    fireEvent.click(await screen.findByRole('button', { name: /Dismiss tip for this ticket: No greeting/ }));
    await waitFor(() => expect(screen.queryByText(/Open with a greeting/)).toBeNull());
    expect(screen.getByText(/This can read as blame/)).toBeTruthy();
    expect(map.get(ticket().key)).toEqual(['greeting']);
    cleanup();
    render(<DraftTips ticket={ticket()} tabId={1} frustrated={false} subscribe={subscribe} store={store} />);
    await type('As I said, you should have read the email we sent last week about it.');
    await screen.findByText(/This can read as blame/);
    expect(screen.queryByText(/Open with a greeting/)).toBeNull();
  });

  it('says in one quiet line that it does not read a draft in another language, and tips again in English', async () => {
    const { store } = memoryStore();
    const detect = async (text: string): Promise<LanguageDetection> => ({ isReliable: true, languages: [{ language: /\b(?:usted|pedido)\b/.test(text) ? 'es' : 'en', percentage: 100 }] });
    render(<DraftTips ticket={ticket()} tabId={1} frustrated={false} subscribe={subscribe} store={store} detect={detect} />);
    await type('Como le dije, usted debería haber leído el correo sobre su pedido.');
    const region = await screen.findByRole('region', { name: 'Draft tips' });
    await waitFor(() => expect(region.textContent).toBe('Draft tips read English replies only; this one looks Spanish.'));
    expect(within(region).queryAllByRole('listitem')).toHaveLength(0);
    await type('As I said, you should have read the email we sent last week about it.');
    await screen.findByText(/This can read as blame/);
    expect(screen.queryByText(/Draft tips read English replies only/)).toBeNull();
  });

  it('disappears when the draft is cleared', async () => {
    const { store } = memoryStore();
    render(<DraftTips ticket={ticket()} tabId={1} frustrated={false} subscribe={subscribe} store={store} />);
    await type('As I said, you should have read the email.');
    await screen.findByRole('region', { name: 'Draft tips' });
    await type('');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Draft tips' })).toBeNull());
  });
});

describe('follow-ups', () => {
  it('sets "check back tomorrow" with a reason, stored with the ticket and shown for it', async () => {
    const t = ticket();
    render(<FollowUpControls ticket={t} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Reason' }), { target: { value: 'Did the refund reach her bank?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check back tomorrow' }));
    await screen.findByText(/I will remind you tomorrow at (9:00 AM|09:00)/);
    const [saved, ...rest] = await followups.forTicket(t.key);
    expect(rest).toHaveLength(0);
    expect(saved).toMatchObject({ key: t.key, url: t.url, subject: t.subject, reason: 'Did the refund reach her bank?' });
    const due = new Date(saved!.dueAt);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    expect([due.getDate(), due.getHours(), due.getMinutes()]).toEqual([tomorrow.getDate(), 9, 0]);
    const here = await screen.findByRole('list', { name: 'Follow-ups for this ticket' });
    expect(here.textContent).toContain('Did the refund reach her bank?');
    // Stored with the ticket's notes too: one line the agent can read back.
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Follow-up \(.+\): Did the refund reach her bank\?$/);
  });

  it('refuses a date in the past with a clear message and saves nothing', async () => {
    const { container } = render(<FollowUpControls ticket={ticket()} />);
    fireEvent.input(container.querySelector('input[type=date]')!, { target: { value: '2001-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check back on this date' }));
    expect((await screen.findByRole('alert')).textContent).toContain('2001-01-01 is in the past');
    expect(await followups.forTicket(ticket().key)).toHaveLength(0);
  });

  it('offers the "check in when there is no problem" reminder, with phrases for it', async () => {
    const { unmount } = render(<FollowUpControls ticket={ticket()} />);
    expect(screen.queryByRole('button', { name: 'Check in when there is no problem' })).toBeNull();
    unmount();
    render(<FollowUpControls ticket={ticket()} offerCheckIn checkInPhrases={['Hi Maria, just checking in: is everything still working as it should?']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check in when there is no problem' }));
    const phrases = await screen.findByRole('list', { name: 'Check-in phrases' });
    expect(phrases.textContent).toContain('Hi Maria, just checking in');
    expect((await followups.forTicket(ticket().key))[0]!.reason).toBe('Check in: is everything still working well?');
  });

  it('lists due and upcoming follow-ups; open, snooze and done are one click', async () => {
    const now = Date.now();
    const due = await followups.add({ key: 'k:42', url: 'https://acme.zendesk.com/agent/tickets/42', subject: 'Refund', reason: 'Refund landed?', dueAt: now - 60_000 });
    await followups.add({ key: 'k:43', url: 'https://acme.zendesk.com/agent/tickets/43', subject: 'Login', reason: 'Login works?', dueAt: now + 5 * 3_600_000 });
    const opened: string[] = [];
    render(<FollowUpList open={async (url) => void opened.push(url)} />);
    const list = await screen.findByRole('list', { name: 'Follow-ups' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.textContent).toContain('Due: overdue by 1 minute');
    expect(second!.textContent).toContain('Upcoming: in 5 hours');
    fireEvent.click(within(first!).getByRole('link', { name: 'Refund' }));
    expect(opened).toEqual(['https://acme.zendesk.com/agent/tickets/42']);

    fireEvent.click(within(first!).getByRole('button', { name: 'Snooze 1 hour' }));
    await waitFor(async () => expect(await followups.due()).toHaveLength(0));
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]!.textContent).toMatch(/Upcoming: in (60 minutes|1 hour)/));

    fireEvent.click(within(within(list).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect((await followups.get(due.id))!.done).toBe(true);
  });
});
