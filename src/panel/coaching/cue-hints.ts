// What each cue suggests, in one line the agent can read at a glance. Pure: text only.
import type { Cue } from '../../core/cues';
import type { TicketContext } from '../../core/ticket';
import { ticketFacts, type TicketFacts } from '../../core/ticket-facts';
import { t, type MessageKey } from '../../i18n';

const CUE_LABEL_KEYS = {
  frustration: 'cueFrustrated',
  waiting: 'cueWaiting',
  urgency: 'cueUrgent',
  happy: 'cueHappy',
} as const satisfies Record<Cue['kind'], MessageKey>;

export const cueLabel = (kind: Cue['kind']): string => t(CUE_LABEL_KEYS[kind]);

/** A suggestion that names the exact situation, from the ticket's facts (the same ones the card and phrases use). */
export function cueHint(cue: Cue, ticket: TicketContext, facts: Pick<TicketFacts, 'contacts'> = ticketFacts(ticket)): string {
  const name = ticket.customer?.firstName;
  const about = !!ticket.subject;
  switch (cue.kind) {
    case 'frustration': {
      const count = facts.contacts.count;
      if (count !== undefined && Number.isFinite(count) && count >= 2) {
        const n = Math.floor(count);
        if (n === 2) return t(about ? 'hintRepeatTwiceAbout' : 'hintRepeatTwice');
        return t(about ? 'hintRepeatTimesAbout' : 'hintRepeatTimes', n);
      }
      return name ? t('hintFrustrationName', name) : t('hintFrustration');
    }
    case 'waiting':
      return name ? t('hintWaitingName', name) : t('hintWaiting');
    case 'urgency':
      return t('hintUrgency');
    case 'happy':
      return name ? t('hintHappyName', name) : t('hintHappy');
  }
}
