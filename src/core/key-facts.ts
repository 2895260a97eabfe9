// Pulls the facts an agent would copy into their notes out of a customer message: dates, order
// and reference numbers, amounts, emails, phone numbers, links. Offered as one-click additions,
// so it favours precision: a wrong "fact" in the notes is worse than a missing one.

export type KeyFactKind = 'date' | 'order' | 'amount' | 'email' | 'phone' | 'url';
const KIND_MAP: Record<KeyFactKind, true> = { order: true, amount: true, date: true, email: true, phone: true, url: true };
/** Every KeyFactKind, checked against the type so a new kind cannot be forgotten by pack validation. */
export const KEY_FACT_KINDS = Object.keys(KIND_MAP) as KeyFactKind[];

export interface KeyFact {
  kind: KeyFactKind;
  /** As the customer wrote it, e.g. "order #12345", "next Friday", "€20". */
  text: string;
  /** Normalised for comparison: "12345", "next friday", "€20". */
  value: string;
}

const MAX_INPUT = 5000;
export const MAX_KEY_FACTS = 12;

const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
const TIME = '\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)|\\d{1,2}:\\d{2}';
const AT_TIME = `(?:,?\\s+(?:at|by|before|around)\\s+(?:${TIME}|noon|midnight))?`;
const CURRENCY_SYMBOL = '(?:US\\$|A\\$|C\\$|[$€£¥₹])';
const CURRENCY_WORD = '(?:usd|eur|gbp|chf|jpy|cad|aud|sek|nok|dkk|pln|inr|euros?|dollars?|pounds?|bucks)';
const NUMBER = "(?:\\d{1,3}(?:[,.']\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";

interface Extractor {
  kind: KeyFactKind;
  regex: RegExp;
  /** Refines or rejects a match; returns the text to keep, or null. */
  accept?: (match: RegExpExecArray, source: string) => string | null;
  value?: (text: string, match: RegExpExecArray) => string;
}

const trimTrailing = (text: string) => text.replace(/[.,!?;:)\]}'"]+$/, '');

function plausibleNumericDate(text: string): boolean {
  const parts = text.split(/[/.-]/).map(Number);
  const [a = 0, b = 0] = parts;
  // Day/month in either order: both at most 31 and one of them a month.
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
}

const PHONE_CONTEXT = /(phone|tel|mobile|cell|call|ring|whatsapp|text me|reach me|number|contact)[^.!?\n]{0,24}$/i;

