// One set of facts per ticket. The ticket card, the cue hints, phrase conditions and placeholders
// all read these, so one screen never gives two numbers ("message 2" beside "3 times"), and every
// fact keeps its basis: what the desk shows, or what the customer said.
import { extractKeyFacts, type KeyFact, type KeyFactKind } from './key-facts';
import { tokenize } from './search';
import { findStatedContacts } from './stated-contacts';
import type { Channel, TicketContext } from './ticket';

export interface ContactsFact {
  /** Times the customer has been in touch, this time included: the larger of `shown` and `stated`. Unknown when neither says. */
  count?: number;
  /** Their messages the desk shows in this conversation. */
  shown?: number;
  /** What they said ("third time I write"), when they said it. */
  stated?: { count: number; quote: string };
  /** Where `count` comes from: their words win when they say more than the desk shows. */
  basis?: 'desk' | 'customer';
}

export interface WaitFact {
  waited: boolean;
  /** How long their latest message has gone unanswered, when the desk shows its time. */
  unansweredMs?: number;
  /** Why `waited` is true: the desk's clock, or their own words. */
  basis?: 'desk' | 'customer';
  /** Their words, when they told of the wait: "still waiting", "on hold for two hours". */
  quote?: string;
}

export interface TicketFacts {
  contacts: ContactsFact;
  wait: WaitFact;
  /** The next agent reply is the first one: true or false when the desk counts agent replies, else unknown. */
  firstReply?: boolean;
  channel?: Channel;
  /** Order numbers, amounts, dates… in the subject and their latest message, in that order. */
  found: KeyFact[];
  /** The customer's words (subject and latest message) as " token token ", for whole-word look-ups. */
  words: string;
}

export interface FactsOptions {
  /** Epoch ms; passed in so deriving facts never reads the clock. Without it nothing has waited by the desk's clock. */
  now?: number;
  /** An agent replied after the customer's latest message. */
  agentRepliedSince?: boolean;
  /** Chat-like channels count a wait after `afterSeconds` (the agent's setting, as the waiting cue does). */
  waiting?: { channels: readonly string[]; afterSeconds: number };
  /** Other channels (email) count a wait after this long unanswered. */
  slowChannelWaitMs?: number;
}

/** An email unanswered for half a working day has been waited on; one that came in ten minutes ago has not. */
export const SLOW_CHANNEL_WAIT_MS = 4 * 60 * 60 * 1000;
const DEFAULT_WAITING = { channels: ['chat', 'messaging'] as Channel[], afterSeconds: 60 };

