// Turns the phrase patterns of rules.ts into regular expressions over a normalised message, where
// words are lower-case and separated by single spaces and punctuation is reduced to . , ! ? tokens.
// Pattern text is always escaped, so a pack cannot inject a regular expression, and every
// repetition is bounded, so matching stays linear in the message length.

const NOT_FORMS = [
  'not',
  'cannot',
  "[a-z]+n't",
  'dont',
  'doesnt',
  'didnt',
  'cant',
  'wont',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'couldnt',
  'wouldnt',
  'shouldnt',
  'aint',
];
const NOT = `(?:${NOT_FORMS.join('|')})`;
const NOT_WORD = new RegExp(`^${NOT}$`);

/** Values of number words, for "waiting two weeks", "a few days", "half an hour". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  hundred: 100,
  few: 3,
  'a few': 3,
  couple: 2,
  'a couple': 2,
  'a couple of': 2,
  'couple of': 2,
  several: 3,
  many: 5,
  multiple: 3,
  numerous: 5,
  countless: 10,
  'half an': 0.5,
  'half a': 0.5,
};

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const COUNT_WORDS = Object.keys(NUMBER_WORDS)
  .filter((w) => !['a', 'an', 'half an', 'half a'].includes(w))
  .sort(byLengthDesc);
const NUMBER = `(?:\\d+|${COUNT_WORDS.join('|')})`;
const DURATION_NUMBER = `(?:\\d+(?:[.,]\\d+)?|${Object.keys(NUMBER_WORDS).sort(byLengthDesc).join('|')})`;

export const UNIT_MINUTES: Readonly<Record<string, number>> = {
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  d: 1440,
  day: 1440,
  days: 1440,
  wk: 10080,
  wks: 10080,
  week: 10080,
  weeks: 10080,
  month: 43200,
  months: 43200,
  year: 525600,
  years: 525600,
};
const UNIT = `(?:${Object.keys(UNIT_MINUTES).filter((u) => u.length > 1).sort(byLengthDesc).join('|')})`;
// "2 weeks", "half an hour", and the glued forms people type in chat: "24h", "2hrs", "3days".
const DURATION = `${DURATION_NUMBER} ${UNIT}|\\d+(?:${Object.keys(UNIT_MINUTES).sort(byLengthDesc).join('|')})`;

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS =
  'january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = [
  'today|tonight|tomorrow|tmrw|tmr|weekend|noon|midday|midnight|morning|afternoon|evening|eod|eow|cob',
  "christmas|xmas|easter|thanksgiving|halloween|hanukkah|diwali|eid|ramadan|new year's|new years",
  WEEKDAYS,
  MONTHS,
  '\\d{1,2}(?:st|nd|rd|th)',
  '\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?',
  '\\d{4}-\\d{2}-\\d{2}',
  '\\d{1,2}(?::\\d{2})?(?:am|pm)',
  '\\d{1,2}:\\d{2}',
  '\\d{1,2} (?:am|pm)',
  'end of (?:the )?(?:day|week|month|year|business)',
  'close of business',
].join('|');

const PUNCT_GAP = '(?:[.,!?] )?';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function slot(token: string, firstDuration: boolean): string {
  if (token === '#') return NUMBER;
  if (token === '@date') return `(?:${DATE})`;
  // Only the first duration is captured: a regular expression cannot repeat a group name.
  if (token === '@duration') return firstDuration ? `(?<dur>${DURATION})` : `(?:${DURATION})`;
  const alternatives = token.split('|').filter(Boolean).map((alt) => {
    if (alt === 'not') return NOT;
    if (alt === '#') return NUMBER;
    if (alt === '@date') return `(?:${DATE})`;
    if (alt.length > 1 && alt.endsWith('*')) return `${escapeRegExp(alt.slice(0, -1))}\\S*`;
    return escapeRegExp(alt);
  });
  return alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
}

/** Words a pattern may hold; the rest are ignored. */
export const MAX_PATTERN_TOKENS = 24;
/**
 * Gaps ("~3") a pattern may hold. A gap is the one place the regular expression has a choice to
 * make, and the choices multiply: each gap of up to 6 words costs up to 7 tries for every way the
 * words before it matched (measured ~6× slower per gap). Two gaps bound a pattern's work to
 * 49 tries per word of the message, so matching stays linear in the message; the built-in rules
 * never need more than two.
 */
export const MAX_PATTERN_GAPS = 2;

const GAP_TOKEN = /^~\d?$/;

function patternTokens(pattern: string): string[] {
  return pattern.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_PATTERN_TOKENS);
}

/**
 * The most tries a pattern can make at one word of a message: the product of (gap + 1) over its
 * gaps, 1 without gaps. Summed over a pack's patterns it bounds the pack's matching work per word,
 * which is what MAX_CUE_PATTERN_COST limits (the built-in rules come to about 440).
 */
