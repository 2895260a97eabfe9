// The cues for the ticket in front of the agent, kept fresh: on every ticket change, and on a
// slow tick so the "waiting" cue appears once the customer has waited past the threshold.
import { useMemo, useRef } from 'preact/hooks';
import { DEFAULT_CUE_RULES, detectCues, type Cue, type CueInput, type CueRules } from '../../core/cues';
import { shareCompiledCues } from '../../core/cues/detect';
import type { TicketContext } from '../../core/ticket';
import { rulesRead } from '../../core/phrase-language';
import { contactsOf, ticketFacts, type TicketFacts } from '../../core/ticket-facts';
import { DEFAULT_SETTINGS } from '../../settings';
import { useTick } from './use-tick';

/** How often the cues are re-read while a ticket is open, so "waiting" shows soon after the threshold. */
export const CUE_TICK_MS = 5_000;

/** The agent's waiting threshold on top of the (pack or default) rules. */
export function rulesWithWaitingThreshold(rules: CueRules, waitingSeconds: number): CueRules {
  if (rules.waiting.afterSeconds === waitingSeconds) return rules;
  const derived = { ...rules, waiting: { ...rules.waiting, afterSeconds: waitingSeconds } };
  shareCompiledCues(rules, derived);
  return derived;
}

/** What the agent-reply count was when the customer's latest message was first seen. */
export interface ReplyBaseline {
  key: string;
  at: number | undefined;
  agentMessages: number | undefined;
}

/**
 * The next baseline: it moves whenever the ticket or the customer's latest message changes, so
 * replies are only counted after that message.
 */
export function nextReplyBaseline(prev: ReplyBaseline | undefined, ticket: TicketContext): ReplyBaseline {
  if (prev && prev.key === ticket.key && prev.at === ticket.lastCustomerMessageAt) {
    // The count may only have become known later (the pane rendered after the URL changed).
    return prev.agentMessages === undefined && ticket.agentMessages !== undefined ? { ...prev, agentMessages: ticket.agentMessages } : prev;
  }
  return { key: ticket.key, at: ticket.lastCustomerMessageAt, agentMessages: ticket.agentMessages };
}

/**
 * Whether an agent replied after the customer's latest message. The desk says so when it can
 * (`lastFromCustomer`); otherwise only counts are known, so a reply is seen when the agent count
 * grew while the customer's latest message stayed the same.
 */
export function agentRepliedSince(baseline: ReplyBaseline, ticket: TicketContext): boolean {
  if (ticket.lastFromCustomer !== undefined) return !ticket.lastFromCustomer;
  return baseline.agentMessages !== undefined && ticket.agentMessages !== undefined && ticket.agentMessages > baseline.agentMessages;
}

/** `readMessage` false: the rules cannot read the message's language, so only what needs no words counts. */
export function cueInputFor(ticket: TicketContext, now: number, replied: boolean, readMessage = true): CueInput {
  return {
    message: readMessage ? ticket.lastCustomerMessage : undefined,
    // The ticket's one contact count (their words when they say more than the desk shows), so the
    // cue's "They have written 3 times" is the number the card and the phrases give.
    customerMessages: contactsOf(ticket).count,
    channel: ticket.channel,
    lastCustomerMessageAt: ticket.lastCustomerMessageAt,
    agentRepliedSince: replied,
    now,
  };
}

export interface CueOptions {
  /** The agent's chat waiting threshold (settings). */
  waitingSeconds?: number;
  /** Pins the clock (tests); without it the hook re-reads every CUE_TICK_MS. */
  now?: number;
  /** A pack's cue rules in place of the defaults. */
  rules?: CueRules;
  /** The language of the customer's latest message, when known ("es"). */
  messageLanguage?: string;
}

export interface CuesAndFacts {
  cues: Cue[];
  facts: TicketFacts;
  /**
   * The message's language when the cue rules cannot read it ("es" for English rules): the cues then
   * come only from what needs no words (how often they wrote, how long they have waited).
   */
  unread?: string;
}

/** Cues and facts for `ticket`, read at the same moment with the same thresholds, fresh on every report and as time passes. */
export function useCuesAndFacts(
  ticket: TicketContext,
  { waitingSeconds = DEFAULT_SETTINGS.waitingSeconds, now, rules = DEFAULT_CUE_RULES.en!, messageLanguage }: CueOptions = {},
): CuesAndFacts {
  const tick = useTick(now === undefined ? CUE_TICK_MS : null);
  const baseline = useRef<ReplyBaseline>();
  baseline.current = nextReplyBaseline(baseline.current, ticket);
  const replied = agentRepliedSince(baseline.current, ticket);
  const effective = useMemo(() => rulesWithWaitingThreshold(rules, waitingSeconds), [rules, waitingSeconds]);
  const { lastCustomerMessage, customerMessages, agentMessages, subject, channel, lastCustomerMessageAt, lastFromCustomer, key } = ticket;
  const unread = rulesRead(messageLanguage, effective.locale) ? undefined : messageLanguage;
  return useMemo(
    () => {
      const at = now ?? Date.now();
      // Facts stay: their words are numbers, amounts, dates and addresses, the same in any language.
      const facts = ticketFacts(ticket, { now: at, agentRepliedSince: replied, waiting: effective.waiting });
      try {
        return { cues: detectCues(cueInputFor(ticket, at, replied, !unread), effective), facts, unread };
      } catch (err) {
        // Cue rules come from packs: if they still break detection, the panel goes on without cues.
        console.warn('[Person First] cues', err);
        return { cues: [], facts, unread };
      }
    },
    // The ticket object is replaced on every report; only these fields change the cues and facts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, lastCustomerMessage, customerMessages, agentMessages, subject, channel, lastCustomerMessageAt, lastFromCustomer, replied, effective, now, tick, unread],
  );
}

/** Cues for `ticket`, fresh on every ticket report and as time passes. */
export function useCues(ticket: TicketContext, options: CueOptions = {}): Cue[] {
  return useCuesAndFacts(ticket, options).cues;
}
