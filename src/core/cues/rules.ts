// Cue rules are data, not code: word lists, weights and thresholds per locale. A phrase pack can
// override any part of them (mergeCueRules) without shipping code, so teams can add their own
// words ("chargeback", a competitor's name) or turn a signal off.
//
// Pattern syntax (one phrase per string, matched on whole words, case-insensitive; punctuation in
// the message is reduced to . , ! ? and one such mark may sit between two pattern words):
//   word         that word                         a|b|c     any one of these words
//   word*        any word starting with "word"     not       not, never-contracted forms: don't, can't, isnt…
//   #            a number: 3, three, a few…        @date     today, tomorrow, friday, march, 14th, 3/14, 6pm, end of the month…
//   @duration    a number and a unit: "2 weeks", "half an hour" (checked against minMinutes)
//   ~  / ~N      up to 3 (or N) other words        $         the end of the message
// Pack patterns are escaped before they become regular expressions, so they cannot inject one.

import type { StepId } from '../steps';

export type CueKind = 'frustration' | 'waiting' | 'urgency' | 'happy';
/** Every cue kind, in the order the panel shows them. */
export const CUE_KINDS: readonly CueKind[] = ['frustration', 'waiting', 'urgency', 'happy'];

/** Kept as an alias so the cue API reads on its own; it is the checklist's StepId. */
export type CueStepId = StepId;

export interface PhraseSignal {
  /** Shown to the agent; `{match}` becomes the words found, e.g. 'Says "third time"'. */
  reason: string;
  patterns: string[];
  /** Contribution to the cue's score; the cue fires at its threshold. Default 1. */
  weight?: number;
  /** A negator just before the match cancels it: "not angry", "not urgent". */
  negatable?: boolean;
  /** How many words before the match a negator may sit; the rules' negationWindow by default. */
  negationWindow?: number;
  /**
   * Happy signals: a "but"/"however" after the match cancels it ("Thanks, but it still fails").
   * Frustration signals: cancelled when something happy follows a "but" ("I was frustrated, but you fixed it").
   */
  yieldsToContrast?: boolean;
  /** A feeling of the customer's own: ignored when someone else is its subject ("my boss is furious"). */
  personal?: boolean;
  /** Happy signals only: ordinary politeness that does not count in a message asking for something. */
  courtesy?: boolean;
  /** With @duration: the match counts only when the duration is at least this long. */
  minMinutes?: number;
}

export interface CueRules {
  locale: string;
  /** Words that negate what follows within `negationWindow` words (the `not` token is always one). */
  negators: string[];
  negationWindow: number;
  /** After a negator, these words mean it is not a negation: "can't believe", "not only". */
  negationBreakers: string[];
  /** "but", "however": what comes after weighs more than what came before. */
  contrastWords: string[];
  /** Someone else as the subject just before a feeling word: "my husband is angry" is not the customer's anger. */
  otherPeople: string[];
  frustration: {
    threshold: number;
    signals: Record<string, PhraseSignal>;
    /** Written this many times or more in the conversation counts as repeated contact. */
    repeatContactAt: number;
    repeatContactReason: string;
    repeatContactWeight: number;
    /** Capitals and punctuation are tone: they count as frustration only when nothing in the message is happy. */
    shouting: { minLetters: number; capsRatio: number; reason: string; weight: number };
    emphasis: { minWords: number; minLength: number; allow: string[]; reason: string; weight: number };
    punctuation: { minRun: number; reason: string; weight: number };
    /** Scare quotes around these words read as sarcasm: your 'support', the "fixed" version. */
    scareQuotes: { words: string[]; reason: string; weight: number };
  };
  urgency: {
    threshold: number;
    signals: Record<string, PhraseSignal>;
    /** "no rush", "whenever you can": the customer says it is not urgent. */
    calm: string[];
  };
  happy: {
    threshold: number;
    signals: Record<string, PhraseSignal>;
    /** Politeness formulas that are not thanks for help received: "thanks in advance". */
    courtesyPhrases: string[];
    /** A message with one of these asks for something, so a plain "thanks" in it is courtesy. */
    requests: string[];
    /** Raw-text emoticons, weighed with `emoticonWeight`. */
    emoticons: string[];
    emoticonWeight: number;
  };
  waiting: {
    channels: string[];
    afterSeconds: number;
    /** `{duration}` becomes "2 min". */
    reason: string;
  };
  /** Steps the panel brings forward for each cue. */
  raise: Record<CueKind, CueStepId[]>;
}

