// Keeps each desk's last read (fields found and missing) in storage for the options page. Written
// only when the fields change or the stored read is a minute old: a busy chat reports often.
import { DESK_HEALTH_KEY, readOf, sameHealth, type DeskRead } from '../core/desk-health';
import { serialQueue } from '../core/serial';
import type { TicketContext } from '../core/ticket';

const serial = serialQueue();
const REFRESH_MS = 60_000;

export function recordDeskRead(ticket: TicketContext | null, now = Date.now()): Promise<void> {
  const read = ticket && readOf(ticket, now);
  if (!read) return Promise.resolve();
  return serial(async () => {
    const got = (await chrome.storage.local.get(DESK_HEALTH_KEY))[DESK_HEALTH_KEY] as Record<string, DeskRead> | undefined;
    const all: Record<string, DeskRead> = got && typeof got === 'object' ? got : {};
    const before = Object.prototype.hasOwnProperty.call(all, read.desk) ? all[read.desk] : undefined;
    if (sameHealth(before, read) && now - before!.at < REFRESH_MS) return;
    await chrome.storage.local.set({ [DESK_HEALTH_KEY]: { ...all, [read.desk]: read } });
  });
}
