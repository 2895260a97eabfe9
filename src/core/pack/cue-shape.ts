/**
 * The parts of the cue rules a pack may change (`cues`), as data: every key, what kind of value it
 * takes and its limits. The validator walks this (validate.ts) and the published schema's cue part is
 * made from it (cueSchemaDefs, written into public/packs/pack.schema.json by `npm run packs -- schema
 * --update`), so the two cannot drift apart. src/core/cues/rules.ts says what each part means.
 */
import { CUE_KINDS, DEFAULT_CUE_RULES } from '../cues/rules';
import { MAX_PATTERN_GAPS } from '../cues/pattern';

export type CueShape =
  | { kind: 'number'; min: number; max: number; integer?: true; about: string }
  | { kind: 'boolean'; about: string }
  | { kind: 'text'; max: number; about: string }
  /** A list of words, or of phrase patterns (`patterns`: gaps are limited, see MAX_PATTERN_GAPS). */
  | { kind: 'list'; of: 'word' | 'pattern'; maxItems: number; about: string }
  | { kind: 'channels'; about: string }
  | { kind: 'steps'; about: string }
  | { kind: 'object'; keys: Record<string, CueShape>; about: string }
  /** Signals by name: built-in names change a signal, a new name adds one (it then needs a reason and patterns). */
  | { kind: 'signals'; builtIn: readonly string[]; about: string };

export const MAX_CUE_WORD = 100;
export const MAX_CUE_PATTERN = 500;
export const MAX_CUE_WORDS = 500;
export const MAX_CUE_PATTERNS = 200;
export const MAX_CUE_REASON = 200;
export const MAX_CUE_SIGNALS = 100;
/** Signal names become keys of an object: a plain name, never one an object already has. */
export const SIGNAL_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;
export const RESERVED_SIGNAL_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype).sort();
/** A signal added by a pack must say these; the merge ignores a new signal without them. */
export const NEW_SIGNAL_REQUIRED = ['reason', 'patterns'] as const;
/**
 * A pattern with more than MAX_PATTERN_GAPS gaps ("~" or "~N" as a word of its own), as a regular
 * expression the schema can state: patternProblem in cues/pattern.ts refuses the same patterns.
 */
export const TOO_MANY_GAPS_PATTERN = Array.from({ length: MAX_PATTERN_GAPS + 1 }, () => '(?<!\\S)~\\d?(?!\\S)').join('[\\s\\S]*');

const words = (about: string, maxItems = MAX_CUE_WORDS): CueShape => ({ kind: 'list', of: 'word', maxItems, about });
const patterns = (about: string): CueShape => ({ kind: 'list', of: 'pattern', maxItems: MAX_CUE_PATTERNS, about });
const reason = (about: string): CueShape => ({ kind: 'text', max: MAX_CUE_REASON, about });
const weight = (about = 'What it adds to the cue\'s score (0 to 100).'): CueShape => ({ kind: 'number', min: 0, max: 100, about });
const threshold: CueShape = { kind: 'number', min: 0, max: 100, about: 'Score at which the cue shows (0 to 100).' };
const signalNames = (kind: 'frustration' | 'urgency' | 'happy') => Object.keys(DEFAULT_CUE_RULES.en![kind].signals);

/** One phrase signal's fields (PhraseSignal in rules.ts). */
export const SIGNAL_SHAPE: Record<string, CueShape> = {
  reason: reason('Shown to the agent; {match} becomes the words found, e.g. "Says \\"third time\\"".'),
  patterns: patterns('Phrase patterns: words, a|b alternatives, word* prefixes, # a number, @date, @duration, ~ or ~N for up to 3 (or N) other words, $ the end. An empty list turns the signal off.'),
  weight: weight(),
  negatable: { kind: 'boolean', about: 'A negator just before the match cancels it: "not angry".' },
  negationWindow: { kind: 'number', integer: true, min: 0, max: 10, about: 'How many words before the match a negator may sit.' },
  yieldsToContrast: { kind: 'boolean', about: 'Cancelled by a contrast: "Thanks, but it still fails".' },
  personal: { kind: 'boolean', about: 'A feeling of the customer\'s own: ignored when someone else is its subject ("my boss is furious").' },
  courtesy: { kind: 'boolean', about: 'Happy signals: ordinary politeness that does not count in a message asking for something.' },
  minMinutes: { kind: 'number', min: 0, max: 525600, about: 'With @duration: counts only when the duration is at least this many minutes.' },
  aimed: { kind: 'boolean', about: 'A verdict: ignored next to one of the frustration rules\' "elsewhere" words ("awful weather").' },
  calmable: { kind: 'boolean', about: 'Frustration signals: a calm phrase in the message ("not a big deal") cancels it.' },
  unlessAfter: words('Words that cancel a match when one sits in the two words before it.', 50),
};

