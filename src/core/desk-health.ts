// Desk health: which of a desk's fields its page still shows. A desk's markup can change without
// notice (hosted desks most of all), and a broken selector surfaces as a missing field, never an
// error; this turns those into a quiet line in the panel and a last-read list in the options page.
import type { TicketContext } from './ticket';

/** chrome.storage.local key holding the last read of each desk, by desk id. */
export const DESK_HEALTH_KEY = 'deskHealth';

/** The fields an adapter reads, with the words the panel uses for them. */
export const HEALTH_FIELDS: readonly (readonly [field: string, label: string])[] = [
  ['subject', 'subject'],
  ['customer.name', 'customer name'],
  ['customer.email', 'customer email'],
  ['channel', 'channel'],
  ['lastCustomerMessage', 'latest message'],
];

export interface DeskRead {
  desk: string;
  host: string;
  /** Epoch ms of the read. */
  at: number;
  /** Labels of the fields found and missing; a field the desk does not look for is in neither. */
  found: string[];
  missing: string[];
}

const LABELS = new Map(HEALTH_FIELDS);
const label = (field: string) => LABELS.get(field) ?? field;

function present(t: TicketContext, field: string): boolean {
  switch (field) {
    case 'subject': return !!t.subject;
    case 'customer.name': return !!t.customer?.name;
    case 'customer.email': return !!t.customer?.email;
    case 'channel': return !!t.channel;
    default: return !!t.lastCustomerMessage;
  }
}

/** The health of one read, or null while the page is still rendering the ticket (nothing to judge). */
export function readOf(t: TicketContext, at: number): DeskRead | null {
  const missing = t.missing ?? [];
  if (missing.includes('pane')) return null;
  if (missing.includes('all')) return { desk: t.desk, host: t.host, at, found: [], missing: ['everything'] };
  return {
    desk: t.desk,
    host: t.host,
    at,
    found: HEALTH_FIELDS.filter(([f]) => !missing.includes(f) && present(t, f)).map(([, l]) => l),
    missing: missing.map(label),
  };
}

/** The same fields found and missing, whenever each was read. */
export const sameHealth = (a: DeskRead | undefined, b: DeskRead) =>
  !!a && a.host === b.host && a.found.join() === b.found.join() && a.missing.join() === b.missing.join();

/** The panel's quiet line for a ticket whose page lacks fields its desk reads; undefined when nothing is missing. */
export function healthLine(t: TicketContext): string | undefined {
  const missing = readOf(t, 0)?.missing ?? [];
  if (!missing.length) return undefined;
  if (missing[0] === 'everything') return "This desk's page changed: the ticket could not be read.";
  const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}` : missing[0];
  return `This desk's page changed: ${list} not found.`;
}

/** Stored records, own properties only: desk ids come from custom desks and packs. */
export function healthRecords(stored: unknown): DeskRead[] {
  if (!stored || typeof stored !== 'object') return [];
  return Object.keys(stored).map((k) => (stored as Record<string, unknown>)[k])
    .filter((r): r is DeskRead => !!r && typeof r === 'object' && typeof (r as DeskRead).desk === 'string' && Array.isArray((r as DeskRead).found) && Array.isArray((r as DeskRead).missing));
}
