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
  if (!m) throw new FollowUpDateError(`"${date}" is not a date; use the form YYYY-MM-DD, e.g. 2025-03-14.`);
  const year = Number(m[1]);
  const monthIndex = Number(m[2]) - 1;
  const day = Number(m[3]);
  const check = new Date(year, monthIndex, day);
  // The Date constructor rolls 2025-02-30 over to March; a real date survives the round trip.
  if (check.getFullYear() !== year || check.getMonth() !== monthIndex || check.getDate() !== day) {
    throw new FollowUpDateError(`${date} is not a real calendar date.`);
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

function overdueBy(ms: number): string {
  if (ms < HOUR) return plural(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
  if (ms < 2 * DAY) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.floor(ms / DAY), 'day');
}

/**
 * How the panel says when a follow-up is due: "in 2 hours", "tomorrow at 09:00",
 * "overdue by 3 hours". Times are local, 24-hour.
 */
export function describeDue(dueAt: number, now: Date): string {
  const diff = dueAt - now.getTime();
  if (diff <= -MINUTE) return `overdue by ${overdueBy(-diff)}`;
  if (diff < MINUTE) return 'due now';
  if (diff < HOUR) return `in ${plural(Math.round(diff / MINUTE), 'minute')}`;
  const due = new Date(dueAt);
  const at = `${pad(due.getHours())}:${pad(due.getMinutes())}`;
  const days = calendarDaysBetween(now, due);
  if (diff < 6 * HOUR) return `in ${plural(Math.round(diff / HOUR), 'hour')}`;
  if (days === 0) return `today at ${at}`;
  if (days === 1) return `tomorrow at ${at}`;
  if (days < 7) return `${WEEKDAYS[due.getDay()]} at ${at}`;
  const year = due.getFullYear() === now.getFullYear() ? '' : ` ${due.getFullYear()}`;
  return `${due.getDate()} ${MONTHS[due.getMonth()]}${year} at ${at}`;
}