export const CUE_SHAPE: CueShape = {
  kind: 'object',
  about: 'Changes to the cue rules, merged over the built-in ones: objects merge key by key, lists replace. src/core/cues/rules.ts has every built-in value.',
  keys: {
    negators: words('Words that negate what follows ("no", "never"); not and its contractions always do.'),
    negationWindow: { kind: 'number', integer: true, min: 0, max: 10, about: 'How many words after a negator it still negates.' },
    negationBreakers: words('After a negator, words that mean it is no negation: "can\'t believe".'),
    contrastWords: words('"but", "however": what comes after weighs more than what came before.'),
    otherPeople: words('Someone else as the subject before a feeling word: "my husband is angry".'),
    frustration: {
      kind: 'object',
      about: 'The frustration cue.',
      keys: {
        threshold,
        signals: { kind: 'signals', builtIn: signalNames('frustration'), about: 'Frustration signals by name.' },
        repeatContactAt: { kind: 'number', integer: true, min: 2, max: 100, about: 'Written this many times or more counts as repeated contact.' },
        repeatContactReason: reason('Shown for repeated contact; {n} becomes the count.'),
        repeatContactWeight: weight(),
        shouting: {
          kind: 'object',
          about: 'Mostly capitals.',
          keys: {
            minLetters: { kind: 'number', integer: true, min: 1, max: 1000, about: 'Letters a message needs before capitals count.' },
            capsRatio: { kind: 'number', min: 0, max: 1, about: 'Share of capital letters that counts as shouting (0 to 1).' },
            reason: reason('Shown to the agent.'),
            weight: weight(),
          },
        },
        emphasis: {
          kind: 'object',
          about: 'Words in capitals for emphasis.',
          keys: {
            minWords: { kind: 'number', integer: true, min: 1, max: 100, about: 'Capitalised words needed.' },
            minLength: { kind: 'number', integer: true, min: 1, max: 100, about: 'Letters a word needs to count.' },
            allow: words('Capitalised words that are not emphasis: ASAP, GDPR.'),
            reason: reason('Shown to the agent; {match} becomes the words.'),
            weight: weight(),
          },
        },
        punctuation: {
          kind: 'object',
          about: 'Runs of "!" or "?".',
          keys: {
            minRun: { kind: 'number', integer: true, min: 2, max: 100, about: 'Marks in a row that count.' },
            reason: reason('Shown to the agent; {match} becomes the run.'),
            weight: weight(),
          },
        },
        scareQuotes: {
          kind: 'object',
          about: 'Scare quotes around these words read as sarcasm: your \'support\'.',
          keys: { words: words('Words in scare quotes that count.'), reason: reason('Shown to the agent; {match} becomes the quoted word.'), weight: weight() },
        },
        calm: patterns('Phrases that say a problem is told calmly ("not a big deal"): they cancel calmable signals.'),
        elsewhere: words('Things that are not the service ("weather"): a verdict next to one is not about us.'),
        emoticons: words('Sad or angry faces, as written: ":(", "😡".'),
        emoticonWeight: weight(),
      },
    },
    urgency: {
      kind: 'object',
      about: 'The urgency cue.',
      keys: {
        threshold,
        signals: { kind: 'signals', builtIn: signalNames('urgency'), about: 'Urgency signals by name.' },
        calm: patterns('"no rush", "whenever you can": the customer says it is not urgent.'),
      },
    },
    happy: {
      kind: 'object',
      about: 'The happy cue.',
      keys: {
        threshold,
        signals: { kind: 'signals', builtIn: signalNames('happy'), about: 'Happy signals by name.' },
        courtesyPhrases: patterns('Politeness that is not thanks for help received: "thanks in advance".'),
        requests: patterns('A message with one of these asks for something, so a plain "thanks" in it is courtesy.'),
        emoticons: words('Happy faces, as written: ":)".'),
        emoticonWeight: weight(),
      },
    },
    waiting: {
      kind: 'object',
      about: 'The waiting cue.',
      keys: {
        channels: { kind: 'channels', about: 'Channels where a customer waits for a live reply.' },
        afterSeconds: { kind: 'number', integer: true, min: 10, max: 86400, about: 'Seconds without a reply before the cue shows.' },
        reason: reason('Shown to the agent; {duration} becomes "2 min".'),
      },
    },
    raise: {
      kind: 'object',
      about: 'Steps the panel brings forward for each cue.',
      keys: Object.fromEntries(CUE_KINDS.map((k) => [k, { kind: 'steps', about: `Steps raised by the ${k} cue.` } as CueShape])),
    },
  },
};

