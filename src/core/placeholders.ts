/**
 * Phrase placeholders: {{customer.firstName|there}}, {{ticket.contacts|again}}, {{ask:Order number}}.
 * Output is plain text. A value that is missing and has no fallback is reported in `missing`
 * (the panel asks for it before inserting) and never left behind as braces.
 */

export interface PlaceholderValues {
  /** The language of the text being filled ("de", "pt-BR"): values put into words ("3 times") follow it. English when absent. */
  locale?: string;
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

/**
 * A placeholder-shaped token the extension cannot fill: a name that is not one of KNOWN_PLACEHOLDERS
 * ({{custmer.firstName|there}} would always say "there") or an ask without a label. One regular
 * expression, so the pack validator and the published schema (a "not" pattern on phrase text) refuse
 * exactly the same texts. Linear: each part stops at the next brace.
 */
export const UNKNOWN_PLACEHOLDER_PATTERN =
  `\\{\\{\\s*(?:(?!(?:${KNOWN_PLACEHOLDERS.map((k) => k.replace('.', '\\.')).join('|')})\\s*(?:\\||\\}\\}))[A-Za-z_][\\w.]*\\s*|ask\\s*:\\s*)(?:\\|[^{}]*)?\\}\\}`;
const UNKNOWN_PLACEHOLDER = new RegExp(UNKNOWN_PLACEHOLDER_PATTERN, 'u');

/** The first placeholder in the text the extension cannot fill, as written; undefined when there is none. */
export function unknownPlaceholder(text: string): string | undefined {
  return text.includes('{{') ? UNKNOWN_PLACEHOLDER.exec(text)?.[0] : undefined;
}

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

interface Token {
  raw: string;
  index: number;
  /** "customer.firstName", or the ask as written: "ask : Order number" (trimmed at both ends). */
  name: string;
  fallback?: string;
}

const NAME = /^[A-Za-z_][\w.]*$/;
const ASK = /^ask\s*:/;

/**
 * Every well-formed {{name|fallback}} or {{ask:Label}} in the text, left to right. Scanned by hand
 * rather than with one regular expression: a regex with optional spaces on both sides of a free
 * label backtracks quadratically ("{{ask:" and 2,000 spaces took 1.3 s); this is one pass.
 * Names are word characters and dots; an ask label is anything up to | or }}; nothing inside may be a brace.
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) return out;
    // The body runs to the first brace of any kind; only "}}" there closes a token.
    let end = open + 2;
    while (end < text.length && text[end] !== '{' && text[end] !== '}') end++;
    if (end >= text.length) return out;
    if (text[end] !== '}' || text[end + 1] !== '}') {
      from = open + 1;
      continue;
    }
    const body = text.slice(open + 2, end);
    const bar = body.indexOf('|');
    const name = (bar < 0 ? body : body.slice(0, bar)).trim();
    if (ASK.test(name) || NAME.test(name)) {
      const token: Token = { raw: text.slice(open, end + 2), index: open, name };
      if (bar >= 0) token.fallback = body.slice(bar + 1);
      out.push(token);
      from = end + 2;
    } else from = open + 1;
  }
}

export function isKnownPlaceholder(name: string): name is KnownPlaceholder {
  return (KNOWN_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Every placeholder in the text, for lint and for showing which fields a phrase uses. */
export function placeholdersIn(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  for (const t of tokens(text)) {
    const askMatch = /^ask\s*:\s*(.*)$/.exec(t.name);
    const use: PlaceholderUse = askMatch
      ? { raw: t.raw, name: `ask:${askMatch[1]!.trim()}`, index: t.index, known: askMatch[1]!.trim() !== '', ask: askMatch[1]!.trim() }
      : { raw: t.raw, name: t.name, index: t.index, known: isKnownPlaceholder(t.name) };
    if (t.fallback !== undefined) use.fallback = t.fallback;
    uses.push(use);
  }
  return uses;
}

/** "{{" that does not start a well-formed placeholder: lint reports these, fill leaves them as text. */
export function strayBraces(text: string): number[] {
  const spans = tokens(text).map((t) => [t.index, t.index + t.raw.length] as const);
  const stray: number[] = [];
  // Both lists are in text order, so one forward walk over the spans is enough.
  let s = 0;
  for (const m of text.matchAll(/\{\{|\}\}/g)) {
    while (s < spans.length && spans[s]![1] <= m.index) s++;
    const span = spans[s];
    if (!span || m.index < span[0]) stray.push(m.index);
  }
  return stray;
}

function clean(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** "twice" and "N times" in each language a built-in pack is written in, by primary language subtag. */
const TIMES: Readonly<Record<string, { twice: string; times: (n: number) => string }>> = {
  en: { twice: 'twice', times: (n) => `${n} times` },
  de: { twice: 'zweimal', times: (n) => `${n}-mal` },
  es: { twice: 'dos veces', times: (n) => `${n} veces` },
  fr: { twice: 'deux fois', times: (n) => `${n} fois` },
  pt: { twice: 'duas vezes', times: (n) => `${n} vezes` },
};

/**
 * "twice", "3 times" (or "zweimal", "3 veces"…): reads well after "you've had to reach out". One
 * contact is not worth saying. A language without its own words gets none (undefined), so the
 * phrase uses its fallback rather than English in the middle of another language.
 */
export function contactsInWords(n: number | undefined, locale = 'en'): string | undefined {
  if (n === undefined || !Number.isFinite(n) || n < 2) return undefined;
  const words = Object.hasOwn(TIMES, primaryLanguage(locale)) ? TIMES[primaryLanguage(locale)]! : undefined;
  if (!words) return undefined;
  const whole = Math.floor(n);
  return whole === 2 ? words.twice : words.times(whole);
}

const primaryLanguage = (locale: string) => locale.toLowerCase().split(/[-_]/)[0]!;

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
      return contactsInWords(values.ticket?.contacts, values.locale);
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
  // Answers are keyed by names from phrase text: read own properties only ("{{toString}}").
  const answerFor = (key: string) => (Object.hasOwn(answers, key) ? clean(answers[key]) : undefined);
  const fill = (rawName: string, fallback: string | undefined): string => {
    const askMatch = /^ask\s*:\s*(.*)$/.exec(rawName);
    if (askMatch) {
      const label = askMatch[1]!.trim().replace(/\s+/g, ' ') || 'Value';
      const key = askKey(label);
      const answer = answerFor(key);
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
    const answer = answerFor(rawName);
    if (answer !== undefined) return answer;
    const label = labelFor(rawName);
    noteMissing({ key: rawName, label, kind: 'value' });
    return `[${label}]`;
  };
  let out = '';
  let at = 0;
  for (const t of tokens(text)) {
    out += text.slice(at, t.index) + fill(t.name, t.fallback);
    at = t.index + t.raw.length;
  }
  out += text.slice(at);
  if (!leftEmpty) return { text: out, missing };
  // An empty fallback ("Hi {{customer.firstName|}},") leaves "Hi ," behind; tidy only then. A name
  // that closes a sentence ("Thanks, {{customer.firstName|}}.") leaves a comma before the stop: it
  // goes, and a French no-break space before "!" or "?" stays.
  const tidy = out
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?;:])/g, '$1')
    .replace(/,[ \t]*(?=[\u00a0\u202f]?[.!?;:])/g, '')
    .trim();
  return { text: tidy, missing };
}
