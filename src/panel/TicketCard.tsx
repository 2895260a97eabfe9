import { healthLine } from '../core/desk-health';
import type { WindowTicket } from '../core/follow';
import { contactsOf, describeContacts } from '../core/ticket-facts';

const CHANNEL_LABEL: Record<string, string> = { chat: 'Chat', email: 'Email', messaging: 'Messaging', phone: 'Phone', other: 'Other' };

/** The followed ticket, every field rendered as text (never HTML). */
export function TicketCard({ shown, deskName, onOpenTab }: { shown: WindowTicket & { ticket: NonNullable<WindowTicket['ticket']> }; deskName: string; onOpenTab(): void }) {
  const t = shown.ticket;
  // The same count the cues and phrases use, with its basis: "3rd contact — they said "third time"".
  const contacts = describeContacts(contactsOf(t));
  const health = healthLine(t);
  return (
    <section class="ticket" aria-label="Current ticket" data-ticket-id={t.ticketId}>
      <p class="ticket-meta">
        <span>{deskName}</span><span aria-hidden="true">·</span><span>Ticket #{t.number ?? t.ticketId}</span>
        {t.channel && <span class="chip">{CHANNEL_LABEL[t.channel]}</span>}
      </p>
      <h1 class="ticket-subject">{t.subject ?? `Ticket #${t.number ?? t.ticketId}`}</h1>
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
      {health && (
        <p class="muted small" role="note">
          {health} <button type="button" class="link" onClick={() => void chrome.runtime.openOptionsPage()}>Check it in options</button>
        </p>
      )}
    </section>
  );
}
