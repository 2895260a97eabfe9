/**
 * Text helpers for stored notes: the first line shown in lists, the word index used by search,
 * and search snippets. Pure functions; the notes store keeps their results as derived fields.
 */

/** Longest first line kept for lists; the full text is only loaded when a note is opened. */
export const FIRST_LINE_MAX = 120;
/** Words longer than this are indexed by their start; a query longer than that still matches. */
export const WORD_MAX = 24;
/** Cap on distinct indexed words per note, so a pasted log cannot make one save rewrite a huge index. */
export const WORDS_PER_NOTE_MAX = 1000;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD_CHARS = /[\p{L}\p{N}]/u;

/** Case- and accent-insensitive form of one character ("É" → "e"). May be empty or longer. */
function foldChar(ch: string): string {
  return ch.toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** Case- and accent-insensitive form of a string, for matching. */
export function fold(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
}

/** The first non-empty line, whitespace collapsed and bounded: what a notes list shows. */
export function firstLineOf(text: string): string {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean) return clean.length > FIRST_LINE_MAX ? `${clean.slice(0, FIRST_LINE_MAX - 1)}…` : clean;
  }
  return '';
}

function splitWords(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Very common words are left out of the search index: they would make it much larger and
 * finding "the" in a notes list helps no one.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can did do does for from had has have he her him his how if in into is it its ' +
    'me my no not of on or our she so than that the their them then there they this to too up us was we were what ' +
    'when which who will with you your'
  ).split(' '),
);

/** Query words up to this length match only themselves; longer ones also match longer words. */
export const EXACT_MATCH_MAX = 2;

/**
 * The distinct words a note is findable by: folded, at least 2 characters, no stopwords,
 * cut to WORD_MAX, at most WORDS_PER_NOTE_MAX.
 */
export function noteWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of splitWords(fold(text))) {
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    words.add(word.length > WORD_MAX ? word.slice(0, WORD_MAX) : word);
    if (words.size >= WORDS_PER_NOTE_MAX) break;
  }
  return [...words];
}

/**
 * A search index entry of a note: [word, -updatedAt]. With the entries of each word ordered
 * newest first, a search reads only the newest matching notes instead of every match.
 */
export type NoteTerm = [word: string, negUpdatedAt: number];

export function noteTerms(text: string, updatedAt: number): NoteTerm[] {
  return noteWords(text).map((w): NoteTerm => [w, -updatedAt]);
}

/** The words of a search query, folded and cut like index words, stopwords left out. */
export function queryTokens(query: string): string[] {
  const tokens = splitWords(fold(query))
    .filter((t) => !STOPWORDS.has(t))
    .map((t) => (t.length > WORD_MAX ? t.slice(0, WORD_MAX) : t));
  return [...new Set(tokens)];
}

/** Whether an indexed word satisfies a query token: short tokens exactly, longer ones as a prefix. */
export function tokenMatchesWord(token: string, word: string): boolean {
  return token.length <= EXACT_MATCH_MAX ? word === token : word.startsWith(token);
}

export interface Snippet {
  /** Plain text around the first match, with "…" where it was cut. */
  text: string;
  /** Where the matched word starts in `text`, and how long the match is; -1 when nothing matched. */
  matchStart: number;
  matchLength: number;
}

/**
 * A short excerpt of `text` around the first place a query token matches a word, for search results.
 * Matching is folded (case and accents), but the excerpt keeps the note's own characters.
 */
export function snippetFor(text: string, tokens: readonly string[], radius = 50): Snippet {
  // Fold character by character so a match position maps back to the original text.
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);

  let best: { start: number; end: number } | null = null;
  for (const token of tokens) {
    let from = 0;
    while (from <= folded.length) {
      const at = folded.indexOf(token, from);
      if (at < 0) break;
      const before = at > 0 ? folded[at - 1] : undefined;
      const after = folded[at + token.length];
      const wholeWordNeeded = token.length <= EXACT_MATCH_MAX;
      if ((before === undefined || !WORD_CHARS.test(before)) && (!wholeWordNeeded || after === undefined || !WORD_CHARS.test(after))) {
        if (!best || at < best.start) best = { start: at, end: at + token.length };
        break;
      }
      from = at + 1;
    }
  }

  const flat = (s: string) => s.replace(/\s+/g, ' ');
  if (!best) {
    const head = flat(text).trim();
    const cut = head.length > radius * 2;
    return { text: cut ? `${head.slice(0, radius * 2)}…` : head, matchStart: -1, matchLength: 0 };
  }
  const start = origin[best.start] ?? 0;
  const end = origin[best.end] ?? text.length;
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const lead = from > 0 ? '…' : '';
  const before = flat(text.slice(from, start));
  const match = flat(text.slice(start, end));
  const after = flat(text.slice(end, to));
  return {
    text: `${lead}${before}${match}${after}${to < text.length ? '…' : ''}`,
    matchStart: lead.length + before.length,
    matchLength: match.length,
  };
}
