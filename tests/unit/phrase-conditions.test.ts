import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CueKind } from '../../src/core/cues';
import { lintPack, unconditionedAssertions } from '../../src/core/pack/lint';
import { diffPacks } from '../../src/core/pack/merge';
import type { Pack, Phrase, PhraseWhen } from '../../src/core/pack/types';
import { parsePack, validatePack } from '../../src/core/pack/validate';
import { assumesLabel, conditionsHold, describeWhen, parseComparison, unmetConditions } from '../../src/core/phrase-conditions';
import { buildPhraseIndex, searchPhrases, type IndexedPhrase } from '../../src/core/search';
import type { TicketContext } from '../../src/core/ticket';
import { ticketFacts } from '../../src/core/ticket-facts';

const ticket = (extra: Partial<TicketContext> = {}): TicketContext => ({
  desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '43', key: 'zendesk:acme.zendesk.com:43', url: 'https://acme.zendesk.com/agent/tickets/43',
  subject: 'Cannot log in after password reset', customer: { name: 'Tom Becker', firstName: 'Tom' }, channel: 'email',
  lastCustomerMessage: 'After resetting my password the login page just reloads. Can you help?', customerMessages: 1, agentMessages: 0,
  lastCustomerMessageAt: 0, lastFromCustomer: true, ...extra,
});
const firstContact = { facts: ticketFacts(ticket(), { now: 60_000 }), cues: [] as CueKind[] };
const thirdTime = {
  facts: ticketFacts(ticket({ subject: 'Refund for order #1042 still missing', channel: 'messaging', customerMessages: 2, agentMessages: 1, lastCustomerMessage: 'This is the third time I write about this. Where is my money?' }), { now: 30_000 }),
  cues: ['frustration'] as CueKind[],
};

describe('phrase conditions', () => {
  it('holds with no conditions at all', () => {
    expect(unmetConditions(undefined, firstContact)).toEqual([]);
    expect(conditionsHold(undefined, firstContact)).toBe(true);
  });

  it('compares the one contact count', () => {
    expect(unmetConditions({ contacts: '>=2' }, firstContact)).toEqual(['wrote before']);
    expect(conditionsHold({ contacts: '>=2' }, thirdTime)).toBe(true);
    expect(conditionsHold({ contacts: '>2' }, thirdTime)).toBe(true);
    expect(conditionsHold({ contacts: '>=4' }, thirdTime)).toBe(false);
    expect(conditionsHold({ contacts: '1' }, firstContact)).toBe(true);
    expect(conditionsHold({ contacts: '<=1' }, thirdTime)).toBe(false);
    expect(conditionsHold({ contacts: '<3' }, thirdTime)).toBe(false);
    // Nothing known about contacts: neither "wrote before" nor "first contact" is shown.
    const unknown = { facts: ticketFacts(ticket({ customerMessages: undefined, lastCustomerMessage: undefined })), cues: [] };
    expect(conditionsHold({ contacts: '>=2' }, unknown)).toBe(false);
    expect(conditionsHold({ contacts: '1' }, unknown)).toBe(false);
  });

  it('reads waiting from the facts or the waiting cue', () => {
    expect(unmetConditions({ waited: true }, firstContact)).toEqual(['they waited']);
    expect(conditionsHold({ waited: false }, firstContact)).toBe(true);
    expect(conditionsHold({ waited: true }, { ...firstContact, cues: ['waiting'] })).toBe(true);
    const longAgo = { facts: ticketFacts(ticket(), { now: 5 * 3_600_000 }), cues: [] };
    expect(conditionsHold({ waited: true }, longAgo)).toBe(true);
  });

  it('checks first reply, cues, facts found, channel and mentions', () => {
    expect(conditionsHold({ firstReply: true }, firstContact)).toBe(true);
    expect(unmetConditions({ firstReply: false }, firstContact)).toEqual(['replied before']);
    expect(conditionsHold({ cue: ['frustration', 'urgency'] }, thirdTime)).toBe(true);
    expect(unmetConditions({ cue: ['frustration'] }, firstContact)).toEqual(['sounds frustrated']);
    expect(conditionsHold({ fact: ['order'] }, thirdTime)).toBe(true);
    expect(unmetConditions({ fact: ['order', 'amount'] }, firstContact)).toEqual(['an order number or an amount']);
    expect(conditionsHold({ channel: ['chat', 'messaging'] }, thirdTime)).toBe(true);
    expect(unmetConditions({ channel: ['chat'] }, firstContact)).toEqual(['chat']);
    expect(conditionsHold({ mentions: ['password', 'refund'] }, firstContact)).toBe(true);
    expect(unmetConditions({ mentions: ['delivery', 'parcel'] }, firstContact)).toEqual(['mentions "delivery" or "parcel"']);
  });

  it('never suggests what only the agent can know', () => {
    expect(unmetConditions({ agentKnows: 'it was our mistake' }, thirdTime)).toEqual(['it was our mistake']);
  });

  it('needs every condition, and lists each that does not hold', () => {
    const when: PhraseWhen = { contacts: '>=2', waited: true, cue: ['frustration'] };
    expect(unmetConditions(when, thirdTime)).toEqual(['they waited']);
    expect(unmetConditions(when, firstContact)).toEqual(['wrote before', 'they waited', 'sounds frustrated']);
    expect(assumesLabel(unmetConditions(when, firstContact))).toBe('assumes: wrote before; they waited; sounds frustrated');
    expect(assumesLabel([])).toBeUndefined();
    expect(describeWhen(when)).toEqual(['wrote before', 'they waited', 'sounds frustrated']);
  });

  it('parses contact comparisons and nothing else', () => {
    expect(parseComparison('>=2')).toEqual({ op: '>=', n: 2 });
    expect(parseComparison(' 1 ')).toEqual({ op: '=', n: 1 });
    expect(parseComparison('< 3')).toEqual({ op: '<', n: 3 });
    for (const bad of ['', 'two', '=>2', '>=', '2+', '>=1000', '>=2 or 3']) expect(parseComparison(bad), bad).toBeUndefined();
  });
});

