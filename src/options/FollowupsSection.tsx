// Every open "check back" reminder on this device, due ones first.
import { t } from '../i18n';
import { dueText } from '../ui-words';
import { effectiveDueAt } from '../storage/followups-repo';
import { useFollowups } from '../panel/coaching/use-followups';
import { queueWrite } from '../storage/write-queue';
import { isWebUrl, openTicketUrl } from '../open-ticket';

export function FollowupsSection() {
  const view = useFollowups();
  const all = [...view.due.map((f) => ({ f, due: true })), ...view.upcoming.map((f) => ({ f, due: false }))];
  const now = new Date(view.now);
  return (
    <section class="card" aria-labelledby="followups-options-title" id="follow-ups">
      <h3 id="followups-options-title">{t('sectionFollowups')}</h3>
      <p class="small muted">{t('followupsIntro')}</p>
      {view.error && <p class="notice error" role="alert">{view.error}</p>}
      {all.length === 0 ? (
        <p class="small muted">{t('followupsNone')}</p>
      ) : (
        <table class="list" aria-label={t('sectionFollowups')}>
          <thead>
            <tr><th>{t('colTicket')}</th><th>{t('followupReason')}</th><th>{t('colWhen')}</th><th><span class="visually-hidden">{t('colActions')}</span></th></tr>
          </thead>
          <tbody>
            {all.map(({ f, due }) => (
              <tr key={f.id}>
                <td>
                  {isWebUrl(f.url) ? (
                    <a href={f.url} target="_blank" rel="noopener noreferrer" onClick={(e) => { e.preventDefault(); void openTicketUrl(f.url); }}>{f.subject || f.key}</a>
                  ) : (
                    f.subject || f.key
                  )}
                </td>
                <td>{f.reason}</td>
                <td>{due ? t('followupDueList', dueText(effectiveDueAt(f), now)) : dueText(effectiveDueAt(f), now)}</td>
                <td class="row">
                  <button type="button" aria-label={t('followupMarkDoneLabel', f.subject || f.key)} onClick={() => void queueWrite({ kind: 'followup/done', id: f.id })}>{t('commonDone')}</button>
                  <button type="button" aria-label={t('followupDeleteLabel', f.subject || f.key)} onClick={() => void queueWrite({ kind: 'followup/remove', id: f.id })}>{t('commonDelete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
