// What each cue suggests, in one line the agent can read at a glance. Pure: text only.
import type { Cue } from '../../core/cues';
import { contactsInWords } from '../../core/placeholders';
import type { TicketContext } from '../../core/ticket';
import { ticketFacts, type TicketFacts } from '../../core/ticket-facts';

export const CUE_LABELS: Readonly<Record<Cue['kind'], string>> = {
  frustration: 'Frustrated',
  waiting: 'Waiting',
  urgency: 'Urgent',
  happy: 'Happy',
};

/** A suggestion that names the exact situation, from the ticket's facts (the same ones the card and phrases use). */
export function cueHint(cue: Cue, ticket: TicketContext, facts: Pick<TicketFacts, 'contacts'> = ticketFacts(ticket)): string {
  const name = ticket.customer?.firstName;
  const about = ticket.subject ? ' about this' : '';
  switch (cue.kind) {
    case 'frustration': {
      const times = contactsInWords(facts.contacts.count);
      if (times) return `Name it first: "I'm sorry you've had to write to us ${times}${about}."`;
      return `Name it first: "I can see why this is frustrating${name ? `, ${name}` : ''}, and I'm sorry."`;
    }
    case 'waiting':
      return `Start with: "Thanks for waiting${name ? `, ${name}` : ''}. I appreciate your patience."`;
    case 'urgency':
      return 'Note what they need and by when, and say when you will act.';
    case 'happy':
      return `Close warmly: "It was a pleasure to help${name ? `, ${name}` : ''}."`;
  }
}