describe('the default pack', () => {
  const pack = JSON.parse(readFileSync(resolve('public/packs/default.en.json'), 'utf8')) as Pack;
  const byId = new Map(pack.phrases.map((p) => [p.id, p]));

  it('conditions every line that asserts a repeat contact, a wait, our mistake or an order', () => {
    expect(pack.phrases.filter((p) => unconditionedAssertions(p).length).map((p) => p.id)).toEqual([]);
    for (const id of ['empathy-repeat-contact', 'empathy-repeat-contact-email', 'apol-repeat', 'greet-welcome-back']) expect(byId.get(id)!.when).toEqual({ contacts: '>=2' });
    for (const id of ['greet-wait-chat', 'greet-wait-email', 'greet-patience', 'greet-excuse-delay', 'empathy-waiting', 'empathy-waiting-email', 'apol-delay', 'apol-delay-email']) {
      expect(byId.get(id)!.when).toEqual({ waited: true });
    }
    expect(byId.get('apol-our-mistake')!.when?.agentKnows).toBeTruthy();
  });

  it('leaves a first-contact, calm ticket with no line that claims a repeat contact or a wait', () => {
    const claims = /more than once|again about this|welcome back|waiting|holding on|delay|this long/i;
    const suggested = pack.phrases.filter((p) => conditionsHold(p.when, firstContact));
    expect(suggested.filter((p) => claims.test(p.text)).map((p) => p.id)).toEqual([]);
    expect(suggested.filter((p) => p.step === 'empathize').length).toBeGreaterThanOrEqual(3);
  });
});