// Waits the customer tells of. Precision over recall: a wrong "thanks for waiting" is worse than none.
const STATED_WAIT = [
  /\b(?:still|been|keep|kept)\s+(?:\w+\s+){0,2}?waiting\b/i,
  /\b(?:i'm|im|i am|we're|we are)\s+waiting\b/i,
  /\bwaited\b(?:\s+\w+){0,4}/i,
  /\bon hold\b(?:\s+for\s+[\w\s]{1,25}?\b(?:minutes?|hours?|days?|ages|forever))?/i,
  /\b(?:no|not a single|not one)\s+(?:reply|replies|response|responses|answer|answers)\b/i,
  /\b(?:haven't|have not|hasn't|has not|never|didn't|did not)\s+(?:heard|got|gotten|received)\s+(?:back|a reply|a response|an answer|anything)\b/i,
  // "still no refund", "still haven't heard": still without what they wait for; "still not working" is another matter.
  /\bstill\s+(?:no|nothing|not\s+(?:heard|received|got)|(?:haven't|have not)\s+(?:heard|received|got(?:ten)?)|(?:hasn't|has not)\s+(?:arrived|come|been\s+(?:refunded|sent|delivered|shipped)))\b(?:\s+\w+){0,3}/i,
  /\b(?:nobody|no one|no-one)\s+(?:has\s+)?(?:got|gotten|replied|answered|responded|came|come)\b(?:\s+back)?/i,
];
const NOT_A_WAIT = /\b(?:no rush|no hurry|don't mind waiting|do not mind waiting|happy to wait|can wait|no need to wait)\b/i;

/** Their words for a wait, if they told of one. */
export function statedWait(message: string | undefined): string | undefined {
  if (!message || NOT_A_WAIT.test(message)) return undefined;
  let best: RegExpExecArray | null = null;
  for (const re of STATED_WAIT) {
    const m = re.exec(message);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best ? best[0].trim().replace(/[\s,.;:!?]+$/, '') : undefined;
}

export function contactsOf(ticket: Pick<TicketContext, 'customerMessages' | 'lastCustomerMessage'>): ContactsFact {
  const shown = ticket.customerMessages && ticket.customerMessages > 0 ? ticket.customerMessages : undefined;
  const stated = findStatedContacts(ticket.lastCustomerMessage);
  if (stated && stated.count >= (shown ?? 0)) return { count: stated.count, shown, stated, basis: 'customer' };
  if (shown !== undefined) return stated ? { count: shown, shown, stated, basis: 'desk' } : { count: shown, shown, basis: 'desk' };
  return {};
}

function waitOf(ticket: TicketContext, o: FactsOptions): WaitFact {
  const { now, agentRepliedSince } = o;
  const replied = ticket.lastFromCustomer !== undefined ? !ticket.lastFromCustomer : !!agentRepliedSince;
  const unansweredMs = now !== undefined && ticket.lastCustomerMessageAt !== undefined && !replied ? Math.max(0, now - ticket.lastCustomerMessageAt) : undefined;
  const waiting = o.waiting ?? DEFAULT_WAITING;
  const chatLike = !!ticket.channel && waiting.channels.includes(ticket.channel);
  const after = chatLike ? waiting.afterSeconds * 1000 : o.slowChannelWaitMs ?? SLOW_CHANNEL_WAIT_MS;
  const quote = replied ? undefined : statedWait(ticket.lastCustomerMessage);
  // Their words come first: "on hold for two hours" says more than the minutes since their last line.
  if (quote) return unansweredMs === undefined ? { waited: true, basis: 'customer', quote } : { waited: true, basis: 'customer', quote, unansweredMs };
  if (unansweredMs !== undefined && unansweredMs >= after) return { waited: true, basis: 'desk', unansweredMs };
  return unansweredMs === undefined ? { waited: false } : { waited: false, unansweredMs };
}

function foundFacts(ticket: TicketContext): KeyFact[] {
  const out: KeyFact[] = [];
  const seen = new Set<string>();
  for (const f of [...extractKeyFacts(ticket.subject), ...extractKeyFacts(ticket.lastCustomerMessage)]) {
    const key = `${f.kind}:${f.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/** The ticket's facts. Pure: the clock and the agent's thresholds come in as options. */
export function ticketFacts(ticket: TicketContext, options: FactsOptions = {}): TicketFacts {
  const facts: TicketFacts = {
    contacts: contactsOf(ticket),
    wait: waitOf(ticket, options),
    found: foundFacts(ticket),
    words: ` ${tokenize(`${ticket.subject ?? ''} ${ticket.lastCustomerMessage ?? ''}`).join(' ')} `,
  };
  if (ticket.agentMessages !== undefined) facts.firstReply = ticket.agentMessages === 0;
  if (ticket.channel) facts.channel = ticket.channel;
  return facts;
}

/** The first fact of a kind, as the customer wrote it ("#1042" for "order #1042"). */
export function firstFound(facts: Pick<TicketFacts, 'found'>, kind: KeyFactKind): string | undefined {
  const f = facts.found.find((x) => x.kind === kind);
  if (!f) return undefined;
  if (kind !== 'order') return f.text;
  // "order #1042" → "#1042": the reference alone reads right after "order" in a phrase.
  return /#?[A-Za-z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*$/.exec(f.text)?.[0] ?? f.text;
}

/** Whether the customer's words (subject or latest message) contain this word or phrase, whole words only. */
export function mentions(facts: TicketFacts, phrase: string): boolean {
  const tokens = tokenize(phrase);
  return tokens.length > 0 && facts.words.includes(` ${tokens.join(' ')} `);
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "3rd contact — they said "third time"", or "2nd contact — 2 messages from them here"; nothing for a first contact. */
export function describeContacts(c: ContactsFact): string | undefined {
  if (c.count === undefined || c.count < 2) return undefined;
  if (c.basis === 'customer' && c.stated) return `${ordinal(c.count)} contact — they said "${c.stated.quote}"`;
  return `${ordinal(c.count)} contact — ${c.count} messages from them here`;
}
