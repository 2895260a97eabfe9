// Reads the moment from the customer's side: frustration, waiting, urgency, a happy customer.
// Pure and cheap (compiled rules are cached per rules object); it only ever suggests.
import type { Channel } from '../ticket';
import { compilePattern, durationMinutes, isNotWord, normalizeMessage, prettyMatch } from './pattern';
import { CUE_KINDS, DEFAULT_CUE_RULES, type CueKind, type CueRules, type CueStepId, type PhraseSignal } from './rules';

export interface Cue {
  kind: CueKind;
  /** Short and human, shown to the agent: "They have written 3 times; Mostly capitals". */
  reason: string;
  /** The same reasons as parts, for a UI that words them in its own language. */
  reasons?: CueReason[];
  /** Steps to bring forward in the checklist. */
  raise: CueStepId[];
  /** 0–1: how strongly the message shows it. */
  strength?: number;
  /** The customer's words behind the cue, for phrases that name the exact situation. */
  evidence?: string[];
}

/** One reason as the rule wrote it: its template ('Says "{match}"') and what filled it. */
export interface CueReason {
  template: string;
  /** The customer's words for {match}, or the count for {n}. */
  value?: string;
  /** For {duration}: how long they have waited. */
  waitedMs?: number;
}

export interface CueInput {
  message?: string;
  customerMessages?: number;
  channel?: Channel;
  /** Epoch ms of the customer's latest message. */
  lastCustomerMessageAt?: number;
  agentRepliedSince?: boolean;
  /** Epoch ms; passed in so detection never reads the clock. */
  now: number;
}

/** Longer messages are cut: the start of a message carries its tone, and work stays bounded. */
const MAX_CHARS = 4000;

/** A compiled pattern and words one of which any match must contain, to skip the regex cheaply. */
interface Matcher {
  regex: RegExp;
  needles: string[] | null;
}

interface CompiledSignal {
  id: string;
  signal: PhraseSignal;
  regexes: Matcher[];
}

interface CompiledRules {
  frustration: CompiledSignal[];
  urgency: CompiledSignal[];
  happy: CompiledSignal[];
  calm: Matcher[];
  calmProblem: Matcher[];
  courtesy: Matcher[];
  requests: Matcher[];
  negators: Set<string>;
  others: Set<string>;
  elsewhere: Set<string>;
  breakers: Set<string>;
  contrast: Set<string>;
  emphasisAllow: Set<string>;
  scareQuotes: RegExp | null;
}

interface Hit {
  id: string;
  reason: string;
  template?: string;
  value?: string;
  weight: number;
  index: number;
  end: number;
  text: string;
}

const compiledCache = new WeakMap<CueRules, CompiledRules>();

/** A pack can hold many patterns, but detection must stay cheap. */
const MAX_PATTERNS_PER_LIST = 200;

function compileList(patterns: readonly string[]): Matcher[] {
  const out: Matcher[] = [];
  for (const p of patterns.slice(0, MAX_PATTERNS_PER_LIST)) {
    const regex = compilePattern(p);
    if (regex) out.push({ regex, needles: needlesOf(p) });
  }
  return out;
}