const EN: CueRules = {
  locale: 'en',
  negators: ['no', 'never', 'hardly', 'without', 'nor'],
  negationWindow: 4,
  negationBreakers: ['believe', 'only', 'just', 'even'],
  contrastWords: ['but', 'however', 'unfortunately', 'although', 'though', 'sadly', 'except', 'until'],
  otherPeople: ['he', 'she', 'they', 'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'boss', 'son', 'daughter', 'kids', 'mum', 'mom', 'dad', 'friend', 'colleague', 'manager', 'customer', 'customers', 'client', 'clients', 'users'],
  frustration: {
    threshold: 1,
    repeatContactAt: 3,
    repeatContactReason: 'They have written {n} times',
    repeatContactWeight: 1,
    shouting: { minLetters: 12, capsRatio: 0.7, reason: 'Mostly capitals', weight: 1 },
    emphasis: {
      minWords: 2,
      minLength: 4,
      allow: ['ASAP', 'HTTP', 'HTTPS', 'HTML', 'JSON', 'GDPR', 'IBAN', 'NASA', 'UEFA', 'ISBN', 'VOIP', 'CSAT'],
      reason: 'Capitals for emphasis: "{match}"',
      weight: 0.5,
    },
    punctuation: { minRun: 3, reason: 'Lots of "{match}"', weight: 1 },
    scareQuotes: {
      words: ['support', 'help', 'service', 'customer service', 'fixed', 'fix', 'solution', 'update', 'expert', 'experts', 'team', 'answer', 'express', 'guarantee', 'priority', 'urgent'],
      reason: 'Sounds sarcastic: {match}',
      weight: 1,
    },
    signals: {
      repeat: {
        reason: 'Not the first time: "{match}"',
        patterns: [
          'second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th|7th|umpteenth|nth|hundredth|100th time|week|month|day|attempt|email|call',
          'in a row',
          'not the first time',
          'writ*|wrote|contact*|email*|messag*|ask*|call*|called|chas*|told|tell*|explain*|complain*|rang|phoned|reached ~2 # times',
          'writ*|wrote|contact*|email*|messag*|asked|called|chas*|told|explained|complained|rang|phoned|reached ~2 twice',
          'how many times|more',
          'again and again',
          'over and over',
          'yet again',
          'once again',
          'time and again',
          'time after time',
          'for the last time',
          'yet another',
          'repeat|repeating ~1 myself|everything|it|the same',
          'hello|hi|hey|its|it\'s|is|it ~1 me again',
          'writing|wrote|emailing|contacting|messaging|asking|chasing|following|complaining|reaching|calling ~3 again',
          'broken|broke|failed|fails|failing|crashed|crashing|down|happened|happening|charged|billed|stopped|wrong|problem|issue|locked|blocked|declined|late|delayed|damaged|missing|overcharged ~2 again',
          'still ~2 not|no|nothing|waiting|broken|wrong|missing|invalid|unresolved',
          'keep|keeps|kept ~1 getting|having|asking|telling|saying|receiving|charging|crashing|failing|happening|breaking|chasing|waiting',
          '2|3|4|5|6|7|8|9|10|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|countless|many ~1 emails|messages|calls|chats|requests|attempts|reminders',
        ],
      },
      repeatSoft: {
        reason: 'Has been here before: "{match}"',
        weight: 0.5,
        patterns: [
          'already ~1 told|explained|sent|provided|gave|given|asked|said|called|emailed|written|contacted|tried',
          'every|each ~1 time|month|week|day',
          'told|explained|said|sent|asked|mentioned ~3 already',
          'you said|promised|told',
          'was|were promised|told',
        ],
      },
      unanswered: {
        reason: 'Says nobody answered: "{match}"',
        patterns: [
          'nobody|noone ~2 answer*|repl*|respond*|help*|care*|called|contacted',
          'no one ~2 answer*|repl*|respond*|help*|care*|called|contacted',
          'nobody|noone ~2 got|gets|came|comes back',
          'no one ~2 got|gets|came|comes back',
          'no reply|replies|response|responses|answer|answers|callback',
          'not ~1 a single|one ~1 response|reply|answer|word|email|call',
          'never|not ~2 heard|got|received ~1 back|reply|response|answer|one|anything',
          'ignoring|ignored ~1 me|us|my',
          'left on read',
          'impossible to reach|contact|get|talk',
          'nobody|noone ~3 knows|know|clue',
          'no one ~3 knows|know|clue',
        ],
      },
      strongWords: {
        reason: 'Strong words: "{match}"',
        negatable: true,
        yieldsToContrast: true,
        patterns: [
          'ridiculous|unacceptable|outrageous|disgrace*|disgusting|terrible|awful|horrible|horrendous|appalling|atrocious',
          'useless|pathetic|incompetent|worst|scam|scammed|scammers|fraud|fraudulent|rip-off|ripoff|shambles|nightmare',
          'garbage|rubbish|crap|crappy|bullshit|shit|shitty|wtf|damn|fucking|fuck|fucked|bloody',
          'a|is|what|this ~1 joke',
          'rip off',
          'fed up',
          'sick of',
          'sick and tired',
          'had enough',
          'enough is enough',
          'last straw',
          'waste of time|money',
          'wasted ~2 time|hours|day|days|morning|afternoon',
          'you people',
          'so hard|difficult to',
          'how hard can|is',
          'straight answer',
          'too much to ask',
          'how you treat',
          'losing|lost|lose|out of ~1 my|all ~1 patience',
          'patience is|has ~2 thin|out|gone',
          'worse|worst',
          'crash*|fail*|slower|broken|buggy ~1 even more|than before|than ever',
          'unbelievable',
          'theft|thieves|stealing|stolen|cheat|cheated|cheating|robbery|misleading|dishonest|lied|lying|liars|ruined|destroyed',
          'very|really|so|extremely|incredibly poor',
          'poor service|support|quality|communication',
          'expected|expect ~1 better|more',
          'spent|wasted|lost ~3 whole|entire|all ~1 day|morning|afternoon|evening|week|weekend',
          'i\'m|im|am done with ~1 you|this|your',
          'i\'m|im|am done .',
        ],
      },
      feelings: {
      reason: 'Says they feel "{match}"',
      negatable: true,
      yieldsToContrast: true,
      personal: true,
      patterns: ['furious|livid|angry|fuming|pissed|annoyed|frustrat*|disappoint*|upset|infuriat*|unhappy|dissatisfied|displeased|exasperated|outraged'],
      },
      notOk: {
        reason: 'Says "{match}"',
        yieldsToContrast: true,
        patterns: [
          'not ~2 happy|pleased|satisfied|impressed|acceptable|amused|fair',
          'not ok|okay|cool',
          'not good enough',
        ],
      },
      leaving: {
        reason: 'Mentions cancelling or leaving: "{match}"',
        weight: 1.5,
        negatable: true,
        // Only "not" right before a threat withdraws it: "if it isn't fixed I'm cancelling" is still one.
        negationWindow: 1,
        patterns: [
          'i\'ll|ill|we\'ll|gonna ~2 cancel|close|quit|unsubscribe',
          'i|we will|shall ~2 cancel|close|quit|unsubscribe',
          'going|about|ready|decided to ~2 cancel|close|quit|unsubscribe',
          'i\'m|im|am|we\'re|be cancelling|canceling|quitting',
          'take|taking my business|money elsewhere',
          'never ~2 buy*|order*|shop*|use ~3 again',
          'switch*|move|moving|going|go to ~1 a|another|your ~1 competitor|competitors|provider|supplier|company',
        ],
      },
      complaint: {
        reason: 'Mentions a complaint or a bad review: "{match}"',
        weight: 1.5,
        negatable: true,
        // Only "not" right before a threat withdraws it: "if it isn't fixed I'm cancelling" is still one.
        negationWindow: 1,
        patterns: [
          'formal complaint',
          'file|filing|make|making|lodge|lodging|raise|raising ~1 a complaint',
          'one-star|1-star|bad|negative|terrible|poor ~1 review|reviews|rating',
          'one|1|zero|0 star|stars',
          'trustpilot|yelp|bbb|ombudsman',
          'better business bureau',
          'report you',
          'report ~3 to ~1 consumer|trading|authorities|police|regulator|bbb|ftc|fca',
          'consumer protection|rights',
          'post|posting|share|sharing|put|putting ~3 twitter|facebook|reddit|tiktok|online',
          'post|posting|share|sharing ~3 social media',
        ],
      },
      legal: {
        reason: 'Mentions legal steps or a chargeback: "{match}"',
        weight: 1.5,
        negatable: true,
        // Only "not" right before a threat withdraws it: "if it isn't fixed I'm cancelling" is still one.
        negationWindow: 1,
        patterns: [
          'lawyer|lawyers|solicitor|attorney|lawsuit',
          'legal action|steps|proceedings|advice',
          'small claims',
          'take ~3 to court',
          'sue|suing ~1 you',
          'chargeback|charge-back',
          'dispute ~2 charge|payment|transaction|with',
        ],
      },
      ultimatum: {
      reason: 'Sounds like an ultimatum: "{match}"',
      patterns: [
      'or else',
      'fix|sort|solve|resolve ~3 or ~2 refund|cancel|else',
      'simple as that',
      'final warning',
      'last chance',
      'last message|email|warning|time ~3 before',
      'go|going|contact|contacting|call|calling|ask|asking to ~1 my bank|card',
      ],
      },
      sarcasm: {
        reason: 'Sounds sarcastic: "{match}"',
        patterns: [
          'thanks|thank ~2 for nothing',
          'thanks|thank ~1 for wasting',
          'great|wonderful|fantastic|brilliant|perfect|lovely|awesome|excellent|super another',
          'oh ~1 great|wonderful|fantastic|brilliant|perfect|lovely|joy',
          'just great|perfect|wonderful|fantastic|brilliant|lovely',
          'yeah|yea right',
          'surprise surprise',
          'what a surprise',
          'so much for',
          'so-called',
          'so called',
          'helpful|great|good|job|support|service not $',
        ],
      },
      longWait: {
        reason: 'Mentions waiting: "{match}"',
        minMinutes: 30,
        patterns: [
          'waiting|waited|hold ~2 @duration',
          'had to wait ~2 @duration',
          '@duration ~1 on hold',
          '@duration of waiting',
          '@duration later|without|already',
          '@duration and ~1 still|nothing|no|counting',
          'been @duration',
          'waiting|waited|hold|chasing ~2 forever|ages|weeks|days|months|hours',
          'waited|waiting|been ~2 long enough|enough|too long|so long',
        ],
      },
      exasperated: {
        reason: 'Sounds exasperated: "{match}"',
        weight: 0.5,
        patterns: [
        'seriously',
        'come on',
        'anyone|anybody there',
        'are you there',
        'really ?',
        'why ?',
        'do|did|does you|anyone|they even',
        'why do|does|should|must i ~1 have to',
        'tells|told|telling|says|said ~2 something|anything different',
        ],
      },
    },
  },
  urgency: {
    threshold: 1,
    calm: [
      'no rush|hurry|urgency|pressure',
      'not urgent',
      'not in a ~1 hurry|rush',
      'whenever you ~1 can|get|have',
      'when you get a chance',
      'when you have ~2 time|moment|minute|chance',
      'at your convenience',
      'take your time',
    ],
    signals: {
      urgent: {
        reason: 'Urgent: "{match}"',
        negatable: true,
        patterns: [
          'urgent|urgently|urgency|asap|a.s.a.p|a.s.a.p.|emergency|immediately|expedite|expedited|critical|hurry',
          'as soon as possible',
          'as quickly as possible',
          'straight away',
          'right away',
          'time sensitive|critical',
          'time-sensitive',
          'top|high priority',
        ],
      },
      soon: {
        reason: 'Urgent: "{match}"',
        weight: 0.5,
        negatable: true,
        patterns: ['right now', 'now !', 'quickly', 'fast', 'at the ~1 airport|gate|hospital|border|check-in'],
      },
      deadline: {
      reason: 'Deadline: "{match}"',
        patterns: [
          'by|before|latest|due ~1 @date',
          'no later than',
          'deadline|deadlines',
          'need|needs|needed|must|gotta ~3 today|tonight|tomorrow',
          'have|has|got to ~3 today|tonight|tomorrow',
          'today|tonight please',
          'within # hour*|hrs|minute*|mins',
          'within|in the|an|next hour',
          'expire*|ends|closes|starts|leaves|leaving|due|ship|ships ~2 in|within # hour*|hrs|minute*|mins',
        ],
      },
      impact: {
      reason: 'Business impact: "{match}"',
      patterns: [
      'outage',
      'production ~2 down|affected|broken|outage|stopped',
      'losing ~1 money|sales|customers|business|revenue|orders',
      'site|website|shop|store|checkout|server|servers|system|app|service|platform ~2 down|offline',
      'can\'t|cannot|unable ~2 take|accept|process ~1 payments|orders',
      'locked out',
      ],
      },
      event: {
        reason: 'Time pressure: "{match}"',
        patterns: [
          'flight|flying|trip|holiday|vacation|wedding|party|birthday|event|launch|live|presentation|interview|exam|departure|ceremony|conference|payroll|starts|expires|ships|closes|ends|leave|leaving ~3 today|tonight|tomorrow|@date',
        ],
      },
    },
  },
  happy: {
    threshold: 1,
    courtesyPhrases: [
      'thanks|thank|thx|cheers ~3 in advance',
      'tia',
      'ok|okay|k|kk thanks|thank|thx|ty',
      'would|i\'d|id appreciate',
      'appreciate ~3 if',
      'any help ~1 appreciated',
    ],
    requests: [
      '?',
      'can|could|would you',
      'can|could|may i',
      'how do|can|to',
      'is it possible',
      'i need|want',
      'i would like',
      'i\'d|id like',
      'please help|advise|check|send|confirm|let',
      'let me know',
    ],
    emoticons: [':)', ':-)', ':D', ':-D', '🙂', '😊', '😀', '😃', '👍', '🙏', '❤️', '♥', '🎉'],
    emoticonWeight: 0.5,
    signals: {
      thanks: {
        reason: 'Says thanks',
        negatable: true,
        yieldsToContrast: true,
        courtesy: true,
        patterns: [
          'thank|thanks|thx|thnx|thanx|ty|tysm|cheers|grateful',
          'much appreciated',
          'appreciate|appreciated ~2 it|that|this|your|you|all',
        ],
      },
      praise: {
        reason: 'Praise: "{match}"',
        negatable: true,
        yieldsToContrast: true,
        patterns: [
          'amazing|awesome|excellent|fantastic|wonderful|brilliant|superb|outstanding|lifesaver|legend|kudos|perfect|perfectly',
          'life saver',
          'you\'re|youre|are the best',
          'you rock',
          'saved my ~1 day|life|bacon|weekend',
          'made my day',
          'great|good|quick|fast|fantastic ~1 service|support|job|work|help|response|reply|delivery',
          'well done',
          'that was ~1 quick|fast|helpful|easy|painless',
          'so|super|very|really|extremely quick|fast|helpful',
          'i love|loved it|this|you|your',
          'impressed|delighted',
          'so|very|really|super|extremely|totally ~1 happy|pleased|glad|satisfied',
          'happy|pleased|satisfied|glad with|about',
          'exactly what i ~1 needed|wanted',
        ],
      },
      resolved: {
        reason: 'Says it works now',
        negatable: true,
        yieldsToContrast: true,
        courtesy: true,
        patterns: [
          'that|it|this ~1 worked|works',
          'working|works ~1 now|again|fine|perfectly|great',
          'all|now ~1 sorted|good|fixed|set|clear',
          'everything|everything\'s|all ~2 clear|fine|good|sorted|working',
          'problem|issue solved|resolved|fixed',
          'fixed|solved|sorted it',
          'that|this did it',
          'did the trick',
          'that answers it',
          'makes sense now',
        ],
      },
    },
  },
  waiting: {
    channels: ['chat', 'messaging'],
    afterSeconds: 60,
    reason: 'Waiting {duration} for a reply',
  },
  raise: {
    frustration: ['empathize', 'apologize'],
    waiting: ['greet'],
    urgency: ['listen'],
    happy: ['follow-through'],
  },
};

export const DEFAULT_CUE_RULES: Readonly<Record<string, CueRules>> = { en: EN };

/** What a pack may say about cue rules: any part, at any depth. */
export type CueRulesOverride = { [K in keyof CueRules]?: DeepPartial<CueRules[K]> };
type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isPhraseSignal(v: unknown): v is PhraseSignal {
  return isPlainObject(v) && typeof v.reason === 'string' && isStringArray(v.patterns);
}

/** Keeps only override values whose type matches the base, so a sloppy pack cannot break detection. */
function mergeValue(base: unknown, override: unknown, newEntry: (v: unknown) => boolean): unknown {
  if (override === undefined) return base;
  if (base === undefined) return newEntry(override) ? override : undefined;
  if (Array.isArray(base)) return isStringArray(override) ? [...override] : base;
  if (isPlainObject(base)) {
    if (!isPlainObject(override)) return base;
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(override)) {
      if (UNSAFE_KEYS.has(key)) continue;
      // Own keys only: "toString" in a pack must not find Object.prototype.toString here.
      const merged = mergeValue(Object.hasOwn(base, key) ? base[key] : undefined, value, newEntry);
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  return typeof override === typeof base && (typeof override !== 'number' || Number.isFinite(override)) ? override : base;
}

/**
 * Pack rules on top of the defaults: objects merge key by key, lists replace (so a pack states the
 * full list it wants), a new entry under `signals` adds a signal, and values of the wrong type are
 * ignored. `{ frustration: { signals: { sarcasm: { patterns: [] } } } }` turns sarcasm off.
 */
export function mergeCueRules(base: CueRules, override: CueRulesOverride | undefined | null): CueRules {
  if (!override) return base;
  // New keys are only meaningful as whole phrase signals; anything else unknown is dropped.
  return mergeValue(base, override, isPhraseSignal) as CueRules;
}
