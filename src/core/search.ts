/**
 * Phrase search that stays instant on big packs: words anywhere, small typos forgiven,
 * the word being typed matched as a prefix. All tokenising happens once in buildPhraseIndex;
 * a query only walks a sorted vocabulary and posting lists.
 */
import type { Channel } from './ticket';
import type { StepId } from './steps';
import { STEP_IDS } from './steps';
import { quantileOfSorted, seededRandom } from './measure';

export interface IndexedPhrase {
  id: string;
  step: StepId;
  text: string;
  channels?: Channel[];
  tags?: string[];
  title?: string;
  /** Unique across merged packs (e.g. "acme-support/emp-repeat"); usage counts are keyed by it when present. */
  key?: string;
  packId?: string;
}

export interface SearchContext {
  step?: StepId;
  channel?: Channel;
  /** Times each phrase was inserted, by `key ?? id`. */
  usage?: Record<string, number>;
  /** Default 50. */
  limit?: number;
  /**
   * Phrases (by `key ?? id`) whose conditions this ticket does not meet: still found, ranked after
   * every phrase whose conditions hold.
   */
  unmet?: ReadonlySet<string>;
}

export interface PhraseIndex {
  readonly phrases: readonly IndexedPhrase[];
  /** Sorted, unique tokens. */
  readonly vocab: readonly string[];
  /** vocab index → phrase indices containing that token (ascending). */
  readonly postings: readonly Int32Array[];
  /** phrase index → its token ids, to check further query words on a few candidates only. */
  readonly phraseTokens: readonly Int32Array[];
  /** Token ids bucketed by length, for typo lookups. */
  readonly byLength: readonly (readonly number[])[];
  /** Token id → bit set of the letters it contains: a cheap filter before computing edit distances. */
  readonly letterMask: Int32Array;
  /** phrase index → step position, and a bit mask of its channels (0 = every channel). */
  readonly stepOf: Uint8Array;
  readonly channelMask: Uint8Array;
  /** Scratch: the seed word's match quality per phrase, 0 when unseen. Reused across queries (single-threaded). */
  readonly seedQuality: Uint8Array;
  /** Per-word match lists, so typing a longer query does not redo its earlier words. */
  readonly wordCache: Map<string, WordMatch[]>;
  /** The last usage record turned into a per-phrase array, reused while the caller passes the same object. */
  usageCache?: { source: Record<string, number>; counts: Float64Array };
  /** The last `unmet` set as a per-phrase flag array, reused while the caller passes the same set. */
  unmetCache?: { source: ReadonlySet<string>; flags: Uint8Array };
}

interface WordMatch {
  token: number;
  quality: number;
}

const EXACT = 3;
const PREFIX = 2;
const TYPO = 1;

// Small words that should not make a phrase fail to match when it words things differently.
const STOP_WORDS = new Set(
  'a an and are as at be but by for from i if in is it me my of on or our so that the this to was we will with you your'.split(' '),
);

