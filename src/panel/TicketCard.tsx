import type { WindowTicket } from '../core/follow';
import { contactsOf, describeContacts } from '../core/ticket-facts';

const CHANNEL_LABEL: Record<string, string> = { chat: 'Chat', email: 'Email', messaging: 'Messaging', phone: 'Phone', other: 'Other' };

/** The followed ticket, every field rendered as text (never HTML). */
export function TicketCard({ shown, deskName, onOpenTab }: { shown: WindowTicket & { ticket: NonNullable<WindowTicket['ticket']> }; deskName: string; onOpenTab(): void }) {
  const t = shown.ticket;
  // The same count the cues and phrases use, with its basis: "3rd contact — they said "third time"".
  const contacts = describeContacts(contactsOf(t));
  return (
    <section class="ticket" aria-label="Current ticket" data-ticket-id={t.ticketId}>
      <p class="ticket-meta">
        <span>{deskName}</span><span aria-hidden="true">·</span><span>Ticket #{t.ticketId}</span>
        {t.channel && <span class="chip">{CHANNEL_LABEL[t.channel]}</span>}
      </p>
      <h1 class="ticket-subject">{t.subject ?? `Ticket #${t.ticketId}`}</h1>
      {t.customer && (
        <p class="ticket-customer">
          {t.customer.name && <span class="name">{t.customer.name}</span>}
          {t.customer.email && <span class="muted"> &lt;{t.customer.email}&gt;</span>}
        </p>
      )}
      {shown.inOtherTab && (
        <p class="in-other-tab" role="note">
          This ticket is in another tab. <button type="button" class="link" onClick={onOpenTab}>Go to it</button>
        </p>
      )}
      {t.lastCustomerMessage && (
        <figure class="last-message">
          <figcaption>
            Latest from {t.customer?.firstName ?? 'the customer'}
            {contacts ? ` (${contacts})` : ''}
          </figcaption>
          <blockquote>{t.lastCustomerMessage}</blockquote>
        </figure>
      )}
      {t.missing && t.missing.length > 0 && (
        <p class="muted small" title={`Not found on the page: ${t.missing.join(', ')}`}>
          Some details could not be read from this page ({t.missing.join(', ')}).
        </p>
      )}
    </section>
  );
}
