// Gentle tips on the agent's reply as they type it. Read-only and cheap enough to run on every
// keystroke: a handful of precompiled regular expressions over a bounded draft, no allocation-heavy
// parsing. It never changes the draft and shows at most two tips, most important first.
import { quantileOfSorted } from './measure';

export type TipId = 'greeting' | 'name' | 'thanks' | 'blame' | 'promise-time' | 'all-caps' | 'acknowledge-first';

export interface DraftTip {
  id: TipId;
  /** A short, gentle suggestion. */
  text: string;
  /** The words in the draft that triggered it, when there are any. */
  evidence?: string;
}

export interface DraftContext {
  isFirstReply: boolean;
  customerFirstName?: string;
  /** The customer sounds frustrated (a frustration cue is showing). */
  frustrated?: boolean;
  /** Tips the agent dismissed on this ticket. */
  dismissed?: ReadonlySet<TipId>;
  /** Tips turned off in options. */
  disabled?: ReadonlySet<TipId>;
}

/** Order in which tips win the two places. */
export const TIP_PRIORITY: readonly TipId[] = ['greeting', 'name', 'blame', 'acknowledge-first', 'thanks', 'promise-time', 'all-caps'];

/** Names for the options page, where each tip can be turned off. */
export const TIP_LABELS: Readonly<Record<TipId, string>> = {
  greeting: 'No greeting in a first reply',
  name: "The customer's name is missing in a first reply",
  thanks: 'No thanks',
  blame: 'Blaming or defensive words',
  'promise-time': 'A promise without a time',
  'all-caps': 'Words in capitals',
  'acknowledge-first': 'A fix before acknowledging a frustrated customer',
};

export const MAX_TIPS = 2;
/** Below this the agent has barely started; tips would only flicker. */
const MIN_CHARS = 20;
/** "No thanks" waits until the reply has some body, since thanks often comes after the greeting. */
const THANKS_MIN_CHARS = 80;
/** Later replies are short chat turns; only a long one (an email) is checked for thanks. */
const THANKS_LATER_REPLY_CHARS = 200;
const MAX_DRAFT = 5000;
const OPENING_CHARS = 80;

const GREETING =
  /\b(?:hi|hello|hey|hiya|dear|greetings|welcome|good (?:morning|afternoon|evening|day)|thanks? (?:you )?(?:so much |very much )?for (?:reaching out|contacting|writing|getting in touch|your (?:message|email|patience|note|question)|waiting))\b/i;
