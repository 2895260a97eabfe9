// Due and upcoming follow-ups across all tickets: open the ticket, snooze or mark done in one click.
import { dueAtFor } from '../../core/followup-time';
import { t } from '../../i18n';
import { dueText } from '../../ui-words';
import type { FollowupRecord } from '../../storage/db';
import { effectiveDueAt } from '../../storage/followups-repo';
import { isWebUrl, openTicketUrl } from '../../open-ticket';
import { queueWrite } from '../../storage/write-queue';
import { useFollowups } from './use-followups';

const HOUR = 3_600_000;

export function ticketLabel(f: Pick<FollowupRecord, 'subject' | 'key'>): string {
  return f.subject?.trim() || t('followupTicket', f.key.split(':').pop() ?? f.key);
}

interface Props {
  /** Opens a ticket; the extension brings its tab to the front. */
  open?: (url: string) => Promise<void>;
}

export function FollowUpList({ open = openTicketUrl }: Props) {
  const view = useFollowups();
  const now = new Date(view.now);

  const row = (f: FollowupRecord, due: boolean) => (
    <li key={f.id} class={`followup${due ? ' due' : ''}`}>
      <a
        href={isWebUrl(f.url) ? f.url : undefined}
        onClick={(e) => {
          e.preventDefault();
          void open(f.url);
        }}
      >
        {ticketLabel(f)}
      </a>
      <span class="followup-reason">{f.reason}</span>
      <span class="small muted">{t(due ? 'followupDue' : 'followupUpcoming', dueText(effectiveDueAt(f), now))}</span>
      <span class="row">
        <button type="button" onClick={() => void queueWrite({ kind: 'followup/snooze', id: f.id, until: Date.now() + HOUR })}>{t('followupSnoozeHour')}</button>
        <button type="button" onClick={() => void queueWrite({ kind: 'followup/snooze', id: f.id, until: dueAtFor('tomorrow', new Date()) })}>{t('followupSnoozeTomorrow')}</button>
        <button type="button" onClick={() => void queueWrite({ kind: 'followup/done', id: f.id })}>{t('commonDone')}</button>
      </span>
    </li>
  );

  return (
    <section class="followup-list" aria-labelledby="followups-title">
      <h2 id="followups-title">{t('sectionFollowups')}</h2>
      {view.error && <p class="notice error" role="alert">{view.error}</p>}
      {view.loaded && !view.due.length && !view.upcoming.length && <p class="small muted">{t('followupsNone')}</p>}
      {(view.due.length > 0 || view.upcoming.length > 0) && (
        <ul aria-label={t('sectionFollowups')}>
          {view.due.map((f) => row(f, true))}
          {view.upcoming.map((f) => row(f, false))}
        </ul>
      )}
    </section>
  );
}
