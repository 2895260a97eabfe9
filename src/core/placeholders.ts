/**
 * Phrase placeholders: {{customer.firstName|there}}, {{ticket.contacts|again}}, {{ask:Order number}}.
 * Output is plain text. A value that is missing and has no fallback is reported in `missing`
 * (the panel asks for it before inserting) and never left behind as braces.
 */

export interface PlaceholderValues {
  customer?: { name?: string; firstName?: string; email?: string };
  agent?: { name?: string };
  ticket?: { id?: string; subject?: string; contacts?: number };
}

/** Something the agent must type before the phrase can be inserted. */
export interface AskField {
  /** Stable across renders: the placeholder name ("customer.firstName") or "ask:" + the lower-cased label. */
  key: string;
  /** What to show next to the input, e.g. "Order number" or "Customer's first name". */
  label: string;
  kind: 'ask' | 'value';
}

export const KNOWN_PLACEHOLDERS = [
  'customer.firstName',
  'customer.name',
  'customer.email',
  'agent.name',
  'ticket.id',
  'ticket.subject',
  'ticket.contacts',
] as const;

export type KnownPlaceholder = (typeof KNOWN_PLACEHOLDERS)[number];

const LABELS: Record<KnownPlaceholder, string> = {
  'customer.firstName': "Customer's first name",
  'customer.name': "Customer's name",
  'customer.email': "Customer's email",
  'agent.name': 'Your name',
  'ticket.id': 'Ticket number',
  'ticket.subject': 'Ticket subject',
  'ticket.contacts': 'How many times they contacted us',
};

export interface PlaceholderUse {
  /** The whole token as written, braces included. */
  raw: string;
  /** "customer.firstName", or "ask:Order number" for asks. */
  name: string;
  fallback?: string;
  /** Offset of the token in the text. */
  index: number;
  known: boolean;
  /** The label of an {{ask:…}} placeholder. */
  ask?: string;
}

// Names are word characters and dots; an ask label is anything up to | or }}.
const TOKEN = /\{\{\s*(ask\s*:\s*[^{}|]*?|[A-Za-z_][\w.]*)\s*(?:\|([^{}]*))?\}\}/g;

export function isKnownPlaceholder(name: string): name is KnownPlaceholder {
  return (KNOWN_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Every placeholder in the text, for lint and for showing which fields a phrase uses. */
export function placeholdersIn(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const rawName = m[1]!;
    const askMatch = /^ask\s*:\s*(.*)$/.exec(rawName);
    const use: PlaceholderUse = askMatch
      ? { raw: m[0], name: `ask:${askMatch[1]!.trim()}`, index: m.index, known: askMatch[1]!.trim() !== '', ask: askMatch[1]!.trim() }
      : { raw: m[0], name: rawName, index: m.index, known: isKnownPlaceholder(rawName) };
    if (m[2] !== undefined) use.fallback = m[2];
    uses.push(use);
  }
  return uses;
}

/** "{{" that does not start a well-formed placeholder: lint reports these, fill leaves them as text. */
export function strayBraces(text: string): number[] {
  const spans = [...text.matchAll(TOKEN)].map((m) => [m.index, m.index + m[0].length] as const);
  const stray: number[] = [];
  for (const m of text.matchAll(/\{\{|\}\}/g)) {
    if (!spans.some(([a, b]) => m.index >= a && m.index < b)) stray.push(m.index);
  }
  return stray;
}

function clean(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** "twice", "3 times": reads well after "you've had to reach out". One contact is not worth saying. */
export function contactsInWords(n: number | undefined): string | undefined {
  if (n === undefined || !Number.isFinite(n) || n < 2) return undefined;
  const whole = Math.floor(n);
  return whole === 2 ? 'twice' : `${whole} times`;
}

function valueOf(name: string, values: PlaceholderValues): string | undefined {
  switch (name) {
    case 'customer.firstName':
      return clean(values.customer?.firstName);
    case 'customer.name':
      return clean(values.customer?.name);
    case 'customer.email':
      return clean(values.customer?.email);
    case 'agent.name':
      return clean(values.agent?.name);
    case 'ticket.id':
      return clean(values.ticket?.id);
    case 'ticket.subject':
      return clean(values.ticket?.subject);
    case 'ticket.contacts':
      return contactsInWords(values.ticket?.contacts);
    default:
      return undefined;
  }
}

function labelFor(name: string): string {
  if (isKnownPlaceholder(name)) return LABELS[name];
  // Unknown names still get asked for, with a readable label: "order.number" → "Order number".
  const words = name.replace(/[._]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function askKey(label: string): string {
  return `ask:${label.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/**
 * Fills placeholders. Order per placeholder: the ticket's value, then the written fallback,
 * then the agent's answer; otherwise it goes into `missing` and shows as "[Label]" in the text
 * (a readable gap for previews; the panel asks before inserting).
 * {{ask:Label}} ignores values and fallbacks as sources: only an answer fills it.
 */
export function fillPlaceholders(
  text: string,
  values: PlaceholderValues,
  answers: Record<string, string> = {},
): { text: string; missing: AskField[] } {
  const missing: AskField[] = [];
  let leftEmpty = false;
  const noteMissing = (field: AskField) => {
    if (!missing.some((f) => f.key === field.key)) missing.push(field);
  };
  const out = text.replace(TOKEN, (_raw, rawName: string, fallback: string | undefined) => {
    const askMatch = /^ask\s*:\s*(.*)$/.exec(rawName);
    if (askMatch) {
      const label = askMatch[1]!.trim().replace(/\s+/g, ' ') || 'Value';
      const key = askKey(label);
      const answer = clean(answers[key]);
      if (answer !== undefined) return answer;
      noteMissing({ key, label, kind: 'ask' });
      return `[${label}]`;
    }
    const value = valueOf(rawName, values);
    if (value !== undefined) return value;
    if (fallback !== undefined) {
      const f = fallback.trim();
      if (f === '') leftEmpty = true;
      return f;
    }
    const answer = clean(answers[rawName]);
    if (answer !== undefined) return answer;
    const label = labelFor(rawName);
    noteMissing({ key: rawName, label, kind: 'value' });
    return `[${label}]`;
  });
  if (!leftEmpty) return { text: out, missing };
  // An empty fallback ("Hi {{customer.firstName|}},") leaves "Hi ," behind; tidy only then.
  const tidy = out.replace(/[ \t]{2,}/g, ' ').replace(/ +([,.!?;:])/g, '$1').trim();
  return { text: tidy, missing };
}