describe('validating "when"', () => {
  const base = { schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en' };
  const withWhen = (when: unknown) => ({ ...base, phrases: [{ id: 'a', step: 'empathize', text: 'Hi', when }] });
  const errors = (when: unknown) => {
    const r = validatePack(withWhen(when));
    return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.message}`);
  };

  it('keeps known conditions, turning single values into lists', () => {
    const r = validatePack(withWhen({ contacts: ' >= 2 ', waited: true, firstReply: false, cue: 'frustration', fact: ['order', 'amount'], channel: 'chat', mentions: 'delivery', agentKnows: 'it was our mistake' }));
    expect(r.ok && r.pack.phrases[0]!.when).toEqual({
      contacts: '>=2', waited: true, firstReply: false, cue: ['frustration'], fact: ['order', 'amount'], channel: ['chat'], mentions: ['delivery'], agentKnows: 'it was our mistake',
    });
  });

  it('says exactly where and what is wrong', () => {
    expect(errors({ contacts: 2 })).toEqual(['/phrases/0/when/contacts "contacts" must be text comparing the number of contacts, like ">=2" (wrote before) or "1" (first contact), not a number.']);
    expect(errors({ contacts: 'twice' })[0]).toMatch(/^\/phrases\/0\/when\/contacts .*not "twice"/);
    expect(errors({ waited: 'yes' })).toEqual(['/phrases/0/when/waited "waited" must be true or false (without quotes), not text.']);
    expect(errors({ cue: ['frustration', 'anger'] })).toEqual(['/phrases/0/when/cue/1 Unknown cue "anger". Use one of: frustration, waiting, urgency, happy.']);
    expect(errors({ cue: 'frustraton' })[0]).toMatch(/^\/phrases\/0\/when\/cue Unknown cue "frustraton"\. Did you mean "frustration"\?/);
    expect(errors({ fact: [] })[0]).toMatch(/^\/phrases\/0\/when\/fact "fact" is an empty list/);
    expect(errors({ channel: ['chat', 'chat'] })).toEqual(['/phrases/0/when/channel/1 "chat" is listed twice in "channel"; remove one.']);
    expect(errors({ mentions: ['delivery', ''] })[0]).toMatch(/^\/phrases\/0\/when\/mentions\/1 /);
    expect(errors({ agentKnows: '  ' })[0]).toMatch(/^\/phrases\/0\/when\/agentKnows /);
    expect(errors({ waitedd: true })).toEqual(['/phrases/0/when/waitedd Unknown field "waitedd" in "when". Did you mean "waited"?']);
    expect(errors({})).toEqual(['/phrases/0/when "when" is empty; add a condition like {"contacts": ">=2"} or remove it.']);
    expect(errors('contacts >= 2')[0]).toMatch(/^\/phrases\/0\/when "when" must be an object/);
  });

  it('reads own fields only: nothing inherited counts as a condition', () => {
    const inherited = Object.create({ contacts: '>=2' }) as Record<string, unknown>;
    inherited.waited = true;
    const r = validatePack(withWhen(inherited));
    expect(r.ok && r.pack.phrases[0]!.when).toEqual({ waited: true });
    const proto = parsePack(JSON.stringify(withWhen({})).replace('"when":{}', '"when":{"__proto__":{"contacts":">=2"}}'));
    expect(proto.ok).toBe(false);
    if (!proto.ok) expect(proto.errors[0]!.path).toBe('/phrases/0/when/__proto__');
  });

  it('gives line and column for a bad condition in a file', () => {
    const text = JSON.stringify(withWhen({ contacts: 'often' }), null, 2);
    const r = parsePack(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"often"')) + 1;
    expect(r.errors[0]).toMatchObject({ path: '/phrases/0/when/contacts', line });
  });
});

describe('pack diffs', () => {
  it('count a phrase whose conditions changed as changed', () => {
    const v1: Pack = { schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases: [{ id: 'a', step: 'greet', text: 'Thanks for waiting!' }, { id: 'b', step: 'greet', text: 'Hi', when: { firstReply: true } }] };
    const v2: Pack = { ...v1, version: '1.1.0', phrases: [{ id: 'a', step: 'greet', text: 'Thanks for waiting!', when: { waited: true } }, { id: 'b', step: 'greet', text: 'Hi', when: { firstReply: true } }] };
    expect(diffPacks(v1, v2)).toEqual({ added: [], removed: [], changed: ['a'] });
  });
});

describe('packs lint on asserted facts', () => {
  const pack = (phrases: Phrase[]): Pack => ({ schema: 1, id: 'x', name: 'x', version: '1.0.0', locale: 'en', phrases });
  const lintOf = (text: string, when?: PhraseWhen) => lintPack(pack([{ id: 'a', step: 'empathize', text, ...(when ? { when } : {}) }])).filter((i) => i.message.startsWith('Says'));

  it.each([
    ["I'm sorry you've had to reach out {{ticket.contacts|again}} about this.", 'they got in touch before', 'contacts'],
    ['Welcome back, Sam!', 'they got in touch before', 'contacts'],
    ['Thanks for waiting, I am here now.', 'they waited', 'waited'],
    ["I'm sorry for the delay in getting back to you.", 'they waited', 'waited'],
    ['This was our mistake, and I am sorry.', 'we made a mistake', 'agentKnows'],
    ["I'm checking your order now.", 'there is an order or a delivery', 'fact'],
  ] as const)('flags %j until it has a condition', (text, fact, key) => {
    const found = lintOf(text);
    expect(found.map((i) => i.message)).toEqual([expect.stringContaining(`Says ${fact}, but has no condition for it`)]);
    expect(found[0]!.path).toBe('/phrases/0/text');
    const when = { contacts: { contacts: '>=2' }, waited: { waited: true }, agentKnows: { agentKnows: 'we got it wrong' }, fact: { fact: ['order' as const] } }[key];
    expect(lintOf(text, when)).toEqual([]);
  });

  it('asks for the condition that answers the fact, not just any', () => {
    expect(lintOf('Thanks for waiting!', { channel: ['chat'] }).length).toBe(1);
    expect(lintOf('Thanks for waiting!', { cue: ['frustration'] }).length).toBe(1);
    expect(lintOf('Thanks for waiting!', { cue: ['waiting'] })).toEqual([]);
  });

  it.each([
    'Could you share your order number?',
    "You won't need to explain anything again.",
    'Thank you for your patience today. Take care!',
    'If you need us again, mention this ticket.',
    'That makes complete sense.',
  ])('leaves %j alone', (text) => {
    expect(lintOf(text)).toEqual([]);
  });
});

describe('search follows the facts', () => {
  const phrases: IndexedPhrase[] = [
    { id: 'email-sorry', key: 'p/email-sorry', step: 'apologize', text: "Hi,\n\nI'm sorry it took so long.", channels: ['email'] },
    { id: 'repeat-sorry', key: 'p/repeat-sorry', step: 'empathize', text: "I'm sorry you've had to write again." },
    { id: 'chat-sorry', key: 'p/chat-sorry', step: 'apologize', text: "I'm sorry about this.", channels: ['chat'] },
    { id: 'plain-sorry', key: 'p/plain-sorry', step: 'apologize', text: 'Sorry for the trouble.' },
  ];
  const index = buildPhraseIndex(phrases);
  const ids = (q: string, ctx = {}) => searchPhrases(index, q, ctx).map((p) => p.id);

  it('does not lead a chat search with email-formatted lines, whatever the match', () => {
    expect(ids('sorry', { channel: 'chat', step: 'apologize' })).toEqual(['chat-sorry', 'plain-sorry', 'repeat-sorry', 'email-sorry']);
    expect(ids("i'm sorry it took so long", { channel: 'chat' }).at(-1)).toBe('email-sorry');
    expect(ids('sorry', { channel: 'email', step: 'apologize' })[0]).toBe('email-sorry');
  });

  it('ranks lines whose conditions hold before those that assume something, which stay findable', () => {
    const unmet = new Set(['p/chat-sorry']);
    expect(ids('sorry', { channel: 'chat', step: 'apologize', unmet })).toEqual(['plain-sorry', 'repeat-sorry', 'email-sorry', 'chat-sorry']);
    expect(ids('sorry about', { channel: 'chat', unmet })).toEqual(['chat-sorry']);
    // The empty query (the step list) puts them last too; the panel leaves them out of it.
    expect(ids('', { step: 'apologize', unmet }).at(-1)).toBe('chat-sorry');
    // A new set is read afresh, not from the cache of the last one.
    expect(ids('sorry', { channel: 'chat', step: 'apologize', unmet: new Set(['p/plain-sorry']) }).at(-1)).toBe('plain-sorry');
  });
});
