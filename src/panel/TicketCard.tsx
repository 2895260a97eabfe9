import type { WindowTicket } from '../core/follow';
import { contactsOf } from '../core/ticket-facts';
import { t, type MessageKey } from '../i18n';
import { contactsText, healthText } from '../ui-words';

const CHANNEL_LABEL = { chat: 'channelChat', email: 'channelEmail', messaging: 'channelMessaging', phone: 'channelPhone', other: 'channelOther' } as const satisfies Record<string, MessageKey>;

/** The followed ticket, every field rendered as text (never HTML). */
export function TicketCard({ shown, deskName, onOpenTab }: { shown: WindowTicket & { ticket: NonNullable<WindowTicket['ticket']> }; deskName: string; onOpenTab(): void }) {
  const tk = shown.ticket;
  // The same count the cues and phrases use, with its basis: "3rd contact — they said "third time"".
  const contacts = contactsText(contactsOf(tk));
  const health = healthText(tk);
  return (
    <section class="ticket" aria-label={t('ticketLabel')} data-ticket-id={tk.ticketId}>
      <p class="ticket-meta">
        <span>{deskName}</span><span aria-hidden="true">·</span><span>{t('ticketNumber', tk.number ?? tk.ticketId)}</span>
        {tk.channel && <span class="chip">{t(CHANNEL_LABEL[tk.channel])}</span>}
      </p>
      <h1 class="ticket-subject">{tk.subject ?? t('ticketNumber', tk.number ?? tk.ticketId)}</h1>
      {tk.customer && (
        <p class="ticket-customer">
          {tk.customer.name && <span class="name">{tk.customer.name}</span>}
          {tk.customer.email && <span class="muted"> &lt;{tk.customer.email}&gt;</span>}
        </p>
      )}
      {shown.inOtherTab && (
        <p class="in-other-tab" role="note">
          {t('ticketInOtherTab')} <button type="button" class="link" onClick={onOpenTab}>{t('ticketGoToIt')}</button>
        </p>
      )}
      {tk.lastCustomerMessage && (
        <figure class="last-message">
          <figcaption>
            {tk.customer?.firstName ? t('ticketLatestFrom', tk.customer.firstName) : t('ticketLatestFromCustomer')}
            {contacts ? ` (${contacts})` : ''}
          </figcaption>
          <blockquote>{tk.lastCustomerMessage}</blockquote>
        </figure>
      )}
      {health && (
        <p class="muted small" role="note">
          {health} <button type="button" class="link" onClick={() => void chrome.runtime.openOptionsPage()}>{t('ticketCheckInOptions')}</button>
        </p>
      )}
    </section>
  );
}