const SLOT_TOKEN = /^(?:#|@date|@duration|not|~\d?|\$)$/;

/**
 * The most selective word of a pattern whose alternatives are all plain words (or "word*"
 * prefixes): every match contains one of them, so a message without any cannot match. There
 * are a few hundred patterns and most never match, so this keeps detection well under a
 * millisecond. Null when no word qualifies; the regex then always runs.
 */
function needlesOf(pattern: string): string[] | null {
  let best: string[] | null = null;
  let bestLength = 0;
  for (const raw of pattern.trim().toLowerCase().split(/\s+/).slice(0, 24)) {
    const token = raw.length > 1 ? raw.replace(/^[,;:]+|[,;:]+$/g, '') : raw;
    if (!token || SLOT_TOKEN.test(token)) continue;
    const alternatives = token.split('|').filter(Boolean);
    if (!alternatives.length || alternatives.some((a) => SLOT_TOKEN.test(a) || a === '*')) continue;
    const words = alternatives.map((a) => (a.length > 1 && a.endsWith('*') ? a.slice(0, -1) : a));
    const shortest = Math.min(...words.map((w) => w.length));
    if (shortest > bestLength) {
      best = words;
      bestLength = shortest;
    }
  }
  return best;
}

function mayMatch(m: Matcher, text: string): boolean {
  return m.needles === null || m.needles.some((n) => text.includes(n));
}

function compileSignals(signals: Record<string, PhraseSignal>): CompiledSignal[] {
  return Object.entries(signals).map(([id, signal]) => ({ id, signal, regexes: compileList(signal.patterns) }));
}

function compile(rules: CueRules): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const compiled = assemble(rules, {
    frustration: compileSignals(rules.frustration.signals),
    urgency: compileSignals(rules.urgency.signals),
    happy: compileSignals(rules.happy.signals),
    calm: compileList(rules.urgency.calm),
    calmProblem: compileList(rules.frustration.calm ?? []),
    courtesy: compileList(rules.happy.courtesyPhrases),
    requests: compileList(rules.happy.requests),
  });
  compiledCache.set(rules, compiled);
  return compiled;
}

type CompiledLists = Pick<CompiledRules, 'frustration' | 'urgency' | 'happy' | 'calm' | 'calmProblem' | 'courtesy' | 'requests'>;

function assemble(rules: CueRules, lists: CompiledLists): CompiledRules {
  const lower = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    ...lists,
    negators: lower(rules.negators),
    others: lower(rules.otherPeople),
    elsewhere: lower(rules.frustration.elsewhere ?? []),
    breakers: lower(rules.negationBreakers),
    contrast: lower(rules.contrastWords),
    emphasisAllow: new Set(rules.frustration.emphasis.allow.map((w) => w.toUpperCase())),
    scareQuotes: scareQuoteRegExp(rules.frustration.scareQuotes.words),
  };
}

/** One compiled pattern as plain data: regex source, flags, needles. */
type MatcherData = [source: string, flags: string, needles: string[] | null];

/**
 * The patterns of a rule set compiled, as plain data to store beside the rules (the panel's
 * merged phrase set): turning a few hundred patterns into regular expressions is most of the
 * first detection's cost, and a panel pays it on every open. Only this module reads it back.
 */
export interface CompiledCueData {
  signals: Record<'frustration' | 'urgency' | 'happy', Record<string, MatcherData[]>>;
  lists: Record<'calm' | 'calmProblem' | 'courtesy' | 'requests', MatcherData[]>;
}

export function compiledCueData(rules: CueRules): CompiledCueData {
  const c = compile(rules);
  const data = (ms: readonly Matcher[]): MatcherData[] => ms.map((m) => [m.regex.source, m.regex.flags, m.needles]);
  const signals = (list: readonly CompiledSignal[]) => Object.fromEntries(list.map((s) => [s.id, data(s.regexes)]));
  return {
    signals: { frustration: signals(c.frustration), urgency: signals(c.urgency), happy: signals(c.happy) },
    lists: { calm: data(c.calm), calmProblem: data(c.calmProblem), courtesy: data(c.courtesy), requests: data(c.requests) },
  };
}

const isMatcherData = (m: unknown): m is MatcherData =>
  Array.isArray(m) && typeof m[0] === 'string' && typeof m[1] === 'string' && (m[2] === null || (Array.isArray(m[2]) && m[2].every((n) => typeof n === 'string')));

/**
 * Detection for `rules` uses `data` (made by compiledCueData for the same rules) instead of
 * compiling again. Anything missing or malformed is compiled from the rules as usual; a stored
 * set is keyed by the extension version, so data from a version with other pattern rules never
 * reaches here.
 */