// Order matters: earlier extractors claim their text first, so an email's domain is not a link and a
// date inside a link is not a date.
const EXTRACTORS: Extractor[] = [
  {
    kind: 'url',
    regex: /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi,
    accept: (m) => trimTrailing(m[0]),
    value: (t) => t.toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, ''),
  },
  {
    kind: 'email',
    regex: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    value: (t) => t.toLowerCase(),
  },
  {
    kind: 'order',
    regex:
      /\b(?:order|ord|ref|reference|invoice|inv|case|ticket|booking|confirmation|tracking|account|acct|transaction|claim|rma|receipt|subscription|parcel|shipment)(?:\s+(?:number|no\.?|num|nr|code|id))?(?:\s+is)?\s*[:#]?\s*(#?[A-Za-z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*)/gi,
    accept: (m) => {
      const id = (m[1] ?? '').replace(/-+$/, '');
      // A bare short number after "order" is a quantity ("order 100 units"), not a reference.
      return id.startsWith('#') || id.length >= 4 ? m[0].replace(/-+$/, '') : null;
    },
    value: (_t, m) => (m[1] ?? '').replace(/^#/, '').replace(/-+$/, '').toUpperCase(),
  },
  {
    kind: 'order',
    regex: /(?<![\w#])#[A-Za-z0-9-]*\d[A-Za-z0-9-]*|\b[A-Z]{2,5}-\d{3,}(?:-\d+)*\b/g,
    accept: (m) => (m[0].replace(/[#-]/g, '').length >= 4 ? m[0] : null),
    value: (t) => t.replace(/^#/, '').toUpperCase(),
  },
  {
    kind: 'amount',
    regex: new RegExp(
      `${CURRENCY_SYMBOL}\\s?${NUMBER}(?![\\d])|(?<![\\w.,])${NUMBER}\\s?(?:${CURRENCY_SYMBOL}|${CURRENCY_WORD}\\b)|\\b${CURRENCY_WORD}\\s?${NUMBER}(?![\\d])`,
      'gi',
    ),
    value: (t) => t.toLowerCase().replace(/\s+/g, ''),
  },
  {
    kind: 'date',
    regex: new RegExp(
      [
        '\\b\\d{4}-\\d{2}-\\d{2}\\b',
        '\\b\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b',
        '\\b\\d{1,2}/\\d{1,2}\\b(?![/\\d])',
        `\\b${MONTH}\\.?\\s+${ORDINAL}(?:,?\\s+\\d{4})?\\b${AT_TIME}`,
        `\\b${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+\\d{4})?${AT_TIME}`,
        `\\b(?:next|this|last|coming)\\s+(?:week(?:end)?|month|year|${WEEKDAY})\\b${AT_TIME}`,
        `\\b(?:today|tonight|tomorrow|yesterday)\\b${AT_TIME}`,
        `\\b(?:on\\s+)?${WEEKDAY}\\b(?:\\s+(?:morning|afternoon|evening|night))?${AT_TIME}`,
        '\\b(?:in|within)\\s+(?:\\d+|a|one|two|three|four|five|six|seven|ten)\\s+(?:days?|weeks?|months?)\\b',
        '\\b(?:\\d+|a|one|two|three|four|five|six|seven|ten)\\s+(?:days?|weeks?|months?)\\s+ago\\b',
        '\\bend\\s+of\\s+(?:the\\s+)?(?:day|week|month|year)\\b',
        "\\b(?:christmas(?:\\s+eve)?|new\\s+year'?s(?:\\s+(?:eve|day))?|easter|thanksgiving|black\\s+friday)\\b",
        '\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b',
        `\\b(?:${TIME})(?![\\w])`,
      ].join('|'),
      'gi',
    ),
    accept: (m) => {
      const text = m[0];
      if (/^\d{1,2}[/.-]\d{1,2}/.test(text) && !plausibleNumericDate(text)) return null;
      return text.replace(/^on\s+/i, '');
    },
    value: (t) => t.toLowerCase().replace(/\s+/g, ' '),
  },
  {
    kind: 'phone',
    regex: /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}(?![\w])|(?<![\w+])\+\d{7,15}\b/g,
    accept: (m, source) => {
      const text = m[0].trim();
      const digits = text.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15) return null;
      const formatted = text.startsWith('+') || text.includes('(') || /^\d{3}[-.\s]\d{3}[-.\s]\d{4}$/.test(text);
      return formatted || PHONE_CONTEXT.test(source.slice(Math.max(0, m.index - 40), m.index)) ? text : null;
    },
    value: (t) => t.replace(/[^\d+]/g, ''),
  },
];

interface Found extends KeyFact {
  start: number;
  end: number;
}

/**
 * The key facts in a message, in the order they appear, without duplicates, at most `max`.
 * Pure and bounded: the input is cut at 5,000 characters.
 */
export function extractKeyFacts(message: string | null | undefined, max = MAX_KEY_FACTS): KeyFact[] {
  if (!message) return [];
  const source = message.slice(0, MAX_INPUT);
  const found: Found[] = [];
  const seen = new Set<string>();
  for (const extractor of EXTRACTORS) {
    extractor.regex.lastIndex = 0;
    for (const m of source.matchAll(extractor.regex)) {
      const match = m as RegExpExecArray;
      const raw = extractor.accept ? extractor.accept(match, source) : match[0];
      if (!raw) continue;
      const start = match.index + Math.max(0, match[0].indexOf(raw));
      const end = start + raw.length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const value = extractor.value ? extractor.value(raw, match) : raw;
      const key = `${extractor.kind}:${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ kind: extractor.kind, text: raw, value, start, end });
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .slice(0, Math.max(0, max))
    .map(({ kind, text, value }) => ({ kind, text, value }));
}