type Json = Record<string, unknown>;

function schemaOf(shape: CueShape): Json {
  switch (shape.kind) {
    case 'number':
      return { type: shape.integer ? 'integer' : 'number', minimum: shape.min, maximum: shape.max, description: shape.about };
    case 'boolean':
      return { type: 'boolean', description: shape.about };
    case 'text':
      return { type: 'string', minLength: 1, maxLength: shape.max, pattern: '\\S', description: shape.about };
    case 'list':
      return { type: 'array', maxItems: shape.maxItems, items: { $ref: shape.of === 'word' ? '#/$defs/cueWord' : '#/$defs/cuePattern' }, description: shape.about };
    case 'channels':
      return { type: 'array', uniqueItems: true, items: { $ref: '#/$defs/channel' }, description: shape.about };
    case 'steps':
      return { type: 'array', uniqueItems: true, items: { $ref: '#/$defs/stepId' }, description: shape.about };
    case 'object':
      return { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(shape.keys).map(([k, s]) => [k, schemaOf(s)])), description: shape.about };
    case 'signals':
      return {
        type: 'object',
        maxProperties: MAX_CUE_SIGNALS,
        propertyNames: { pattern: SIGNAL_NAME_PATTERN.source, not: { enum: RESERVED_SIGNAL_NAMES } },
        properties: Object.fromEntries(shape.builtIn.map((name) => [name, { $ref: '#/$defs/cueSignal' }])),
        additionalProperties: { $ref: '#/$defs/cueNewSignal' },
        description: `${shape.about} A built-in name (${shape.builtIn.join(', ')}) changes that signal; {"patterns": []} turns it off. A new name adds a signal, which needs "reason" and "patterns".`,
      };
  }
}

/** The schema's `$defs` for `cues`, made from CUE_SHAPE. */
export function cueSchemaDefs(): Json {
  const signal = { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.entries(SIGNAL_SHAPE).map(([k, s]) => [k, schemaOf(s)])) };
  return {
    cues: { ...schemaOf(CUE_SHAPE), description: `${CUE_SHAPE.about} Two rules only the extension checks: the whole "cues" object as JSON is at most 200,000 characters, and all its patterns together cost at most 1,000 units of matching work (a pattern counts 1, times (n + 1) for each gap "~n").` },
    cueSignal: { ...signal, description: 'Changes to a built-in signal: any of its fields.' },
    cueNewSignal: { ...signal, required: [...NEW_SIGNAL_REQUIRED], description: 'A signal the pack adds: it needs a reason and patterns.' },
    cueWord: { type: 'string', minLength: 1, maxLength: MAX_CUE_WORD, pattern: '\\S', description: 'A word or short phrase, matched whole, any case.' },
    cuePattern: {
      type: 'string',
      minLength: 1,
      maxLength: MAX_CUE_PATTERN,
      pattern: '\\S',
      not: { pattern: TOO_MANY_GAPS_PATTERN },
      description: `A phrase pattern, at most ${MAX_PATTERN_GAPS} gaps (~) so that matching stays fast.`,
    },
  };
}