export function restoreCompiledCues(rules: CueRules, data: CompiledCueData | undefined): void {
  if (compiledCache.has(rules) || typeof data !== 'object' || data === null) return;
  const restore = (list: unknown, patterns: readonly string[]): Matcher[] => {
    if (!Array.isArray(list) || !list.every(isMatcherData)) return compileList(patterns);
    try {
      return list.map(([source, flags, needles]) => ({ regex: new RegExp(source, flags), needles }));
    } catch {
      return compileList(patterns);
    }
  };
  const signals = (kind: keyof CompiledCueData['signals'], from: Record<string, PhraseSignal>): CompiledSignal[] =>
    Object.entries(from).map(([id, signal]) => ({ id, signal, regexes: restore(Object.hasOwn(data.signals?.[kind] ?? {}, id) ? data.signals[kind][id] : undefined, signal.patterns) }));
  compiledCache.set(rules, assemble(rules, {
    frustration: signals('frustration', rules.frustration.signals),
    urgency: signals('urgency', rules.urgency.signals),
    happy: signals('happy', rules.happy.signals),
    calm: restore(data.lists?.calm, rules.urgency.calm),
    calmProblem: restore(data.lists?.calmProblem, rules.frustration.calm ?? []),
    courtesy: restore(data.lists?.courtesy, rules.happy.courtesyPhrases),
    requests: restore(data.lists?.requests, rules.happy.requests),
  }));
}

/**
 * `derived` differs from `rules` only in a threshold (the agent's waiting time): it shares the
 * compiled patterns instead of compiling them again.
 */
export function shareCompiledCues(rules: CueRules, derived: CueRules): void {
  const c = compiledCache.get(rules);
  if (c && !compiledCache.has(derived)) compiledCache.set(derived, c);
}

function scareQuoteRegExp(words: readonly string[]): RegExp | null {
  const list = words
    .slice(0, MAX_PATTERNS_PER_LIST)
    .map((w) => w.trim().replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .filter(Boolean);
  if (!list.length) return null;
  // An opening quote after a space (not an apostrophe inside a word), the word, then a closing quote.
  return new RegExp(`(?<![\\p{L}\\p{N}])['"“‘«](?:${list.join('|')})['"”’»](?![\\p{L}\\p{N}])`, 'iu');
}

function anyMatch(matchers: readonly Matcher[], text: string): boolean {
  return matchers.some((m) => {
    if (!mayMatch(m, text)) return false;
    m.regex.lastIndex = 0;
    return m.regex.test(text);
  });
}

function matches(matchers: readonly Matcher[], text: string): RegExpMatchArray[] {
  const out: RegExpMatchArray[] = [];
  for (const m of matchers) if (mayMatch(m, text)) for (const found of text.matchAll(m.regex)) out.push(found);
  return out;
}

/** Whether a negator sits in the few words before `index`, within the same clause. */
function negated(text: string, index: number, c: CompiledRules, window: number): boolean {
  const before = text.slice(0, index).trimEnd().split(' ').slice(-window);
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i]!;
    if (word === '.' || word === ',' || word === '!' || word === '?' || c.contrast.has(word)) return false;
    if (c.negators.has(word) || isNotWord(word)) {
      const next = before[i + 1];
      return !(next !== undefined && c.breakers.has(next));
    }
  }
  return false;
}

/** A negator inside a gapped match: "I will not cancel" matched "i will ~2 cancel". */
function negatedInside(match: string, c: CompiledRules): boolean {
  const words = match.split(' ');
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (c.negators.has(word) || isNotWord(word)) return !c.breakers.has(words[i + 1] ?? '');
  }
  return false;
}

const CLAUSE_END = new Set(['.', ',', '!', '?']);

/** Whether something that is not the service sits within three words of a verdict, in its clause: "awful weather". */
function aimedElsewhere(text: string, start: number, end: number, c: CompiledRules): boolean {
  if (!c.elsewhere.size) return false;
  const near = (words: string[]) => {
    for (const w of words) {
      if (CLAUSE_END.has(w)) return false;
      if (c.elsewhere.has(w)) return true;
    }
    return false;
  };
  return near(text.slice(0, start).trimEnd().split(' ').slice(-3).reverse()) || near(text.slice(end).trimStart().split(' ').slice(0, 3));
}

