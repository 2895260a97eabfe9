// Every open "check back" reminder on this device, due ones first.
import { describeDue } from '../core/followup-time';
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
      <h3 id="followups-options-title">Follow-ups</h3>
      <p class="small muted">Reminders to check back on a ticket. They come back as a notification when due.</p>
      {view.error && <p class="notice error" role="alert">{view.error}</p>}
      {all.length === 0 ? (
        <p class="small muted">No follow-ups set.</p>
      ) : (
        <table class="list" aria-label="Follow-ups">
          <thead>
            <tr><th>Ticket</th><th>Reason</th><th>When</th><th><span class="visually-hidden">Actions</span></th></tr>
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
                <td>{due ? 'Due, ' : ''}{describeDue(effectiveDueAt(f), now)}</td>
                <td class="row">
                  <button type="button" aria-label={`Mark done: ${f.subject || f.key}`} onClick={() => void queueWrite({ kind: 'followup/done', id: f.id })}>Done</button>
                  <button type="button" aria-label={`Delete follow-up: ${f.subject || f.key}`} onClick={() => void queueWrite({ kind: 'followup/remove', id: f.id })}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
