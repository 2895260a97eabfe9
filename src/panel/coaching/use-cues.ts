// The cues for the ticket in front of the agent, kept fresh: on every ticket change, and on a
// slow tick so the "waiting" cue appears once the customer has waited past the threshold.
import { useMemo, useRef } from 'preact/hooks';
import { DEFAULT_CUE_RULES, detectCues, type Cue, type CueInput, type CueRules } from '../../core/cues';
import type { TicketContext } from '../../core/ticket';
import { useCoachingSettings } from './use-coaching-settings';
import { useTick } from './use-tick';

export const CUE_TICK_MS = 15_000;

/** The agent's waiting threshold on top of the (pack or default) rules. */
export function rulesWithWaitingThreshold(rules: CueRules, waitingSeconds: number): CueRules {
  if (rules.waiting.afterSeconds === waitingSeconds) return rules;
  return { ...rules, waiting: { ...rules.waiting, afterSeconds: waitingSeconds } };
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
 * Whether an agent replied after the customer's latest message. The ticket only carries counts,
 * so a reply is known when the agent count grew while the latest customer message stayed the
 * same; before that, the customer's message is taken to be the latest one (not replied).
 */
export function agentRepliedSince(baseline: ReplyBaseline, ticket: TicketContext): boolean {
  return baseline.agentMessages !== undefined && ticket.agentMessages !== undefined && ticket.agentMessages > baseline.agentMessages;
}

export function cueInputFor(ticket: TicketContext, now: number, replied: boolean): CueInput {
  return {
    message: ticket.lastCustomerMessage,
    customerMessages: ticket.customerMessages,
    channel: ticket.channel,
    lastCustomerMessageAt: ticket.lastCustomerMessageAt,
    agentRepliedSince: replied,
    now,
  };
}

/**
 * Cues for `ticket`. Pass `now` to pin the clock (tests); without it the hook ticks every 15 s.
 * `rules` lets a pack's cue rules replace the defaults.
 */
export function useCues(ticket: TicketContext, now?: number, rules: CueRules = DEFAULT_CUE_RULES.en!): Cue[] {
  const settings = useCoachingSettings();
  const tick = useTick(now === undefined ? CUE_TICK_MS : null);
  const baseline = useRef<ReplyBaseline>();
  baseline.current = nextReplyBaseline(baseline.current, ticket);
  const replied = agentRepliedSince(baseline.current, ticket);
  const effective = useMemo(() => rulesWithWaitingThreshold(rules, settings.waitingSeconds), [rules, settings.waitingSeconds]);
  const { lastCustomerMessage, customerMessages, channel, lastCustomerMessageAt, key } = ticket;
  return useMemo(
    () => detectCues(cueInputFor(ticket, now ?? Date.now(), replied), effective),
    // The ticket object is replaced on every report; only these fields change the cues.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, lastCustomerMessage, customerMessages, channel, lastCustomerMessageAt, replied, effective, now, tick],
  );
}