function wordsBefore(text: string, index: number, count: number): string[] {
  return text.slice(0, index).trimEnd().split(' ').slice(-count);
}

/** Whether another person is the subject of the words at `index`: "my boss is furious". */
function someoneElse(text: string, index: number, c: CompiledRules, window: number): boolean {
  const before = text.slice(0, index).trimEnd().split(' ').slice(-window);
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i]!;
    if (word === '.' || word === ',' || word === '!' || word === '?' || SELF.has(word)) return false;
    // "my wife's really upset": the possessive names the same person.
    if (c.others.has(word) || (word.endsWith("'s") && c.others.has(word.slice(0, -2)))) return true;
  }
  return false;
}

const SELF = new Set(['i', "i'm", 'im', "i've", 'me', 'we', "we're", 'us']);

/** Start offsets of contrast words ("but", "however") in the normalised text. */
function contrastOffsets(text: string, c: CompiledRules): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const word of text.split(' ')) {
    if (c.contrast.has(word)) out.push(offset);
    offset += word.length + 1;
  }
  return out;
}

function phraseHits(list: CompiledSignal[], text: string, c: CompiledRules, rules: CueRules): Hit[] {
  const hits: Hit[] = [];
  for (const { id, signal, regexes } of list) {
    for (const m of matches(regexes, text)) {
      const index = m.index ?? 0;
      if (signal.minMinutes !== undefined && m.groups?.dur !== undefined) {
        if (!(durationMinutes(m.groups.dur) >= signal.minMinutes)) continue;
      }
      if (signal.negatable && (negated(text, index, c, signal.negationWindow ?? rules.negationWindow) || negatedInside(m[0], c))) continue;
      if (signal.personal && someoneElse(text, index, c, rules.negationWindow)) continue;
      if (signal.aimed && aimedElsewhere(text, index, index + m[0].length, c)) continue;
      if (signal.unlessAfter?.length && wordsBefore(text, index, 2).some((w) => signal.unlessAfter!.includes(w))) continue;
      const shown = prettyMatch(m[0]);
      hits.push({ id, reason: signal.reason.replace('{match}', shown), template: signal.reason, value: shown, weight: signal.weight ?? 1, index, end: index + m[0].length, text: shown });
    }
  }
  return hits;
}

/** Each signal counts once, however often it matches: ten "thanks" are not ten times as happy. */
function score(hits: readonly Hit[]): number {
  const best = new Map<string, number>();
  for (const h of hits) best.set(h.id, Math.max(best.get(h.id) ?? 0, h.weight));
  let total = 0;
  for (const w of best.values()) total += w;
  return total;
}

function happyHits(raw: string, text: string, c: CompiledRules, rules: CueRules): Hit[] {
  const signals = new Map(c.happy.map((s) => [s.id, s.signal]));
  const courtesy = matches(c.courtesy, text).map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const asks = anyMatch(c.requests, text);
  const contrasts = contrastOffsets(text, c);
  const hits = phraseHits(c.happy, text, c, rules).filter((h) => {
    const signal = signals.get(h.id);
    if (courtesy.some(([from, to]) => h.index < to && h.end > from)) return false;
    if (signal?.courtesy && asks) return false;
    if (signal?.yieldsToContrast && contrasts.some((at) => at > h.index)) return false;
    return true;
  });
  const emoticon = rules.happy.emoticons.find((e) => e && raw.includes(e));
  if (emoticon) hits.push({ id: 'emoticon', reason: `Smiles: ${emoticon}`, template: 'Smiles: {match}', value: emoticon, weight: rules.happy.emoticonWeight, index: raw.length, end: raw.length, text: emoticon });
  return hits;
}

