/** The channel a conversation happens on; drives phrase length and cues. */
export type Channel = 'chat' | 'email' | 'messaging' | 'phone' | 'other';

export interface Customer {
  name?: string;
  firstName?: string;
  email?: string;
}

/** What a desk adapter reads from the page. Everything but desk/host/ticketId/key/url is optional. */
export interface TicketContext {
  desk: string;
  host: string;
  ticketId: string;
  /** `desk:host:ticketId`: the stable id notes and progress are stored under. */
  key: string;
  url: string;
  /** What the desk calls the ticket, where that differs from `ticketId` (FreeScout's conversation number). */
  number?: string;
  subject?: string;
  customer?: Customer;
  channel?: Channel;
  /** Plain text, trimmed, bounded in length. */
  lastCustomerMessage?: string;
  /** How many messages the customer wrote in this conversation. */
  customerMessages?: number;
  /** How many replies agents have written: none means the next reply is the first. */
  agentMessages?: number;
  /** Epoch ms of the customer's latest message, when the desk shows it. */
  lastCustomerMessageAt?: number;
  /** The conversation's latest message is the customer's (no agent reply since), when the desk tells. */
  lastFromCustomer?: boolean;
  /** Fields the adapter looked for and did not find: a changed desk shows up here, not as a crash. */
  missing?: string[];
}

export const MAX_MESSAGE_CHARS = 2000;

export function ticketKey(desk: string, host: string, ticketId: string): string {
  return `${desk}:${host}:${ticketId}`;
}

/** Collapses whitespace and bounds length so a huge message never travels or renders in full. */
export function cleanText(raw: string | null | undefined, max = MAX_MESSAGE_CHARS): string | undefined {
  if (raw == null) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function firstNameOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const first = name.trim().split(/[\s,]+/)[0];
  return first && !first.includes('@') ? first : undefined;
}

export function channelFromLabel(label: string | null | undefined): Channel | undefined {
  if (!label) return undefined;
  const l = label.toLowerCase();
  if (/(messag|whatsapp|sms|social|facebook|instagram)/.test(l)) return 'messaging';
  if (/chat/.test(l)) return 'chat';
  if (/(mail|web form|webform)/.test(l)) return 'email';
  if (/(phone|call|voice|talk)/.test(l)) return 'phone';
  return 'other';
}

/** Same ticket, same visible facts: used to avoid re-sending and re-rendering unchanged tickets. */
export function sameTicket(a: TicketContext | null, b: TicketContext | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
