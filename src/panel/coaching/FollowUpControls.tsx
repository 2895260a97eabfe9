// "Check back", at Summarize: the agent picks when (in 2 hours, tomorrow, in 3 days, a date) with
// a one-line reason. It is stored with the ticket (and a line goes into the ticket's notes), and
// comes back as a notification when due. Plus the optional "check in when there is no problem"
// reminder after a solved ticket.
import { useState } from 'preact/hooks';
import { checkInAfterSolve, describeDue, dueAtFor, FOLLOW_UP_PRESETS, FollowUpDateError, isoDay, type FollowUpChoice } from '../../core/followup-time';
import type { TicketContext } from '../../core/ticket';
import { effectiveDueAt, newFollowupRecord } from '../../storage/followups-repo';
import { queueWrite } from '../../storage/write-queue';
import { appendToNotes } from '../notes-bus';
import { useFollowups } from './use-followups';

const MAX_REASON = 200;
export const DEFAULT_REASON = 'Check back with the customer';

const PRESET_NAMES: Readonly<Record<string, string>> = {
  'in-2-hours': 'Check back in 2 hours',
  tomorrow: 'Check back tomorrow',
  'in-3-days': 'Check back in 3 days',
};

interface Props {
  ticket: TicketContext;
  /** Offer "check in when there is no problem" (the agent's setting, and the ticket is solved). */
  offerCheckIn?: boolean;
  /** What the agent could write when the check-in comes back: the pack's check-in phrases, filled. */
  checkInPhrases?: readonly string[];
}

export function FollowUpControls({ ticket, offerCheckIn = false, checkInPhrases = [] }: Props) {
  const set = useFollowups(ticket.key);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checkInSet, setCheckInSet] = useState(false);

  const save = async (dueAt: number, text: string) => {
    const line = text.slice(0, MAX_REASON);
    await queueWrite({ kind: 'followup/add', record: newFollowupRecord({ key: ticket.key, url: ticket.url, subject: ticket.subject, reason: line, dueAt }) });
    appendToNotes(`Follow-up (${new Date(dueAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}): ${line}`);
  };

  const checkBack = async (choice: FollowUpChoice) => {
    setError(null);
    setNotice(null);
    const now = new Date();
    let dueAt: number;
    try {
      dueAt = dueAtFor(choice, now);
    } catch (err) {
      if (err instanceof FollowUpDateError) return setError(err.message);
      throw err;
    }
    try {
      await save(dueAt, reason.trim() || DEFAULT_REASON);
      setReason('');
      setDate('');
      setNotice(`I will remind you ${describeDue(dueAt, now)}.`);
    } catch (err) {
      setError(`The follow-up was not saved: ${(err as Error).message}`);
    }
  };

  const checkIn = async () => {
    setError(null);
    const { dueAt, reason: text } = checkInAfterSolve(new Date());
    try {
      await save(dueAt, text);
      setCheckInSet(true);
    } catch (err) {
      setError(`The reminder was not saved: ${(err as Error).message}`);
    }
  };

  const mine = [...set.due, ...set.upcoming];
  const now = new Date(set.now);

  return (
    <section class="followup-controls" aria-labelledby="check-back-title">
      <h2 id="check-back-title">Check back</h2>
      <label class="field">
        Reason
        <input type="text" maxLength={MAX_REASON} value={reason} placeholder="One line: what to check" onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div class="row">
        {FOLLOW_UP_PRESETS.map((p) => (
          <button key={p.choice} type="button" aria-label={PRESET_NAMES[p.choice]} onClick={() => void checkBack(p.choice)}>
            {p.label}
          </button>
        ))}
      </div>
      <form
        class="row"
        // Our message says what is wrong with the date, more plainly than the browser's bubble.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (date) void checkBack({ date });
          else setError('Pick a date first.');
        }}
      >
        <label class="field">
          On a date
          <input type="date" min={isoDay(now)} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <button type="submit">Check back on this date</button>
      </form>
      {error && <p class="notice error" role="alert">{error}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}
      {mine.length > 0 && (
        <ul class="followups-here" aria-label="Follow-ups for this ticket">
          {mine.map((f) => (
            <li key={f.id}>
              <span>{f.reason}</span> <span class="small muted">({describeDue(effectiveDueAt(f), now)})</span>
            </li>
          ))}
        </ul>
      )}
      {offerCheckIn && (
        <div class="check-in">
          {checkInSet ? (
            <>
              <p class="notice" role="status">I will remind you to check in. When it comes back, you could write:</p>
              {checkInPhrases.length > 0 && (
                <ul class="small" aria-label="Check-in phrases">
                  {checkInPhrases.map((p) => <li key={p}>{p}</li>)}
                </ul>
              )}
            </>
          ) : (
            <button type="button" onClick={() => void checkIn()}>Check in when there is no problem</button>
          )}
        </div>
      )}
    </section>
  );
}
