import { describe, expect, it } from 'vitest';
import type { TicketContext } from '../../src/core/ticket';
import { contactsOf, describeContacts, firstFound, mentions, ordinal, SLOW_CHANNEL_WAIT_MS, statedWait, ticketFacts } from '../../src/core/ticket-facts';
import { prefillAnswers } from '../../src/core/prefill';

const ticket = (extra: Partial<TicketContext> = {}): TicketContext => ({
  desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42',
  subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia', firstName: 'Maria' }, channel: 'messaging',
  lastCustomerMessage: 'This is the third time I write about this. Where is my money?', customerMessages: 2, agentMessages: 1, ...extra,
});
const T0 = 1_700_000_000_000;

describe('contacts', () => {
  it('takes their word when they say more than the desk shows, and keeps the quote as the basis', () => {
    expect(contactsOf(ticket())).toEqual({ count: 3, shown: 2, stated: { count: 3, quote: 'third time' }, basis: 'customer' });
  });
  it("takes the desk's count when it is more, still keeping what they said", () => {
    const c = contactsOf(ticket({ customerMessages: 4 }));
    expect(c).toMatchObject({ count: 4, shown: 4, basis: 'desk' });
    expect(c.stated?.count).toBe(3);
  });
  it('is unknown when neither the desk nor the customer says', () => {
    expect(contactsOf({})).toEqual({});
    expect(contactsOf({ customerMessages: 1, lastCustomerMessage: 'Cannot log in.' })).toEqual({ count: 1, shown: 1, basis: 'desk' });
  });
  it('describes a repeat contact with its basis, and says nothing of a first one', () => {
    expect(describeContacts(contactsOf(ticket()))).toBe('3rd contact — they said "third time"');
    expect(describeContacts(contactsOf(ticket({ lastCustomerMessage: 'Any news?', customerMessages: 2 })))).toBe('2nd contact — 2 messages from them here');
    expect(describeContacts(contactsOf(ticket({ lastCustomerMessage: 'Hello', customerMessages: 1 })))).toBeUndefined();
    expect(describeContacts({})).toBeUndefined();
  });
  it('writes ordinals as people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
  });
});

describe('waiting', () => {
  const chat = (extra: Partial<TicketContext> = {}) =>
    ticket({ channel: 'chat', lastCustomerMessage: 'Hello, can you help me?', customerMessages: 1, lastCustomerMessageAt: T0, lastFromCustomer: true, ...extra });
  const waiting = { channels: ['chat', 'messaging'], afterSeconds: 60 };

  it('counts a chat wait from the agent threshold, by the desk clock', () => {
    expect(ticketFacts(chat(), { now: T0 + 59_000, waiting }).wait).toEqual({ waited: false, unansweredMs: 59_000 });
    expect(ticketFacts(chat(), { now: T0 + 60_000, waiting }).wait).toEqual({ waited: true, basis: 'desk', unansweredMs: 60_000 });
  });
  it('waits longer before an email counts as waited on', () => {
    const email = chat({ channel: 'email' });
    expect(ticketFacts(email, { now: T0 + 10 * 60_000, waiting }).wait.waited).toBe(false);
    expect(ticketFacts(email, { now: T0 + SLOW_CHANNEL_WAIT_MS, waiting }).wait).toMatchObject({ waited: true, basis: 'desk' });
  });
  it('has not waited once an agent replied, or without a clock', () => {
    expect(ticketFacts(chat({ lastFromCustomer: false }), { now: T0 + 600_000, waiting }).wait.waited).toBe(false);
    expect(ticketFacts(chat({ lastFromCustomer: undefined }), { now: T0 + 600_000, waiting, agentRepliedSince: true }).wait.waited).toBe(false);
    expect(ticketFacts(chat()).wait).toEqual({ waited: false });
  });
  it('believes a wait they tell of, with their words as the basis', () => {
    const told = ticketFacts(chat({ lastCustomerMessage: "I've been on hold for two hours and still haven't heard back." }), { now: T0 + 1000, waiting }).wait;
    expect(told).toMatchObject({ waited: true, basis: 'customer', quote: 'on hold for two hours' });
  });
  it.each([
    ['I am still waiting for my refund.', 'still waiting'],
    ['Still no reply from anyone', 'Still no reply from anyone'],
    ['I waited all day for the engineer', 'waited all day for the'],
    ["Nobody got back to me", 'Nobody got back'],
    ["I haven't heard back since Monday", "haven't heard back"],
  ])('reads a wait in %j', (message, quote) => {
    expect(statedWait(message)).toBe(quote);
  });
  it.each([
    'After resetting my password the login page just reloads. Can you help?',
    'The app is still not working after the update.',
    'No rush, I can wait until Monday.',
    'Thanks, waiting is fine, no hurry at all.',
    '',
  ])('reads no wait in %j', (message) => {
    expect(statedWait(message)).toBeUndefined();
  });
});