const THANKS = /\b(?:thank|thanks|thx|appreciate|appreciated|grateful)\b/i;
const BLAME =
  /\b(?:you should(?: have|'ve| of)|you shouldn't have|as i (?:already )?(?:said|mentioned|explained|stated)|like i (?:said|told you)|as (?:previously|already) (?:stated|mentioned|explained)|as stated|you failed to|you forgot to|you were (?:told|supposed to)|you did ?n[o']t (?:read|follow|check)|did you (?:even )?(?:read|check)|(?:unfortunately,? )?(?:per|as per|according to) our (?:policy|policies|terms)|unfortunately,? our polic(?:y|ies)|our polic(?:y|ies) (?:states?|says|is|does not|doesn't|clearly)|(?:it is|it's) (?:not|no) (?:our|my) (?:fault|problem)|not (?:our|my) (?:fault|problem|department|job)|your (?:own )?fault|calm down|obviously you|clearly you|there is nothing (?:i|we) can do|i can(?:no|')t help you)\b/i;
const PROMISE =
  /\b(?:i|we)(?:'ll| will| shall)(?: \w+)? (?:get back to you|follow up|update you|let you know|look into (?:it|this|that)|check (?:on )?(?:it|this|that|with)|contact you|reach out|be in touch|come back to you|email you|call you|send (?:it|you)|have (?:it|this) (?:fixed|sorted|ready))\b/gi;
const WHEN =
  /\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|by|before|within|in (?:\d+|a|an|one|two|three|a few|the next) (?:minutes?|mins?|hours?|hrs?|days?|working days?|business days?)|(?:next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|end of (?:the )?(?:day|week)|eod|\d{1,2}(?::\d{2})? ?(?:am|pm)|\d{1,2}:\d{2}|next week|first thing)\b/i;
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
/** Short capitalised words are usually acronyms (ID, FAQ, US); these common words are shouting. */
const SHOUTED_SHORT = new Set(['NOT', 'NO', 'DO', 'YOU', 'ALL', 'AND', 'THE', 'ARE', 'CAN', 'NOW', 'YES', 'ANY', 'GET', 'PAY', 'OUR', 'WHY', 'HOW', 'MUST', 'NEVER']);
const ACRONYMS = new Set(['ASAP', 'HTTP', 'HTTPS', 'HTML', 'JSON', 'GDPR', 'IBAN', 'SWIFT', 'HDMI', 'WIFI', 'VISA', 'AMEX', 'IMEI', 'UEFA', 'NATO', 'NASA', 'SAML', 'OAUTH', 'RSVP', 'CSAT', 'VOIP', 'UTC', 'PDT', 'CEST', 'AEST']);
const SOLUTION =
  /\b(?:you can|you could|you(?:'ll| will)? need to|please (?:try|go|click|open|select|reset|check|update|clear|restart|log ?in|reinstall)|try (?:to|again|clearing|restarting|logging|resetting|reinstalling)|to fix (?:this|it)|here(?:'s| is) how|follow these|steps?:|go to|click|navigate to|i(?:'ve| have) (?:now )?(?:refunded|fixed|reset|updated|sent|issued|processed|changed|cancell?ed|credited|resent|replaced)|(?:refund|replacement) (?:has been|is) (?:issued|processed|on its way|sent))\b/i;
const ACKNOWLEDGE =
  /\b(?:sorry|apologi[sz]e|apologies|i understand|i can (?:see|imagine|understand)|i see (?:that|how|why)|that must|must (?:be|have been)|i hear you|frustrat\w*|thanks? (?:you )?for (?:your )?(?:patience|waiting|bearing with)|appreciate your patience|i know how|you(?:'ve| have) had to|not (?:ok|okay|good enough|the experience)|(?:completely|totally) understand|i get it|i reali[sz]e)/i;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The name regex is rebuilt only when the name changes, not on every keystroke.
let nameCache: { name: string; regex: RegExp } | undefined;
function nameRegex(name: string): RegExp {
  if (nameCache?.name !== name) {
    nameCache = { name, regex: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'iu') };
  }
  return nameCache.regex;
}

function promiseWithoutTime(draft: string): string | undefined {
  PROMISE.lastIndex = 0;
  for (const m of draft.matchAll(PROMISE)) {
    // The time may sit in the same sentence or the next one: "I'll get back to you. Expect it by 3pm."
    const sentenceStart = Math.max(draft.lastIndexOf('.', m.index), draft.lastIndexOf('!', m.index), draft.lastIndexOf('?', m.index), draft.lastIndexOf('\n', m.index)) + 1;
    const after = draft.slice(m.index + m[0].length);
    const next = /[.!?\n][^.!?\n]*[.!?\n]?/.exec(after);
    const scope = draft.slice(sentenceStart, m.index + m[0].length + (next ? next.index + next[0].length : after.length));
    if (!WHEN.test(scope)) return m[0];
  }
  return undefined;
}

function shoutedWords(draft: string): string[] {
  const words: string[] = [];
  for (const m of draft.matchAll(CAPS_WORD)) {
    const word = m[0];
    if (word.length >= 4 ? !ACRONYMS.has(word) : SHOUTED_SHORT.has(word)) words.push(word);
    if (words.length === 3) break;
  }
  return words;
}

/** At most two gentle tips for this draft, most important first. Pure; never changes the draft. */
export function checkDraft(draft: string, ctx: DraftContext): DraftTip[] {
  const text = draft.length > MAX_DRAFT ? draft.slice(0, MAX_DRAFT) : draft;
  if (text.trim().length < MIN_CHARS) return [];
  const wanted = (id: TipId) => !ctx.dismissed?.has(id) && !ctx.disabled?.has(id);
  const tips: DraftTip[] = [];
  const add = (tip: DraftTip) => {
    if (tips.length < MAX_TIPS && wanted(tip.id)) tips.push(tip);
  };
  const name = ctx.customerFirstName?.trim();

  // Each check runs only while there is room, in priority order, so a full list costs no more work.
  if (ctx.isFirstReply) {
    const greeted = GREETING.test(text.slice(0, OPENING_CHARS));
    if (!greeted) add({ id: 'greeting', text: name ? `Open with a greeting and their name: "Hi ${name},"` : 'Open with a short, warm greeting.' });
    else if (name && !nameRegex(name).test(text)) add({ id: 'name', text: `Use their name: "Hi ${name},"` });
  }
  if (tips.length < MAX_TIPS && text.length >= THANKS_MIN_CHARS && (ctx.isFirstReply || text.length >= THANKS_LATER_REPLY_CHARS) && !THANKS.test(text)) {
    add({ id: 'thanks', text: 'Thank them: for writing, for waiting, or for the detail they gave.' });
  }
  if (tips.length < MAX_TIPS) {
    const blame = BLAME.exec(text);
    if (blame) add({ id: 'blame', text: 'This can read as blame. Try owning it: "Let me sort this out for you."', evidence: blame[0] });
  }
  if (tips.length < MAX_TIPS) {
    const promise = promiseWithoutTime(text);
    if (promise) add({ id: 'promise-time', text: 'Say when: "I\'ll update you by 3 pm today."', evidence: promise });
  }
  if (tips.length < MAX_TIPS) {
    const caps = shoutedWords(text);
    if (caps.length) add({ id: 'all-caps', text: 'Capitals can read as shouting; try plain case.', evidence: caps.join(', ') });
  }
  if (tips.length < MAX_TIPS && ctx.frustrated) {
    const solution = SOLUTION.exec(text);
    if (solution) {
      const ack = ACKNOWLEDGE.exec(text);
      if (!ack || ack.index > solution.index) {
        add({ id: 'acknowledge-first', text: 'They sound frustrated: acknowledge how they feel before the fix.', evidence: solution[0] });
      }
    }
  }
  return tips;
}

const BENCH_DRAFT =
  "Hi Maria, I'm so sorry you've had to write to us three times about this refund, that's not the experience we want for you. " +
  "I've looked at order #55821 and I can see the payment was taken twice on March 3. I have now refunded the second charge of $49.99; " +
  'banks usually show it within 3 to 5 working days. If it has not arrived by Friday, just reply here and I will chase it with our payments team ' +
  "myself. I'll also add a note to your account so nobody asks you to explain this again. Thank you for your patience, and for the screenshots, " +
  'they made it much quicker to find. Is there anything else I can help with today? Best wishes, Sam';

export interface DraftBench {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  calls: number;
  chars: number;
}

/**
 * The per-keystroke cost: a realistic 600-character reply typed one character at a time, each
 * prefix checked as the panel would. Figures, not assertions: the bench runner reports them.
 */
export function benchDraftCheck(passes = 5): DraftBench {
  const ctx: DraftContext = { isFirstReply: true, customerFirstName: 'Maria', frustrated: true };
  const draft = BENCH_DRAFT.slice(0, 600);
  for (let i = 1; i <= draft.length; i++) checkDraft(draft.slice(0, i), ctx); // warm-up: JIT and regex compilation
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 1; i <= draft.length; i++) {
      const prefix = draft.slice(0, i);
      const t0 = performance.now();
      checkDraft(prefix, ctx);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  return { medianMs: round(quantileOfSorted(times, 0.5)), p95Ms: round(quantileOfSorted(times, 0.95)), maxMs: round(times[times.length - 1] ?? NaN), calls: times.length, chars: draft.length };
}
