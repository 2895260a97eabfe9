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
 * The distinct words a note is findable by: folded, at least 2 characters, cut to WORD_MAX.
 * Stored on the note and indexed (multiEntry), so search reads only matching notes.
 */
export function noteWords(text: string): string[] {
  const words = new Set<string>();
  for (const word of splitWords(fold(text))) {
    if (word.length < 2) continue;
    words.add(word.length > WORD_MAX ? word.slice(0, WORD_MAX) : word);
    if (words.size >= WORDS_PER_NOTE_MAX) break;
  }
  return [...words];
}

/** The words of a search query, folded; each must start a word of a matching note. */
export function queryTokens(query: string): string[] {
  return [...new Set(splitWords(fold(query)))];
}

/** The form of a query token looked up in the word index (index words are cut to WORD_MAX). */
export function indexToken(token: string): string {
  return token.length > WORD_MAX ? token.slice(0, WORD_MAX) : token;
}

/** Whether a note with these indexed words matches every query token (each starts some word). */
export function wordsMatch(words: readonly string[], tokens: readonly string[]): boolean {
  return tokens.every((token) => {
    const t = indexToken(token);
    return words.some((w) => w.startsWith(t));
  });
}

export interface Snippet {
  /** Plain text around the first match, with "…" where it was cut. */
  text: string;
  /** Where the matched word starts in `text`, and how long the match is; -1 when nothing matched. */
  matchStart: number;
  matchLength: number;
}

/**
 * A short excerpt of `text` around the first place a query token starts a word, for search results.
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
      if (before === undefined || !WORD_CHARS.test(before)) {
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