describe('the rest of the facts', () => {
  it('knows whether the next reply is the first, when the desk counts agent replies', () => {
    expect(ticketFacts(ticket({ agentMessages: 0 })).firstReply).toBe(true);
    expect(ticketFacts(ticket({ agentMessages: 2 })).firstReply).toBe(false);
    expect(ticketFacts(ticket({ agentMessages: undefined })).firstReply).toBeUndefined();
  });
  it('finds order numbers, amounts and dates in the subject and their latest message, once each', () => {
    const f = ticketFacts(ticket({ lastCustomerMessage: 'Order #1042 again: I paid $49.99 on March 3.' }));
    expect(f.found.map((x) => `${x.kind}:${x.value}`)).toEqual(['order:1042', 'amount:$49.99', 'date:march 3']);
    expect(firstFound(f, 'order')).toBe('#1042');
    expect(firstFound(f, 'amount')).toBe('$49.99');
    expect(firstFound(f, 'phone')).toBeUndefined();
    expect(firstFound({ found: [{ kind: 'order', text: 'order number is AB-7788', value: 'AB-7788' }] }, 'order')).toBe('AB-7788');
  });
  it('matches mentions as whole words in the subject or message, whatever the case', () => {
    const f = ticketFacts(ticket({ lastCustomerMessage: 'The parcel never arrived. Tracking says delivered!' }));
    expect(mentions(f, 'parcel')).toBe(true);
    expect(mentions(f, 'ORDER')).toBe(true);
    expect(mentions(f, 'never arrived')).toBe(true);
    expect(mentions(f, 'arrive')).toBe(false);
    expect(mentions(f, 'package')).toBe(false);
    expect(mentions(f, '!!')).toBe(false);
  });
  it('keeps the channel', () => {
    expect(ticketFacts(ticket()).channel).toBe('messaging');
    expect(ticketFacts(ticket({ channel: undefined })).channel).toBeUndefined();
  });
});

describe('pre-filling a fill-in prompt', () => {
  const facts = ticketFacts(ticket({ lastCustomerMessage: 'I paid €20 for it on 3 March.' }));
  it('fills what the ticket shows into clearly named fields', () => {
    const fields = [
      { key: 'ask:order number', label: 'Order number', kind: 'ask' as const },
      { key: 'ask:refund amount', label: 'Refund amount', kind: 'ask' as const },
      { key: 'ask:purchase date', label: 'Purchase date', kind: 'ask' as const },
    ];
    expect(prefillAnswers(fields, facts)).toEqual({ 'ask:order number': '#1042', 'ask:refund amount': '€20', 'ask:purchase date': '3 March' });
  });
  it('reads the built-in packs’ labels in their languages', () => {
    const labels = ['Bestellnummer', 'Número de pedido', 'Numéro de commande', 'Número do pedido'];
    const answers = prefillAnswers(labels.map((label) => ({ key: `ask:${label.toLowerCase()}`, label, kind: 'ask' as const })), facts);
    expect(Object.values(answers)).toEqual(['#1042', '#1042', '#1042', '#1042']);
  });
  it("never guesses the agent's own plans, or what the ticket does not show", () => {
    const fields = [
      { key: 'ask:when', label: 'When', kind: 'ask' as const },
      { key: 'ask:days', label: 'Days', kind: 'ask' as const },
      { key: 'ask:team', label: 'Team', kind: 'ask' as const },
    ];
    expect(prefillAnswers(fields, facts)).toEqual({});
    const plans = ['Wann', 'Tage', 'Cuándo', 'Días', 'Quand', 'Jours', 'Quando', 'Dias', 'Equipe', 'Nome do colega'];
    expect(prefillAnswers(plans.map((label) => ({ key: `ask:${label.toLowerCase()}`, label, kind: 'ask' as const })), facts)).toEqual({});
    expect(prefillAnswers([{ key: 'ask:order number', label: 'Order number', kind: 'ask' }], ticketFacts(ticket({ subject: 'Help', lastCustomerMessage: 'Hi' })))).toEqual({});
  });
});
