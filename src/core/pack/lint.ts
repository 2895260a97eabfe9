/**
 * Style and quality checks for pack authors (team leads). A pack can be valid and still read
 * badly; these findings say how to make it better. Run after validation.
 */
import { placeholdersIn, strayBraces } from '../placeholders';
import { lineColumnFinder, offsetOf, parseJsonWithPositions } from './json-position';
import { STEP_IDS, type StepId } from '../steps';
import type { Pack, Phrase, PhraseWhen } from './types';

export interface LintIssue {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A finding with the line and column of the value in the pack's text (0 when it cannot be placed). */
export interface LocatedLintIssue extends LintIssue {
  line: number;
  column: number;
}

export const CHAT_MAX_CHARS = 240;
export const MIN_PHRASES_PER_STEP = 3;

/** Phrases that put the blame on the customer or talk down to them (METHOD.md tone rules). */
export const BLAMING_PHRASES = [
  'you should have',
  "you shouldn't have",
  'you failed to',
  'you forgot to',
  'as i said',
  'as i already said',
  'as i mentioned',
  'as previously stated',
  'like i said',
  'calm down',
  'per our policy',
  'it is our policy',
  "it's our policy",
];

/** Corporate or half-hearted wording the tone rules steer away from. */
const WEAK_PHRASES: { words: string; advice: string }[] = [
  { words: 'dear customer', advice: 'use their name: {{customer.firstName|there}}' },
  { words: "we'll try", advice: 'say what you will do: "I will…"' },
  { words: 'we will try', advice: 'say what you will do: "I will…"' },
  { words: 'inconvenience this may have caused', advice: 'name what actually went wrong' },
];

// "the experience you should have had" is an apology, not blame: only flag "should have" + a verb of doing.
const NOT_BLAME_AFTER_SHOULD = /^\s+(had|been|received|got|gotten|heard|seen)\b/;

function blames(lower: string, phrase: string): boolean {
  for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
    const before = at === 0 ? ' ' : lower[at - 1]!;
    if (/[a-z]/.test(before)) continue;
    if (phrase.includes('should') && NOT_BLAME_AFTER_SHOULD.test(lower.slice(at + phrase.length))) continue;
    return true;
  }
  return false;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/\{\{[^{}]*\}\}/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function wordSet(text: string): Set<string> {
  return new Set(normalise(text).split(' ').filter(Boolean));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/**
 * Facts a phrase can assert about the ticket, the words that give it away, and the conditions that
 * answer it. A phrase that says "thanks for waiting" with no `when` would be suggested on every ticket,
 * waited or not. `mentions` and `agentKnows` answer any of them: the author tied the line to the ticket.
 */
export const ASSERTED_FACTS: { fact: string; condition: string; answeredBy: (keyof PhraseWhen)[]; patterns: RegExp[] }[] = [
  {
    fact: 'they got in touch before',
    condition: '"when": { "contacts": ">=2" }',
    answeredBy: ['contacts', 'mentions', 'agentKnows'],
    patterns: [
      /\{\{\s*ticket\.contacts\b/,
      /\bmore than once\b/,
      /\bwelcome back\b/,
      /\bfrom you again\b/,
      /\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b/,
      /\b(?:reach(?:ed)? out|get in touch|got in touch|contact(?:ed)?(?: us)?|writ(?:e|ten|ing)(?: to us)?|explain(?:ed)?|chas(?:e|ed|ing)|call(?:ed)?)\b[^.!?]{0,30}\bagain\b/,
    ],
  },
  {
    fact: 'they waited',
    condition: '"when": { "waited": true }',
    answeredBy: ['waited', 'cue', 'mentions', 'agentKnows'],
    patterns: [
      /\b(?:thanks|thank you) for (?:waiting|holding)\b/,
      /\b(?:keep|kept|keeping) you waiting\b/,
      /\b(?:been|you're|you are|you've been|while you) waiting\b/,
      /\bwaiting (?:this|so) long\b/,
      /\bfor the delay\b/,
      /\b(?:took|taken|taking) us (?:this|so) long\b/,
      /\bholding on\b/,
      /\bon hold\b/,
    ],
  },
  {
    fact: 'we made a mistake',
    condition: '"when": { "agentKnows": "it was our mistake" }',
    answeredBy: ['agentKnows', 'mentions'],
    patterns: [
      /\bour (?:mistake|fault|error)\b/,
      /\bmy (?:mistake|fault)\b/,
      /\b(?:went wrong|wrong) on our (?:side|end)\b/,
      /\bwe (?:made a mistake|got (?:it|this|that) wrong|messed up|dropped the ball)\b/,
      /\bno (?:good )?excuse\b/,
    ],
  },
  {
    fact: 'there is an order or a delivery',
    condition: '"when": { "fact": "order" } or { "mentions": ["delivery"] }',
    answeredBy: ['fact', 'mentions', 'agentKnows'],
    patterns: [/\b(?:orders?|deliver(?:y|ies)|parcels?|packages?|shipments?)\b/],
  },
];

// "You won't need to explain it again" promises; it does not assert.
const PROMISE = /\b(?:won't|will not|never|don't need|do not need|no need|if you need|in case)\b/;

/** The facts a phrase asserts that its `when` does not answer, for `packs lint`. */
export function unconditionedAssertions(p: Pick<Phrase, 'text' | 'when'>): typeof ASSERTED_FACTS {
  const sentences = p.text
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/(?<=[.!?])\s+|\n+/)
    // A question asks; it assumes nothing ("Could you share your order number?").
    .filter((x) => x.trim() && !x.trim().endsWith('?') && !PROMISE.test(x));
  return ASSERTED_FACTS.filter((a) => {
    // A cue answers a wait only when it is the waiting cue: "sounds frustrated" is not "they waited".
    const answered = a.answeredBy.some((k) => p.when?.[k] !== undefined && (k !== 'cue' || !!p.when.cue?.includes('waiting')));
    if (answered) return false;
    return sentences.some((x) => a.patterns.some((re) => re.test(x)));
  });
}

// Pairwise similarity is quadratic; above this many phrases in one step only exact repeats are checked.
const SIMILARITY_LIMIT = 1500;

export function lintPack(pack: Pack): LintIssue[] {
  const issues: LintIssue[] = [];
  const ids = new Map<string, number>();
  const texts = new Map<string, number>();
  const perStep = new Map<StepId, number[]>();

  pack.phrases.forEach((p, i) => {
    const path = `/phrases/${i}`;
    const first = ids.get(p.id);
    if (first !== undefined) issues.push({ path: `${path}/id`, severity: 'error', message: `Duplicate id "${p.id}" (also phrase ${first}).` });
    else ids.set(p.id, i);

    for (const use of placeholdersIn(p.text)) {
      if (!use.known) {
        const what = use.name.startsWith('ask:') ? `{{ask:…}} needs a label, like {{ask:Order number}}` : `Unknown placeholder ${use.raw}; known ones are customer.firstName, customer.name, customer.email, agent.name, ticket.id, ticket.subject, ticket.contacts and ask:Label`;
        issues.push({ path: `${path}/text`, severity: 'error', message: `${what}.` });
      }
    }
    if (strayBraces(p.text).length) {
      issues.push({ path: `${path}/text`, severity: 'error', message: 'Unmatched "{{" or "}}": write placeholders like {{customer.firstName|there}}.' });
    }

    const forChat = !p.channels || p.channels.includes('chat') || p.channels.includes('messaging');
    if (forChat && p.text.length > CHAT_MAX_CHARS) {
      issues.push({
        path: `${path}/text`,
        severity: 'warning',
        message: `${p.text.length} characters is long for chat (limit ${CHAT_MAX_CHARS}). Shorten it, or set "channels": ["email"] and add a short chat variant.`,
      });
    }

    const lower = p.text.toLowerCase().replace(/’/g, "'");
    for (const b of BLAMING_PHRASES) {
      if (blames(lower, b)) issues.push({ path: `${path}/text`, severity: 'warning', message: `"${b}" puts the blame on the customer; say what you will do instead.` });
    }
    for (const w of WEAK_PHRASES) {
      if (lower.includes(w.words)) issues.push({ path: `${path}/text`, severity: 'warning', message: `"${w.words}": ${w.advice}.` });
    }

    for (const a of unconditionedAssertions(p)) {
      issues.push({
        path: `${path}/text`,
        severity: 'warning',
        message: `Says ${a.fact}, but has no condition for it, so it would be suggested on tickets where it is not true. Add ${a.condition}.`,
      });
    }

    const norm = `${p.step}|${normalise(p.text)}|${(p.channels ?? []).join(',')}`;
    const same = texts.get(norm);
    if (same !== undefined) issues.push({ path: `${path}/text`, severity: 'warning', message: `Same text as phrase ${same} ("${pack.phrases[same]!.id}"); remove one.` });
    else texts.set(norm, i);

    let list = perStep.get(p.step);
    if (!list) perStep.set(p.step, (list = []));
    list.push(i);
  });

  // Near-duplicates: almost the same words in the same step (and same channels) crowd the list.
  for (const list of perStep.values()) {
    if (list.length > SIMILARITY_LIMIT) continue;
    const sets = list.map((i) => wordSet(pack.phrases[i]!.text));
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const pa = pack.phrases[list[a]!]!;
        const pb = pack.phrases[list[b]!]!;
        if ((pa.channels ?? []).join(',') !== (pb.channels ?? []).join(',')) continue;
        const sa = sets[a]!;
        const sb = sets[b]!;
        if (sa.size < 4 || sb.size < 4) continue;
        const sim = jaccard(sa, sb);
        if (sim >= 0.85 && sim < 1) {
          issues.push({
            path: `/phrases/${list[b]}/text`,
            severity: 'warning',
            message: `Nearly the same as phrase ${list[a]} ("${pa.id}"); agents will not know which to pick. Merge them or make them clearly different.`,
          });
        } else if (sim === 1 && normalise(pa.text) !== normalise(pb.text)) {
          issues.push({ path: `/phrases/${list[b]}/text`, severity: 'warning', message: `Uses the same words as phrase ${list[a]} ("${pa.id}") in another order; keep one.` });
        }
      }
    }
  }

  const thin = STEP_IDS.filter((s) => (perStep.get(s)?.length ?? 0) > 0 && perStep.get(s)!.length < MIN_PHRASES_PER_STEP);
  for (const s of thin) {
    issues.push({ path: '/phrases', severity: 'warning', message: `Step "${s}" has only ${perStep.get(s)!.length} phrase(s); give agents at least ${MIN_PHRASES_PER_STEP} to choose from.` });
  }
  const empty = STEP_IDS.filter((s) => !perStep.has(s));
  if (empty.length && empty.length < STEP_IDS.length) {
    issues.push({
      path: '/phrases',
      severity: 'warning',
      message: `No phrases for ${empty.join(', ')}. Fine if this pack only adds to others; otherwise add at least ${MIN_PHRASES_PER_STEP} per step.`,
    });
  }
  return issues;
}

/** lintPack, with each finding placed in the pack's JSON text: for the options page's import and `packs lint`. */
export function lintPackText(text: string, pack: Pack): LocatedLintIssue[] {
  const issues = lintPack(pack);
  if (!issues.length) return [];
  const body = text.replace(/^\uFEFF/, '');
  const located = parseJsonWithPositions(body);
  const at = lineColumnFinder(body);
  return issues.map((issue) => ({ ...issue, ...(located.ok ? at(offsetOf(located.json.positions, issue.path)) : { line: 0, column: 0 }) }));
}