function toneHits(raw: string, rules: CueRules, c: CompiledRules): Hit[] {
  const hits: Hit[] = [];
  const { shouting, emphasis, punctuation, scareQuotes } = rules.frustration;
  const quoted = c.scareQuotes?.exec(raw);
  if (quoted) hits.push({ id: 'scareQuotes', reason: scareQuotes.reason.replace('{match}', quoted[0]), template: scareQuotes.reason, value: quoted[0], weight: scareQuotes.weight, index: 0, end: 0, text: quoted[0] });
  const upper = raw.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = raw.match(/\p{Ll}/gu)?.length ?? 0;
  const letters = upper + lower;
  const mostlyCaps = letters >= shouting.minLetters && upper / letters >= shouting.capsRatio;
  if (mostlyCaps) hits.push({ id: 'shouting', reason: shouting.reason, template: shouting.reason, weight: shouting.weight, index: 0, end: 0, text: prettyMatch(raw, 40) });
  if (!mostlyCaps) {
    const shouted = (raw.match(/(?<![\p{L}\p{N}])\p{Lu}+(?![\p{L}\p{N}])/gu) ?? []).filter(
      (w) => w.length >= emphasis.minLength && !c.emphasisAllow.has(w),
    );
    if (shouted.length >= emphasis.minWords) {
      const shown = [...new Set(shouted)].slice(0, 3).join(', ');
      hits.push({ id: 'emphasis', reason: emphasis.reason.replace('{match}', shown), template: emphasis.reason, value: shown, weight: emphasis.weight, index: 0, end: 0, text: shown });
    }
  }
  for (const run of raw.match(/[!?]+/g) ?? []) {
    if (run.length >= punctuation.minRun || (run.includes('!') && run.includes('?'))) {
      const shown = run.slice(0, 6);
      hits.push({ id: 'punctuation', reason: punctuation.reason.replace('{match}', shown), template: punctuation.reason, value: shown, weight: punctuation.weight, index: 0, end: 0, text: shown });
      break;
    }
  }
  return hits;
}

function strengthOf(total: number, threshold: number): number {
  return Math.round(Math.min(1, total / (3 * Math.max(threshold, 0.01))) * 100) / 100;
}

/** The strongest couple of distinct reasons, strongest first. */
function cueFrom(kind: CueKind, hits: Hit[], threshold: number, rules: CueRules): Cue {
  const ordered = [...hits].sort((a, b) => b.weight - a.weight);
  // "flight was delayed" already says "delayed": a hit inside a stronger one adds no reason.
  const inside = (h: Hit, i: number) =>
    ordered.some((o, j) => {
      if (j === i || o.end <= o.index || h.index < o.index || h.end > o.end || o.weight < h.weight) return false;
      const same = o.index === h.index && o.end === h.end;
      return !same || j < i;
    });
  const shown = ordered.filter((h, i) => !inside(h, i));
  const firstPerSignal = shown.filter((h, i) => shown.findIndex((o) => o.id === h.id) === i);
  const distinct = firstPerSignal.filter((h, i) => firstPerSignal.findIndex((o) => o.reason === h.reason) === i).slice(0, 2);
  const reasons: CueReason[] = distinct.map((h) => (h.value === undefined ? { template: h.template ?? h.reason } : { template: h.template ?? h.reason, value: h.value }));
  const evidence = [...new Set(shown.map((h) => h.text).filter(Boolean))].slice(0, 5);
  return { kind, reason: distinct.map((h) => h.reason).join('; '), reasons, raise: [...rules.raise[kind]], strength: strengthOf(score(hits), threshold), evidence };
}