export function patternCost(pattern: string): number {
  let cost = 1;
  for (const t of patternTokens(pattern)) {
    const gap = /^~(\d?)$/.exec(t);
    if (gap) cost *= Math.min(6, gap[1] ? Number(gap[1]) : 3) + 1;
  }
  return cost;
}

/** The matching work a pack's cue patterns may add, in patternCost units. */
export const MAX_CUE_PATTERN_COST = 1000;

/** What is wrong with a pattern from a pack, in words for its author; null when it is fine. */
export function patternProblem(pattern: string): string | null {
  // Every word counts here, also past MAX_PATTERN_TOKENS, so the pack schema can state the same rule as a regular expression.
  const gaps = pattern.split(/\s+/).filter((t) => GAP_TOKEN.test(t)).length;
  if (gaps > MAX_PATTERN_GAPS) return `The pattern "${pattern.slice(0, 80)}" has ${gaps} gaps (~); the limit is ${MAX_PATTERN_GAPS}, so that matching stays fast. Split it into shorter patterns.`;
  return null;
}

/** Compiles one phrase pattern; returns null for a pattern with no words, or one too costly to run (patternProblem says why). */
export function compilePattern(pattern: string): RegExp | null {
  if (patternProblem(pattern)) return null;
  const tokens = patternTokens(pattern);
  let body = '';
  let pendingGap = -1;
  let anchored = false;
  let words = 0;
  let durations = 0;
  for (const raw of tokens) {
    // Commas and colons written next to pattern words are only the author's punctuation.
    const token = raw.length > 1 ? raw.replace(/^[,;:]+|[,;:]+$/g, '') : raw;
    if (!token) continue;
    const gap = /^~(\d?)$/.exec(token);
    if (gap) {
      pendingGap = Math.min(6, gap[1] ? Number(gap[1]) : 3);
      continue;
    }
    if (token === '$') {
      anchored = true;
      break;
    }
    if (words > 0) {
      body += ` ${PUNCT_GAP}`;
      if (pendingGap > 0) body += `(?:\\S+ ){0,${pendingGap}}`;
    }
    pendingGap = -1;
    body += slot(token, token === '@duration' && durations++ === 0);
    words++;
  }
  if (!words) return null;
  const end = anchored ? '(?: [.,!?])*$' : '(?= |$)';
  return new RegExp(`(?<=^| )${body}${end}`, 'g');
}

export function isNotWord(word: string): boolean {
  return NOT_WORD.test(word);
}

/** Minutes in a duration matched by @duration ("2 weeks", "half an hour", "24h"), or NaN. */
export function durationMinutes(text: string): number {
  const glued = /^(\d+)([a-z]+)$/.exec(text);
  if (glued) return Number(glued[1]) * (UNIT_MINUTES[glued[2]!] ?? NaN);
  const space = text.lastIndexOf(' ');
  const amount = text.slice(0, space);
  const unit = text.slice(space + 1);
  const n = /^\d/.test(amount) ? Number(amount.replace(',', '.')) : NUMBER_WORDS[amount];
  return (n ?? NaN) * (UNIT_MINUTES[unit] ?? NaN);
}

const PUNCT_RANK: Record<string, number> = { ',': 1, '.': 2, '!': 3, '?': 4 };

function punctToken(run: string): string | null {
  if (run.includes('?')) return '?';
  if (run.includes('!')) return '!';
  if (/[.;:…]/.test(run)) return '.';
  if (/[,–—]/.test(run) || run === '-') return ',';
  return null;
}

/**
 * Lower-case words separated by single spaces, with sentence punctuation kept as its own token so
 * patterns can see clause boundaries. Internal punctuation stays in the word: "3/14", "rip-off", "don't".
 */
export function normalizeMessage(raw: string): string {
  const text = raw
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[!?;…]+|\.{2,}/g, ' $& ')
    .replace(/,(?=\p{L})/gu, ', ');
  const out: string[] = [];
  const pushPunct = (run: string) => {
    const p = punctToken(run);
    if (!p) return;
    const last = out[out.length - 1];
    if (last !== undefined && last in PUNCT_RANK) {
      if (PUNCT_RANK[p]! > PUNCT_RANK[last]!) out[out.length - 1] = p;
    } else {
      out.push(p);
    }
  };
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    const m = /^([^\p{L}\p{N}#$€£@+]*)(.*?)([^\p{L}\p{N}%]*)$/u.exec(chunk);
    if (!m) continue;
    const [, lead = '', word = '', trail = ''] = m;
    if (lead) pushPunct(lead);
    if (word) out.push(word);
    if (trail) pushPunct(trail);
  }
  return out.join(' ');
}

/** A match as the agent should read it: "great , another" becomes "great, another". */
export function prettyMatch(text: string, max = 48): string {
  const t = text.replace(/ ([.,!?])/g, '$1').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
