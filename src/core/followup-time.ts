// When a "check back" is due, and how to say it. Local calendar time throughout: "tomorrow" means
// the agent's tomorrow morning, also across a daylight-saving change, not now + 24 hours.

export type FollowUpChoice = 'in-2-hours' | 'tomorrow' | 'in-3-days' | { date: string };

/** Reminders land at the start of the working day. */
export const MORNING_HOUR = 9;
export const CHECK_IN_DAYS = 3;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The preset choices, in the order the panel offers them. */
export const FOLLOW_UP_PRESETS: readonly { choice: Exclude<FollowUpChoice, { date: string }>; label: string }[] = [
  { choice: 'in-2-hours', label: 'In 2 hours' },
  { choice: 'tomorrow', label: 'Tomorrow' },
  { choice: 'in-3-days', label: 'In 3 days' },
];

/** A chosen date that cannot be used; the message is written for the agent. */
export class FollowUpDateError extends Error {
  override name = 'FollowUpDateError';
  /** What is wrong, for the UI to say in its language; `message` stays the English wording. */
  constructor(message: string, readonly code: 'not-a-date' | 'past-today' | 'past' | 'invalid', readonly date: string) {
    super(message);
  }
}

function morningOf(year: number, monthIndex: number, day: number): number {
  return new Date(year, monthIndex, day, MORNING_HOUR, 0, 0, 0).getTime();
}

/** `days` calendar days after `now`, at 09:00 local. */
function morningAfter(now: Date, days: number): number {
  return morningOf(now.getFullYear(), now.getMonth(), now.getDate() + days);
}

function parseDay(date: string): { year: number; monthIndex: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) throw new FollowUpDateError(`"${date}" is not a date; use the form YYYY-MM-DD, e.g. 2025-03-14.`, 'not-a-date', date);
  const year = Number(m[1]);
  const monthIndex = Number(m[2]) - 1;
  const day = Number(m[3]);
  const check = new Date(year, monthIndex, day);
  // The Date constructor rolls 2025-02-30 over to March; a real date survives the round trip.
  if (check.getFullYear() !== year || check.getMonth() !== monthIndex || check.getDate() !== day) {
    throw new FollowUpDateError(`${date} is not a real calendar date.`, 'invalid', date);
  }
  return { year, monthIndex, day };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local calendar day as YYYY-MM-DD (what a date input holds). */
export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * When a follow-up is due, in epoch ms. "tomorrow" and "in-3-days" land at 09:00 local on that day;
 * a date lands at 09:00 local on it. A date whose 09:00 has already passed is refused.
 */
export function dueAtFor(choice: FollowUpChoice, now: Date): number {
  if (choice === 'in-2-hours') return now.getTime() + 2 * HOUR;
  if (choice === 'tomorrow') return morningAfter(now, 1);
  if (choice === 'in-3-days') return morningAfter(now, 3);
  const { year, monthIndex, day } = parseDay(choice.date);
  const due = morningOf(year, monthIndex, day);
  if (due <= now.getTime()) {
    const today = isoDay(now);
    throw new FollowUpDateError(
      choice.date.trim() === today
        ? `It is already past ${pad(MORNING_HOUR)}:00 today; pick "in 2 hours" or a later date.`
        : `${choice.date.trim()} is in the past; pick today's date or a later one.`,
      choice.date.trim() === today ? 'past-today' : 'past',
      choice.date.trim(),
    );
  }
  return due;
}

/** "Check in when there is no problem": a reminder a few days after a solved ticket. */
export function checkInAfterSolve(now: Date, days = CHECK_IN_DAYS): { dueAt: number; reason: string } {
  return { dueAt: morningAfter(now, Math.max(1, Math.round(days))), reason: 'Check in: is everything still working well?' };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Whole local calendar days from `now`'s date to `due`'s date (DST-safe: compares dates, not ms). */
function calendarDaysBetween(now: Date, due: Date): number {
  const a = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const b = Date.UTC(due.getFullYear(), due.getMonth(), due.getDate());
  return Math.round((b - a) / DAY);
}

/**
 * When a follow-up is due, as parts the UI words in its own language: "in 2 hours",
 * "tomorrow at 09:00", "overdue by 3 hours". Core holds no words of any language but English;
 * the panel and options page translate these parts (src/ui-words.ts).
 */
export type DueParts =
  | { kind: 'overdue'; unit: 'minute' | 'hour' | 'day'; n: number }
  | { kind: 'now' }
  | { kind: 'in'; unit: 'minute' | 'hour'; n: number }
  | { kind: 'today' | 'tomorrow' | 'weekday' | 'date'; due: Date; withYear?: boolean };

export function dueParts(dueAt: number, now: Date): DueParts {
  const diff = dueAt - now.getTime();
  if (diff <= -MINUTE) {
    const ms = -diff;
    if (ms < HOUR) return { kind: 'overdue', unit: 'minute', n: Math.max(1, Math.floor(ms / MINUTE)) };
    if (ms < 2 * DAY) return { kind: 'overdue', unit: 'hour', n: Math.floor(ms / HOUR) };
    return { kind: 'overdue', unit: 'day', n: Math.floor(ms / DAY) };
  }
  if (diff < MINUTE) return { kind: 'now' };
  if (diff < HOUR) return { kind: 'in', unit: 'minute', n: Math.round(diff / MINUTE) };
  const due = new Date(dueAt);
  const days = calendarDaysBetween(now, due);
  if (diff < 6 * HOUR) return { kind: 'in', unit: 'hour', n: Math.round(diff / HOUR) };
  if (days === 0) return { kind: 'today', due };
  if (days === 1) return { kind: 'tomorrow', due };
  if (days < 7) return { kind: 'weekday', due };
  return { kind: 'date', due, withYear: due.getFullYear() !== now.getFullYear() };
}

/** The English wording of dueParts, local 24-hour times (notifications and tests). */
export function describeDue(dueAt: number, now: Date): string {
  const p = dueParts(dueAt, now);
  switch (p.kind) {
    case 'overdue': return `overdue by ${plural(p.n, p.unit)}`;
    case 'now': return 'due now';
    case 'in': return `in ${plural(p.n, p.unit)}`;
    default: {
      const at = `${pad(p.due.getHours())}:${pad(p.due.getMinutes())}`;
      if (p.kind === 'today') return `today at ${at}`;
      if (p.kind === 'tomorrow') return `tomorrow at ${at}`;
      if (p.kind === 'weekday') return `${WEEKDAYS[p.due.getDay()]} at ${at}`;
      return `${p.due.getDate()} ${MONTHS[p.due.getMonth()]}${p.withYear ? ` ${p.due.getFullYear()}` : ''} at ${at}`;
    }
  }
}
