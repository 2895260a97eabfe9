// A phrase's `when`: what it assumes about the ticket. A phrase is suggested only when all of it
// holds; search still finds it, marked with what it assumes, so the agent chooses knowingly.
import type { CueKind } from './cues/rules';
import type { KeyFactKind } from './key-facts';
import type { PhraseWhen } from './pack/types';
import { mentions, type TicketFacts } from './ticket-facts';

export interface ConditionContext {
  facts: TicketFacts;
  /** The cues showing for the ticket now. */
  cues: readonly CueKind[];
}

export type Comparison = { op: '>=' | '<=' | '>' | '<' | '='; n: number };

const COMPARISON = /^\s*(>=|<=|>|<|=)?\s*(\d{1,3})\s*$/;
/** The pattern the JSON Schema states for `contacts`; the validator uses this very one. */
export const CONTACTS_PATTERN = COMPARISON.source;

/** ">=2" → { op: '>=', n: 2 }; "1" → { op: '=', n: 1 }; anything else → undefined. */
export function parseComparison(text: string): Comparison | undefined {
  const m = COMPARISON.exec(text);
  if (!m) return undefined;
  return { op: (m[1] ?? '=') as Comparison['op'], n: Number(m[2]) };
}

function compare(value: number, { op, n }: Comparison): boolean {
  switch (op) {
    case '>=': return value >= n;
    case '<=': return value <= n;
    case '>': return value > n;
    case '<': return value < n;
    case '=': return value === n;
  }
}

const CUE_WORDS: Record<CueKind, string> = { frustration: 'sounds frustrated', waiting: 'kept waiting', urgency: 'urgent', happy: 'sounds happy' };
const FACT_WORDS: Record<KeyFactKind, string> = { order: 'an order number', amount: 'an amount', date: 'a date', email: 'an email address', phone: 'a phone number', url: 'a link' };

function contactsWords(c: Comparison): string {
  const atLeast = c.op === '>=' ? c.n : c.op === '>' ? c.n + 1 : undefined;
  if (atLeast === 2) return 'wrote before';
  if (atLeast !== undefined) return `wrote ${atLeast}+ times`;
  const atMost = c.op === '<=' ? c.n : c.op === '<' ? c.n - 1 : c.op === '=' ? c.n : undefined;
  if (atMost === 1) return 'first contact';
  return c.op === '=' ? `contact number ${c.n}` : `at most ${atMost} contacts`;
}

const or = (xs: readonly string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/**
 * A condition as parts, for a UI that words it in its own language (the panel); `label` below is
 * the English wording. `agentKnows` is the pack's own text.
 */
export type ConditionPart =
  | { kind: 'contacts'; comparison?: Comparison; raw: string }
  | { kind: 'waited' | 'firstReply'; want: boolean }
  | { kind: 'cue'; cues: readonly CueKind[] }
  | { kind: 'fact'; facts: readonly KeyFactKind[] }
  | { kind: 'channel'; channels: readonly string[] }
  | { kind: 'mentions'; words: readonly string[] }
  | { kind: 'agentKnows'; text: string };

/** One short, plain English label per condition: "wrote before", "they waited". */
export function conditionLabel(part: ConditionPart): string {
  switch (part.kind) {
    case 'contacts': return part.comparison ? contactsWords(part.comparison) : `contacts ${part.raw}`;
    case 'waited': return part.want ? 'they waited' : 'no wait';
    case 'firstReply': return part.want ? 'first reply' : 'replied before';
    case 'cue': return or(part.cues.map((k) => CUE_WORDS[k]));
    case 'fact': return or(part.facts.map((k) => FACT_WORDS[k]));
    case 'channel': return or([...part.channels]);
    case 'mentions': {
      const quoted = part.words.map((w) => `"${w}"`);
      return quoted.length > 3 ? `mentions ${quoted.slice(0, 3).join(', ')}…` : `mentions ${or(quoted)}`;
    }
    case 'agentKnows': return part.text;
  }
}

/** The conditions in the order they are checked, each with its test. */
function checks(when: PhraseWhen): { part: ConditionPart; label: string; holds(ctx: ConditionContext): boolean }[] {
  const out: { part: ConditionPart; holds(ctx: ConditionContext): boolean }[] = [];
  if (when.contacts !== undefined) {
    const c = parseComparison(when.contacts);
    out.push({ part: { kind: 'contacts', comparison: c, raw: when.contacts }, holds: ({ facts }) => !!c && facts.contacts.count !== undefined && compare(facts.contacts.count, c) });
  }
  if (when.waited !== undefined) {
    const want = when.waited;
    // The waiting cue and the facts read the same clock; either showing a wait is a wait.
    out.push({ part: { kind: 'waited', want }, holds: ({ facts, cues }) => (facts.wait.waited || cues.includes('waiting')) === want });
  }
  if (when.firstReply !== undefined) {
    const want = when.firstReply;
    out.push({ part: { kind: 'firstReply', want }, holds: ({ facts }) => facts.firstReply === want });
  }
  if (when.cue?.length) {
    const kinds = when.cue;
    out.push({ part: { kind: 'cue', cues: kinds }, holds: ({ cues }) => kinds.some((k) => cues.includes(k)) });
  }
  if (when.fact?.length) {
    const kinds = when.fact;
    out.push({ part: { kind: 'fact', facts: kinds }, holds: ({ facts }) => kinds.some((k) => facts.found.some((f) => f.kind === k)) });
  }
  if (when.channel?.length) {
    const channels = when.channel;
    out.push({ part: { kind: 'channel', channels }, holds: ({ facts }) => !!facts.channel && channels.includes(facts.channel) });
  }
  if (when.mentions?.length) {
    const words = when.mentions;
    out.push({ part: { kind: 'mentions', words }, holds: ({ facts }) => words.some((w) => mentions(facts, w)) });
  }
  if (when.agentKnows !== undefined) {
    // Only the agent can tell: never suggested on its own.
    out.push({ part: { kind: 'agentKnows', text: when.agentKnows }, holds: () => false });
  }
  return out.map((c) => ({ ...c, label: conditionLabel(c.part) }));
}

/** unmetConditions as parts, for the panel to word in the UI's language. */
export function unmetConditionParts(when: PhraseWhen | undefined, ctx: ConditionContext): ConditionPart[] {
  if (!when) return [];
  return checks(when).filter((c) => !c.holds(ctx)).map((c) => c.part);
}

/** What the phrase assumes that this ticket does not show; empty when every condition holds (or there are none). */
export function unmetConditions(when: PhraseWhen | undefined, ctx: ConditionContext): string[] {
  if (!when) return [];
  return checks(when).filter((c) => !c.holds(ctx)).map((c) => c.label);
}

export function conditionsHold(when: PhraseWhen | undefined, ctx: ConditionContext): boolean {
  return unmetConditions(when, ctx).length === 0;
}

/** Everything the phrase assumes, as labels ("wrote before", "they waited"). */
export function describeWhen(when: PhraseWhen | undefined): string[] {
  return when ? checks(when).map((c) => c.label) : [];
}

/** "assumes: wrote before; they waited", as search results show it. */
export function assumesLabel(unmet: readonly string[]): string | undefined {
  return unmet.length ? `assumes: ${unmet.join('; ')}` : undefined;
}