/** Lower-case, accents removed, apostrophes dropped ("you've" → "youve"), split on anything else. */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .replace(/['’]/g, '');
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function searchableText(p: IndexedPhrase): string {
  return `${p.text} ${p.title ?? ''} ${(p.tags ?? []).join(' ')}`;
}

const CHANNEL_BITS: Record<Channel, number> = { chat: 1, email: 2, messaging: 4, phone: 8, other: 16 };

type TokenIndex = Pick<PhraseIndex, 'vocab' | 'postings' | 'phraseTokens' | 'byLength' | 'letterMask'>;

function buildTokenIndex(phrases: readonly IndexedPhrase[]): TokenIndex {
  const lists = new Map<string, number[]>();
  const perPhrase: string[][] = [];
  phrases.forEach((p, i) => {
    const tokens = [...new Set(tokenize(searchableText(p)))];
    perPhrase.push(tokens);
    for (const tok of tokens) {
      let list = lists.get(tok);
      if (!list) lists.set(tok, (list = []));
      list.push(i);
    }
  });
  const vocab = [...lists.keys()].sort();
  const tokenId = new Map(vocab.map((t, id) => [t, id]));
  const postings = vocab.map((t) => Int32Array.from(lists.get(t)!));
  const phraseTokens = perPhrase.map((tokens) => Int32Array.from(tokens, (t) => tokenId.get(t)!));
  const byLength: number[][] = [];
  vocab.forEach((t, id) => {
    (byLength[t.length] ??= []).push(id);
  });
  for (let k = 0; k < byLength.length; k++) byLength[k] ??= [];
  return { vocab, postings, phraseTokens, byLength, letterMask: Int32Array.from(vocab, letterBits) };
}

/**
 * The word index is built on the first query with words: the list a panel shows when it opens needs
 * only each phrase's step and channels, and tokenizing every phrase was the largest part of a cold
 * panel's first render.
 */
export function buildPhraseIndex(phrases: readonly IndexedPhrase[]): PhraseIndex {
  const n = phrases.length;
  const stepOf = new Uint8Array(n);
  const channelMask = new Uint8Array(n);
  phrases.forEach((p, i) => {
    stepOf[i] = STEP_IDS.indexOf(p.step);
    channelMask[i] = (p.channels ?? []).reduce((m, c) => m | (CHANNEL_BITS[c] ?? 0), 0);
  });
  let tokens: TokenIndex | undefined;
  const words = () => (tokens ??= buildTokenIndex(phrases));
  return {
    phrases,
    stepOf,
    channelMask,
    seedQuality: new Uint8Array(n),
    wordCache: new Map(),
    get vocab() { return words().vocab; },
    get postings() { return words().postings; },
    get phraseTokens() { return words().phraseTokens; },
    get byLength() { return words().byLength; },
    get letterMask() { return words().letterMask; },
  };
}

/** Which of 32 letter buckets occur in a word; one edit changes at most two bits. */
function letterBits(word: string): number {
  let bits = 0;
  for (let k = 0; k < word.length; k++) bits |= 1 << (word.charCodeAt(k) & 31);
  return bits;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Edit distance (Levenshtein plus swapped neighbours, "teh" → "the") if at most max, else max + 1.
 * Banded to the diagonal and exits as soon as a whole row is over the bound.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  const over = max + 1;
  let prev2 = new Array<number>(lb + 1).fill(over);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1).fill(over);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(lb, i + max);
    cur.fill(over);
    cur[0] = i;
    let rowMin = from === 1 ? i : over;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const swap = prev2[j - 2]! + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return over;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  const d = prev[lb]!;
  return d > max ? over : d;
}

export function typoBudget(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

function firstAtLeast(vocab: readonly string[], word: string): number {
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Vocabulary tokens this query word matches, best quality first. */
function matchWord(index: PhraseIndex, word: string, asPrefix: boolean): WordMatch[] {
  const cacheKey = `${asPrefix ? 'p' : 'w'}:${word}`;
  const cached = index.wordCache.get(cacheKey);
  if (cached) return cached;
  const { vocab, byLength, letterMask } = index;
  const out: WordMatch[] = [];
  const seen = new Set<number>();
  const start = firstAtLeast(vocab, word);
  if (vocab[start] === word) {
    out.push({ token: start, quality: EXACT });
    seen.add(start);
  }
  if (asPrefix) {
    for (let k = start; k < vocab.length && vocab[k]!.startsWith(word); k++) {
      if (!seen.has(k)) {
        out.push({ token: k, quality: PREFIX });
        seen.add(k);
      }
    }
  }
  const budget = typoBudget(word);
  if (budget > 0) {
    const bits = letterBits(word);
    for (let len = word.length - budget; len <= word.length + budget; len++) {
      for (const id of byLength[len] ?? []) {
        if (popcount(bits ^ letterMask[id]!) > 2 * budget || seen.has(id)) continue;
        if (boundedDistance(word, vocab[id]!, budget) <= budget) {
          out.push({ token: id, quality: TYPO });
          seen.add(id);
        }
      }
    }
  }
  if (index.wordCache.size > 500) index.wordCache.clear();
  index.wordCache.set(cacheKey, out);
  return out;
}

/** 2: made for this channel; 1: fits every channel (or chat on a messaging app); 0: made for another. */
function channelFit(mask: number, channel: Channel | undefined): number {
  if (!channel || mask === 0) return 1;
  if (mask & CHANNEL_BITS[channel]) return 2;
  // Messaging apps read like chat: a chat phrase fits better than an email one.
  if (channel === 'messaging' && mask & CHANNEL_BITS.chat) return 1;
  return 0;
}

function usageCounts(index: PhraseIndex, usage: Record<string, number> | undefined): Float64Array | undefined {
  if (!usage) return undefined;
  if (index.usageCache?.source === usage) return index.usageCache.counts;
  const counts = new Float64Array(index.phrases.length);
  index.phrases.forEach((p, i) => {
    const n = usage[p.key ?? p.id];
    if (typeof n === 'number' && n > 0) counts[i] = Math.min(n, 9999);
  });
  index.usageCache = { source: usage, counts };
  return counts;
}

function unmetFlags(index: PhraseIndex, unmet: ReadonlySet<string> | undefined): Uint8Array | undefined {
  if (!unmet?.size) return undefined;
  if (index.unmetCache?.source === unmet) return index.unmetCache.flags;
  const flags = new Uint8Array(index.phrases.length);
  index.phrases.forEach((p, i) => {
    if (unmet.has(p.key ?? p.id)) flags[i] = 1;
  });
  index.unmetCache = { source: unmet, flags };
  return flags;
}

/** Keeps the best `limit` (key, index) pairs. */
class TopK {
  readonly keys: number[] = [];
  readonly ids: number[] = [];
  constructor(readonly limit: number) {}
  offer(key: number, id: number): void {
    const { keys, ids, limit } = this;
    if (keys.length === limit && key <= keys[keys.length - 1]!) return;
    let k = keys.length;
    while (k > 0 && keys[k - 1]! < key) k--;
    keys.splice(k, 0, key);
    ids.splice(k, 0, id);
    if (keys.length > limit) {
      keys.pop();
      ids.pop();
    }
  }
}

interface QueryWord {
  required: boolean;
  /** token id → match quality (0 = no match). */
  quality: Uint8Array;
  matches: WordMatch[];
  cost: number;
}

export function searchPhrases(index: PhraseIndex, query: string, ctx: SearchContext = {}): IndexedPhrase[] {
  const limit = Math.max(1, ctx.limit ?? 50);
  const top = new TopK(limit);
  const { phrases, stepOf, channelMask } = index;
  const stepWanted = ctx.step ? STEP_IDS.indexOf(ctx.step) : -1;
  const usage = usageCounts(index, ctx.usage);
  const unmet = unmetFlags(index, ctx.unmet);
  // One number per phrase so top-k needs no full sort. First what is true of the ticket (conditions
  // hold), then, for a query, what fits its channel (a chat never leads with an email-formatted line),
  // then match quality, step, how well the channel fits, usage. The last term (< 1) keeps pack order among equals.
  const order = 1 / (phrases.length + 1);
  const words = tokenize(query);
  // Without a query the list is the step's own: the step comes before the channel there.
  const channelTier = words.length ? 1e8 : 0;
  const rank = (quality: number, p: number) => {
    const fit = channelFit(channelMask[p]!, ctx.channel);
    return (unmet && unmet[p] ? 0 : 2e8) + (fit > 0 ? channelTier : 0) + Math.min(quality, 99) * 1e6 + (stepOf[p] === stepWanted ? 1e5 : 0) + fit * 1e4 + (usage ? usage[p]! : 0) - p * order;
  };

  if (words.length === 0) {
    for (let i = 0; i < phrases.length; i++) top.offer(rank(0, i), i);
    return top.ids.map((i) => phrases[i]!);
  }

  const { postings, phraseTokens } = index;
  // The last word is still being typed unless the query ends in a space.
  const typing = !/\s$/.test(query);
  const last = words[words.length - 1];
  const allStop = words.every((w) => STOP_WORDS.has(w));
  const qwords: QueryWord[] = [...new Set(words)].map((word) => {
    const matches = matchWord(index, word, typing && word === last);
    const quality = new Uint8Array(index.vocab.length);
    let cost = 0;
    for (const m of matches) {
      quality[m.token] = m.quality;
      cost += postings[m.token]!.length;
    }
    return { required: allStop || !STOP_WORDS.has(word), quality, matches, cost };
  });
  // Start from the most selective required word, then check the others on its candidates only.
  const required = qwords.filter((w) => w.required).sort((a, b) => a.cost - b.cost);
  const seed = required[0]!;
  const others = qwords.filter((w) => w !== seed);

  const { seedQuality } = index;
  const seen: number[] = [];
  // Matches arrive best first, so the first time a phrase shows up is its best quality for this word.
  for (const { token, quality } of seed.matches) {
    const list = postings[token]!;
    for (let k = 0; k < list.length; k++) {
      const p = list[k]!;
      if (seedQuality[p] === 0) {
        seedQuality[p] = quality;
        seen.push(p);
      }
    }
  }
  for (const p of seen) {
    let score = seedQuality[p]!;
    seedQuality[p] = 0;
    const tokens = phraseTokens[p]!;
    let ok = true;
    for (const w of others) {
      const q = bestQuality(tokens, w.quality);
      if (q === 0 && w.required) {
        ok = false;
        break;
      }
      score += q;
    }
    if (ok) top.offer(rank(score, p), p);
  }
  return top.ids.map((i) => phrases[i]!);
}

function bestQuality(tokens: Int32Array, quality: Uint8Array): number {
  let best = 0;
  for (let k = 0; k < tokens.length; k++) {
    const q = quality[tokens[k]!]!;
    if (q > best) best = q;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Benchmark: a plain function the bench runner calls; never used in timed assertions.

const BENCH_WORDS = (
  'thanks waiting patience sorry order refund delivery package account password reset billing invoice charge ' +
  'subscription cancel renew upgrade shipping tracking address email phone chat help understand frustrating ' +
  'again contacted times look into right away colleague team specialist update tomorrow today check follow ' +
  'working fixed solved anything else happy glad appreciate apologize mistake error missing damaged replace ' +
  'exchange return label warehouse courier carrier delay late early schedule appointment confirm details ' +
  'number reference screenshot browser cache login access locked verify identity security card payment bank ' +
  'transfer receipt discount coupon voucher credit balance statement plan feature setting option report'
).split(' ');

/** A deterministic pseudo-pack: real support words plus invented ones for a big vocabulary. */
export function syntheticPhrases(count: number, seed = 42): IndexedPhrase[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const syllables = ['ka', 'lo', 'mi', 'ter', 'van', 'sol', 'ri', 'den', 'pu', 'qua', 'zen', 'bor'];
  const invented = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join(''));
  const channels: Channel[][] = [['chat'], ['email'], ['chat', 'email'], []];
  return Array.from({ length: count }, (_, i) => {
    const len = 8 + Math.floor(rnd() * 20);
    const words = Array.from({ length: len }, () => (rnd() < 0.7 ? pick(BENCH_WORDS) : pick(invented)));
    const ch = pick(channels);
    const p: IndexedPhrase = { id: `p${i}`, step: pick(STEP_IDS), text: `${words.join(' ')}.` };
    if (ch.length) p.channels = ch;
    return p;
  });
}

/** Builds a 10k-phrase index and times many typical queries (each keystroke of a few searches, typos included). */
export function benchSearch(phraseCount = 10_000): { p95Ms: number; medianMs: number; maxMs: number; phrases: number; queries: number; buildMs: number } {
  const phrases = syntheticPhrases(phraseCount);
  const t0 = performance.now();
  const index = buildPhraseIndex(phrases);
  const buildMs = performance.now() - t0;
  const typed = ['thanks for waiting', 'sorry refnd', 'order trackng number', 'pasword reset', 'colleague tomorrow', 'apologise mistake', 'subscriptoin cancel', 'deliv', 'you', 'appreciate patience'];
  const queries: string[] = [''];
  for (const q of typed) for (let k = 1; k <= q.length; k++) queries.push(q.slice(0, k));
  const usage: Record<string, number> = {};
  for (let i = 0; i < phraseCount; i += 7) usage[`p${i}`] = i % 13;
  // As in the panel: about one phrase in ten assumes something this ticket does not show.
  const unmet = new Set<string>();
  for (let i = 3; i < phraseCount; i += 10) unmet.add(`p${i}`);
  // One unmeasured round so the JIT has compiled the search, as in a panel that has been open a while.
  for (const q of queries) searchPhrases(index, q, { step: 'empathize', channel: 'chat', usage, unmet, limit: 50 });
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    // Each round starts cold, as after a pack reload.
    index.wordCache.clear();
    for (const q of queries) {
      const s = performance.now();
      searchPhrases(index, q, { step: 'empathize', channel: 'chat', usage, unmet, limit: 50 });
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    p95Ms: round3(quantileOfSorted(times, 0.95)),
    medianMs: round3(quantileOfSorted(times, 0.5)),
    maxMs: round3(times[times.length - 1]!),
    phrases: phraseCount,
    queries: times.length,
    buildMs: Math.round(buildMs),
  };
}
