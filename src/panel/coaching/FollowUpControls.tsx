// "Check back", at Summarize: the agent picks when (in 2 hours, tomorrow, in 3 days, a date) with
// a one-line reason. It is stored with the ticket (and a line goes into the ticket's notes), and
// comes back as a notification when due. Plus the optional "check in when there is no problem"
// reminder after a solved ticket.
import { useState } from 'preact/hooks';
import { checkInAfterSolve, dueAtFor, FOLLOW_UP_PRESETS, FollowUpDateError, isoDay, type FollowUpChoice } from '../../core/followup-time';
import { t, type MessageKey } from '../../i18n';
import { dateTimeText, dueText } from '../../ui-words';
import type { TicketContext } from '../../core/ticket';
import { effectiveDueAt, newFollowupRecord } from '../../storage/followups-repo';
import { queueWrite } from '../../storage/write-queue';
import { appendToNotes } from '../notes-bus';
import { useFollowups } from './use-followups';

const MAX_REASON = 200;
/** The reason a follow-up gets when the agent gives none (stored, so in the agent's language then). */
export const defaultReason = (): string => t('followupDefaultReason');

const PRESETS = {
  'in-2-hours': { label: 'followupIn2Hours', name: 'followupCheckBackIn2Hours' },
  tomorrow: { label: 'followupTomorrow', name: 'followupCheckBackTomorrow' },
  'in-3-days': { label: 'followupIn3Days', name: 'followupCheckBackIn3Days' },
} as const satisfies Record<(typeof FOLLOW_UP_PRESETS)[number]['choice'], { label: MessageKey; name: MessageKey }>;

const DATE_ERRORS = {
  'not-a-date': 'followupDateNotADate',
  invalid: 'followupDateInvalid',
  'past-today': 'followupDatePastToday',
  past: 'followupDatePast',
} as const satisfies Record<FollowUpDateError['code'], MessageKey>;

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
    appendToNotes(t('notesLineFollowup', dateTimeText(dueAt), line));
  };

  const checkBack = async (choice: FollowUpChoice) => {
    setError(null);
    setNotice(null);
    const now = new Date();
    let dueAt: number;
    try {
      dueAt = dueAtFor(choice, now);
    } catch (err) {
      if (err instanceof FollowUpDateError) return setError(t(DATE_ERRORS[err.code], err.date));
      throw err;
    }
    try {
      await save(dueAt, reason.trim() || defaultReason());
      setReason('');
      setDate('');
      setNotice(t('followupWillRemind', dueText(dueAt, now)));
    } catch (err) {
      setError(t('followupNotSaved', (err as Error).message));
    }
  };

  const checkIn = async () => {
    setError(null);
    const { dueAt } = checkInAfterSolve(new Date());
    const text = t('followupCheckInReason');
    try {
      await save(dueAt, text);
      setCheckInSet(true);
    } catch (err) {
      setError(t('followupReminderNotSaved', (err as Error).message));
    }
  };

  const mine = [...set.due, ...set.upcoming];
  const now = new Date(set.now);

  return (
    <section class="followup-controls" aria-labelledby="check-back-title">
      <h2 id="check-back-title">{t('followupCheckBack')}</h2>
      <label class="field">
        {t('followupReason')}
        <input type="text" maxLength={MAX_REASON} value={reason} placeholder={t('followupReasonPlaceholder')} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <div class="row">
        {FOLLOW_UP_PRESETS.map((p) => (
          <button key={p.choice} type="button" aria-label={t(PRESETS[p.choice].name)} onClick={() => void checkBack(p.choice)}>
            {t(PRESETS[p.choice].label)}
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
          else setError(t('followupPickDate'));
        }}
      >
        <label class="field">
          {t('followupOnDate')}
          <input type="date" min={isoDay(now)} value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('followupOnThisDate')}</button>
      </form>
      {error && <p class="notice error" role="alert">{error}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}
      {mine.length > 0 && (
        <ul class="followups-here" aria-label={t('followupsForTicket')}>
          {mine.map((f) => (
            <li key={f.id}>
              <span>{f.reason}</span> <span class="small muted">({dueText(effectiveDueAt(f), now)})</span>
            </li>
          ))}
        </ul>
      )}
      {offerCheckIn && (
        <div class="check-in">
          {checkInSet ? (
            <>
              <p class="notice" role="status">{t('followupCheckInSet')}</p>
              {checkInPhrases.length > 0 && (
                <ul class="small" aria-label={t('followupCheckInPhrases')}>
                  {checkInPhrases.map((p) => <li key={p}>{p}</li>)}
                </ul>
              )}
            </>
          ) : (
            <button type="button" onClick={() => void checkIn()}>{t('followupCheckInOffer')}</button>
          )}
        </div>
      )}
    </section>
  );
}