function formatWait(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

function waitingCue(input: CueInput, rules: CueRules): Cue | null {
  const { channel, lastCustomerMessageAt, agentRepliedSince, now } = input;
  if (!channel || !rules.waiting.channels.includes(channel)) return null;
  if (lastCustomerMessageAt === undefined || agentRepliedSince) return null;
  const waited = now - lastCustomerMessageAt;
  const after = rules.waiting.afterSeconds * 1000;
  if (!(waited >= after)) return null;
  return {
    kind: 'waiting',
    reason: rules.waiting.reason.replace('{duration}', formatWait(waited)),
    reasons: [{ template: rules.waiting.reason, waitedMs: waited }],
    raise: [...rules.raise.waiting],
    strength: strengthOf(waited, after),
  };
}

/**
 * "Frustration over, it works now. Thank you!": a problem told before the message says it is
 * resolved and praises or thanks, with no new complaint after that, is over.
 */
function overSince(hit: Hit, frustration: readonly Hit[], happy: readonly Hit[]): boolean {
  const settled = happy.find((p) => p.id === 'resolved' && p.index > hit.end);
  if (!settled) return false;
  if (!happy.some((p) => p.id !== 'resolved' && p.id !== 'emoticon' && p.index >= hit.end)) return false;
  return !frustration.some((f) => f.index > settled.index);
}

/** Cues in a fixed order (frustration, waiting, urgency, happy); at most one of each kind. */
export function detectCues(input: CueInput, rules: CueRules = DEFAULT_CUE_RULES.en!): Cue[] {
  const c = compile(rules);
  const raw = (input.message ?? '').slice(0, MAX_CHARS);
  const text = normalizeMessage(raw);
  const cues: Cue[] = [];

  const happy = happyHits(raw, text, c, rules);
  const happyScore = score(happy);
  const soundsHappy = happyScore >= rules.happy.threshold;

  const contrasts = contrastOffsets(text, c);
  const signals = new Map(c.frustration.map((s) => [s.id, s.signal]));
  const toldCalmly = anyMatch(c.calmProblem, text);
  const found = phraseHits(c.frustration, text, c, rules).filter((h) => !(toldCalmly && signals.get(h.id)?.calmable));
  const frustration = found.filter((h) => {
    if (!signals.get(h.id)?.yieldsToContrast) return true;
    // "I was so frustrated last week, but you fixed it": what follows the "but" is what they feel now.
    if (contrasts.some((at) => at > h.index && happy.some((p) => p.index > at))) return false;
    return !overSince(h, found, happy);
  });
  const frown = (rules.frustration.emoticons ?? []).find((e) => e && raw.includes(e));
  if (frown) frustration.push({ id: 'emoticon', reason: `Unhappy face: ${frown}`, template: 'Unhappy face: {match}', value: frown, weight: rules.frustration.emoticonWeight ?? 1, index: 0, end: 0, text: frown });
  const contacts = input.customerMessages ?? 0;
  if (contacts >= rules.frustration.repeatContactAt) {
    const reason = rules.frustration.repeatContactReason.replace('{n}', String(contacts));
    frustration.push({ id: 'repeatContact', reason, template: rules.frustration.repeatContactReason, value: String(contacts), weight: rules.frustration.repeatContactWeight, index: 0, end: 0, text: '' });
  }
  // Capitals and "!!!" amplify whatever the message feels: "THANK YOU!!!" is not anger.
  if (!soundsHappy) frustration.push(...toneHits(raw, rules, c));
  const frustrated = score(frustration) >= rules.frustration.threshold;
  if (frustrated) cues.push(cueFrom('frustration', frustration, rules.frustration.threshold, rules));

  const waiting = waitingCue(input, rules);
  if (waiting) cues.push(waiting);

  if (text && !anyMatch(c.calm, text)) {
    const urgency = phraseHits(c.urgency, text, c, rules);
    if (score(urgency) >= rules.urgency.threshold) cues.push(cueFrom('urgency', urgency, rules.urgency.threshold, rules));
  }

  if (soundsHappy && !frustrated) cues.push(cueFrom('happy', happy, rules.happy.threshold, rules));

  return cues.sort((a, b) => CUE_KINDS.indexOf(a.kind) - CUE_KINDS.indexOf(b.kind));
}
