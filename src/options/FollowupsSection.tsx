// Every open "check back" reminder on this device, due ones first.
import { useEffect, useState } from 'preact/hooks';
import { describeDue } from '../core/followup-time';
import type { FollowupRecord } from '../storage/db';
import { effectiveDueAt } from '../storage/followups-repo';
import { followupsRepo } from '../panel/repos';
import { followupsChanged, onFollowupsChanged } from '../followups-signal';
import { isWebUrl, openTicketUrl } from '../open-ticket';

export function FollowupsSection() {
  const [rows, setRows] = useState<{ due: FollowupRecord[]; upcoming: FollowupRecord[]; now: number }>({ due: [], upcoming: [], now: Date.now() });
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const now = Date.now();
    const repo = await followupsRepo();
    const [due, upcoming] = await Promise.all([repo.due(now), repo.upcoming(now)]);
    setRows({ due, upcoming, now });
  };
  useEffect(() => {
    const reload = () => void load().catch((e: Error) => setError(e.message));
    reload();
    return onFollowupsChanged(reload);
  }, []);

  const act = async (change: (repo: Awaited<ReturnType<typeof followupsRepo>>) => Promise<unknown>) => {
    await change(await followupsRepo());
    followupsChanged();
  };

  const all = [...rows.due.map((f) => ({ f, due: true })), ...rows.upcoming.map((f) => ({ f, due: false }))];
  const now = new Date(rows.now);
  return (
    <section class="card" aria-labelledby="followups-options-title">
      <h2 id="followups-options-title">Follow-ups</h2>
      <p class="small muted">Reminders to check back on a ticket. They come back as a notification when due.</p>
      {error && <p class="notice error" role="alert">{error}</p>}
      {all.length === 0 ? (
        <p class="small muted">No follow-ups set.</p>
      ) : (
        <table class="list" aria-label="Follow-ups">
          <thead>
            <tr><th>Ticket</th><th>Reason</th><th>When</th><th /></tr>
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
                  <button type="button" aria-label={`Mark done: ${f.subject || f.key}`} onClick={() => void act((r) => r.done(f.id))}>Done</button>
                  <button type="button" aria-label={`Delete follow-up: ${f.subject || f.key}`} onClick={() => void act((r) => r.remove(f.id))}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
