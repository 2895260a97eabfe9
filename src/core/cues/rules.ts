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
  /** A verdict on something: ignored when the frustration rules' `elsewhere` words sit next to it, in the same clause ("awful weather"). */
  aimed?: boolean;
  /** Frustration signals: a calm phrase in the message ("not a big deal", "by mistake") cancels it. */
  calmable?: boolean;
  /** Words that cancel a match when one sits in the two words before it: "thank you so much for" is not "so much for". */
  unlessAfter?: string[];
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
    /** Phrases that say a problem is told calmly ("not a big deal", "I ordered the wrong one by mistake"): they cancel `calmable` signals. */
    calm: string[];
    /** Things a customer may call awful that are not the service: "the weather is terrible". */
    elsewhere: string[];
    /** Raw-text sad or angry faces, weighed with `emoticonWeight`: ":(", "😡". */
    emoticons: string[];
    emoticonWeight: number;
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
  negationBreakers: ['believe', 'only', 'just', 'even', 'know'],
  contrastWords: ['but', 'however', 'unfortunately', 'although', 'though', 'sadly', 'except', 'until'],
  otherPeople: [
    'he', 'she', 'they', 'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'boss', 'son', 'daughter', 'kids', 'mum', 'mom', 'dad',
    'mother', 'father', 'sister', 'brother', 'family', 'friend', 'friends', 'colleague', 'colleagues', 'manager', 'customer', 'customers',
    'client', 'clients', 'users', 'staff', 'team', 'agents', 'everyone', 'people', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'you',
  ],
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
      words: [
        'support', 'help', 'service', 'customer service', 'fixed', 'fix', 'solution', 'update', 'expert', 'experts', 'team', 'answer', 'express',
        'guarantee', 'priority', 'urgent', 'resolved', 'closed', 'delivered', 'unlimited', 'pending', 'processing', 'next day', 'investigating',
        'under investigation', 'estimated', 'premium', 'refund',
      ],
      reason: 'Sounds sarcastic: {match}',
      weight: 1,
    },
    calm: [
      'not a ~1 big deal',
      'no ~1 big deal',
      'no worries|problem|biggie',
      'by mistake|accident',
      'accidentally',
      'my ~1 fault|mistake|bad',
      'i|i\'ve ~2 ordered|picked|chose|bought|entered|typed|selected|booked|put|gave ~3 wrong',
      'i ~1 forgot|misplaced|deleted|broke|dropped',
      'son|daughter|kid|kids|child|dog|cat|puppy|toddler|baby ~1 broke|dropped|lost|deleted|chewed|spilled',
      'lol|haha|hehe|lmao',
      'sorry to ~1 bother|trouble',
      'is that|this normal',
      'just wondering|curious|checking',
    ],
    elsewhere: ['weather', 'rain', 'raining', 'snow', 'snowing', 'storm', 'storms', 'wind', 'traffic', 'news', 'headache', 'migraine', 'flu', 'hangover', 'monday', 'mondays', 'pun', 'puns', 'commute', 'exam', 'exams', 'referee', 'election'],
    emoticons: [':(', ':-(', ":'(", '☹', '🙁', '😞', '😠', '😡', '🤬', '😤', '😒', '🙄', '👎', '😩', '😫', '💢'],
    emoticonWeight: 1,
    signals: {
      repeat: {
        reason: 'Not the first time: "{match}"',
        patterns: [
          'second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th|7th|umpteenth|nth|hundredth|100th time|week|month|day|attempt|email|call',
          'not the first time',
          'writ*|wrote|contact*|email*|messag*|ask*|call*|called|chas*|told|tell*|explain*|complain*|rang|phoned|reached|reported|sent|tried|reinstalled|restarted|rebooked|rescheduled|moved|cancelled|canceled|promised ~2 # times',
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
          'broken|broke|failed|fails|failing|crashed|crashing|down|happened|happening|charged|billed|taken|took|stopped|wrong|problem|issue|locked|blocked|declined|late|delayed|damaged|missing|overcharged|cancelled|canceled|estimated|slip|slips|error ~2 again',
          'still ~2 not|no|nothing|nobody|waiting|broken|wrong|missing|invalid|unresolved|locked|dead|down|pending|overheating|crashing|failing|leaking|damaged|charging|showing|stuck|unable|haven\'t|hasn\'t|havent|hasnt',
          'keep|keeps|kept ~1 having|telling|saying|charging|crashing|failing|happening|breaking|chasing|waiting|dropping|disconnecting|freezing|cancelling|canceling',
          'keep|keeps|kept getting|receiving ~1 charged|billed|logged|kicked|cut|disconnected|dropped|told|passed|errors|error|same|different|fobbed',
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
          'in a row',
          'keep|keeps|kept getting|asking|receiving',
          'same ~1 error|problem|issue|fault|crash|thing|answer|reply|response|message|excuse|story',
          'even though i|i\'ve|we|me|my',
          'despite i|i\'ve|we|me|my',
          'supposed|meant|due|promised to ~3 arrive*|be|come|deliver*|ship*|call*|ring|email*|reply|respond|refund*',
          'should have ~2 arrived|been|come|delivered|shipped|called|replied|refunded',
          'should\'ve|shouldve ~2 arrived|been|come|delivered|shipped|called|replied|refunded',
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
          'impossible|unable|hard|difficult to ~2 reach|contact|speak|talk|get ~1 through|hold|answer|anyone|someone',
          'not|never ~2 replied|answered|responded|acknowledged',
          'not|never ~2 got|gotten|come|came|called|rang back',
          'nobody|noone ~2 tells|told|tell|informed|warned|explained|updated|bothered|seems|seem',
          'no one ~2 tells|told|tell|informed|warned|explained|updated|bothered|seems|seem',
          'lines|line|phone|number ~4 busy|engaged|dead',
          'anyone|anybody|you ~2 even|actually ~1 read|reading|listen|listening|care|help|working|there',
          'is|are anyone|anybody ~1 reading|listening|working|there ?',
          'passed|pushed|bounced ~1 around|between',
          'back and forth',
          'pillar to post',
          'runaround',
          'run around',
          'in circles',
          'no ~1 update|updates|explanation|warning|notice|word|news|record|sign|trace|announcement|acknowledgement|acknowledgment|callback|contact|communication|apology|solution|resolution|help|response|answer|fix',
          'nobody|noone ~3 knows|know|clue',
          'no one ~3 knows|know|clue',
        ],
      },
      strongWords: {
        reason: 'Strong words: "{match}"',
        aimed: true,
        negatable: true,
        negationWindow: 2,
        yieldsToContrast: true,
        patterns: [
          'ridiculous|unacceptable|outrageous|disgrace*|disgusting|terrible|awful|horrible|horrendous|appalling|atrocious',
          'useless|pathetic|incompetent|worst|scam|scammed|scammers|fraud|fraudulent|rip-off|ripoff|shambles|nightmare',
          'garbage|rubbish|crap|crappy|bullshit|shit|shitty|wtf|damn|fucking|fuck|fucked|bloody',
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
          'shocking|dreadful|disaster|disastrous|fiasco|hopeless|shady|humiliating|degrading|worthless|trash|unusable|unreliable|inexcusable|laughable|ludicrous|absurd',
          'horrid|painful|hassle|inconvenient|chaos|chaotic|sloppy|careless|lazy|clueless|irritating|aggravating|unbearable|intolerable|unfair|unjust|overpriced|substandard|inadequate|unsatisfactory|misled|sucks|mess',
          'messed|screwed|mixed|cocked up',
          'mix-up|mixup|muddle|cock-up|screw-up',
          'let ~1 me|us down',
          'fobbed off',
          'broken promise|promises',
          'excuse|excuses',
          'bad|poor|horrible|worst|awful|terrible ~1 experience|service|support|quality|communication',
          'really|so|very|extremely|pretty|just bad',
          'step backwards|backward|back',
          'getting ~1 silly|ridiculous|absurd|beyond|old',
          'sort|sorting this|it out',
          'just want ~3 resolved|sorted|fixed|refund|money|answer|solution',
          'what am i paying for',
          'what are we paying for',
          'what\'s|whats the point',
          'what is the point',
          'how is|was|can ~2 this|that|it ~1 acceptable|fair|ok|okay|legal|allowed|possible|right',
          'why is ~2 my problem|fault',
          'your|their ~1 mistake|error|fault|incompetence|cock-up|screw-up|screwup',
          'never again',
        ],
      },
      joke: {
        reason: 'Strong words: "{match}"',
        negatable: true,
        yieldsToContrast: true,
        // "it was just a joke", "haha a joke": a joke of their own, not a verdict on the service.
        unlessAfter: ['just', 'only', 'haha', 'lol', 'kidding', 'bad'],
        patterns: ['a|is|what|this ~1 joke', 'beyond a joke'],
      },
      wornOut: {
        reason: 'Sounds worn out: "{match}"',
        patterns: ['sigh|ugh|argh|ffs', 'tired of', 'wits|wit\'s end', 'give|giving up', 'tried everything', 'what else ~3 do', 'time for this', 'at a loss'],
      },
      problemFirm: {
        reason: 'Says something went wrong: "{match}"',
        calmable: true,
        yieldsToContrast: true,
        patterns: ['charged|billed ~4 not|never', 'not|stopped ~1 working|work|works'],
      },
      feelings: {
      reason: 'Says they feel "{match}"',
      negatable: true,
      yieldsToContrast: true,
      personal: true,
      patterns: [
        'furious|livid|angry|fuming|pissed|annoyed|annoying|frustrat*|disappoint*|upset|infuriat*|unhappy|dissatisfied|displeased|exasperated|outraged',
        'gutted|devastated|heartbroken|distraught|stressed|shocked|appalled|horrified|insulted|humiliated|disgusted',
      ],
      },
      notOk: {
        reason: 'Says "{match}"',
        yieldsToContrast: true,
        patterns: [
          'not ~2 happy|pleased|satisfied|impressed|acceptable|amused|fair',
          'not|hardly ~1 a|very|that|particularly|remotely|exactly|really ~1 good|great|helpful|useful|acceptable|pleasant|nice|professional|solution|answer|fix|right',
          'not|hardly good|great|helpful|useful|acceptable|pleasant|nice|professional|right',
          'not ok|okay|cool',
          'not good enough',
          'not what i ~2 told|ordered|asked|paid|expected|promised|wanted',
          'not ~1 paying|pay for',
          'not ~1 match|matching',
          'not as described|advertised|pictured',
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
          'never ~2 buy*|order*|shop*|use|book*|fly|flying|travel* ~3 again',
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
        unlessAfter: ['thank', 'thanks', 'thx', 'ty', 'love', 'loved', 'appreciate', 'appreciated'],
        patterns: [
          'thanks|thank ~2 for nothing',
          'thanks|thank ~1 for wasting',
          'thanks|thank|cheers|thx ~2 for ~1 another|yet',
          'thanks|thank|cheers|thx ~2 for ~3 automated|generic|template|canned|copy-paste|copy|wrong|silence|runaround|ignoring|useless|breaking|losing|ruining|misleading',
          'great|wonderful|fantastic|brilliant|perfect|lovely|awesome|excellent|super|good|nice|cool another',
          'just great|perfect|wonderful|fantastic|brilliant|lovely',
          'classic .|!',
          'classic $',
          'impressive really',
          'yeah|yea right',
          'surprise surprise',
          'what a surprise',
          'so much for',
          'so-called',
          'so called',
          'helpful|great|good|job|support|service not $',
        ],
      },
      sarcasmSoft: {
        reason: 'Sounds sarcastic: "{match}"',
        weight: 0.5,
        unlessAfter: ['thank', 'thanks', 'thx', 'ty'],
        patterns: [
          'oh ~1 great|wonderful|fantastic|brilliant|perfect|lovely|joy|good|nice|cool',
        ],
      },
      problem: {
        reason: 'Says something went wrong: "{match}"',
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: [
          'never|not ~1 arrived|arrive|came|come|turned|showed|show|delivered|received|receive|happened',
          'no-show',
          'no show',
          'broke|damaged|smashed|cracked|crushed|shattered|leaking|leaks|faulty|defective|scratched|soaked|torn|ripped|dented|mouldy|moldy|undercooked|stale|broken|worthless',
          'overcharged|overbilled|double-charged',
          'double charged',
          'rude|unhelpful|unprofessional|dismissive|condescending',
          'hung|hang|hangs up',
          'stopped|stop ~1 work|works|loading|responding|charging|syncing',
          'no longer ~1 work|works|working',
          'wrong ~2 item|items|size|colour|color|order|address|date|balance|product|parcel|package|amount|price|information|info|name|part|model|room|seat|seats|meal|food|ticket|tickets|delivery',
          'lost|losing ~2 my|our|all|the ~1 parcel|package|luggage|bag|bags|suitcase|order|delivery|data|notes|files|progress|settings|photos|money|account|post|mail|documents|work|contacts|messages',
          'parcel|package|luggage|bag|bags|suitcase|order|delivery|item|letter|post|data|files ~2 lost|stolen|damaged|missing',
          'flight|train|order|parcel|package|delivery|booking|appointment|bus|luggage|bag|bags|suitcase|payment|card|account|transfer|claim|ticket|tickets|reservation|refund ~2 was|is|got|been|keeps|gets ~1 delayed|cancelled|canceled|lost|stuck|rejected|declined|suspended|blocked|frozen|refused|denied',
          'stuck in ~2 transit|customs|loop|limbo|queue|depot|warehouse|system',
          'for no reason',
          'without ~3 warning|notice|explanation|asking|permission|consent|reason|telling|notification',
          'you|they ~2 did|done nothing',
          'want|demand|need ~3 refund',
          'want|demand ~2 money back',
          'nothing ~1 works|worked|happened|changed|resolved|here',
          '. nothing .',
          '. nothing $',
          'not here',
          '@duration ~1 late|overdue|past|behind',
          'took|taken|taking ~2 ages|forever',
        ],
      },
      problemDelay: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['delayed|delay|delays|late|cancelled|canceled|cancellation|overdue|rescheduled|postponed'],
      },
      problemValence: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['hate|sad|sadly|shame|pity|bummer|meh|annoyingly|regret|poorly|poor|bad|worse|difficult|confusing|confused|complicated|slow|expensive'],
      },
      problemLoss: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['lost|stuck|missed|refused|rejected|declined|denied|expired|failed|fails|failing|hacked|deleted|wiped|frozen|blocked|suspended|locked'],
      },
      problemTech: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['crash|crashes|crashing|crashed|freezes|freezing|froze|glitch*|bug|bugs|buggy|error|errors|outage|offline|slow'],
      },
      problemMoney: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['refund|compensation|charged|billed', 'money back', 'charged|billed|taken|debited ~2 twice|double'],
      },
      problemMissing: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['missing'],
      },
      problemNotFixed: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['not ~1 helped|help|solve|solved|fix|fixed|resolve|resolved|answer|answered|load|loading|respond|responding|open|opening|activate|activating|sync|syncing|print|printing|connect|connecting|charge|charging|work|works'],
      },
      problemWrong: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['wrong|incorrect|different'],
      },
      problemNobody: {
        reason: 'Says something went wrong: "{match}"',
        weight: 0.5,
        negatable: true,
        calmable: true,
        yieldsToContrast: true,
        patterns: ['nobody|noone|nothing|nowhere', 'no one'],
      },
      slowReply: {
        reason: 'Mentions waiting: "{match}"',
        minMinutes: 120,
        patterns: ['took|taken|taking ~1 @duration'],
      },
      longWait: {
        reason: 'Mentions waiting: "{match}"',
        minMinutes: 30,
        patterns: [
          'waiting|waited|hold|stuck|sat|sitting|queuing|queueing|queued|standing|chasing ~3 @duration',
          'pending|processing|open|down|off|broken|delayed|outstanding|unresolved|dead|offline ~2 @duration',
          '@duration ~1 wait|queue|delay|journey',
          '@duration ~1 on|in ~1 hold|phone|queue|chat|line',
          '@duration with|without ~1 no|nothing|any',
          'hour-long|hours-long|day-long|week-long|month-long',
          'hours|days|weeks|ages ~2 on|in ~1 hold|phone|queue|line',
          'hours|days|weeks|ages ~2 waiting',
          'spent|wasted|waited|sat|stuck|queued|queuing ~4 on|in ~1 hold|phone|queue',
          'spent|wasted|waited|waiting|sat|stuck|tried|trying|calling|queued|queuing|chasing ~2 all|whole|entire|most|best ~3 day|morning|afternoon|evening|night|week|weekend|month',
          'best part of ~1 a|an|the ~1 day|morning|afternoon|evening|week|hour|month',
          'waiting|waited|chasing|here|hold ~2 since',
          'been ~3 fortnight|ages|forever',
          'for ~1 fortnight|ages',
          'day # .',
          'day # $',
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
          'appreciate|appreciated the|how|everything',
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
          'gorgeous|stunning|beautiful|fab|fabulous|chuffed|thrilled|ecstatic|relieved|smooth|seamless|painless|flawless',
          'spot on',
          'over the moon',
          'worth the wait',
          'worth it',
          'love|loving|loved the|this|it|my|how',
          'incredibly|really|so|very|super|extremely|most ~1 helpful|kind|patient|friendly|easy|smooth',
          'been ~1 helpful|brilliant|great|amazing|star|fantastic|wonderful|kind',
          'a star',
          'great|lovely|wonderful|brilliant|fantastic|amazing|good ~1 night|day|time|stay|experience|evening|meal|idea|news|job',
          'staff|driver|team|engineer|crew|agent|nurse|doctor|advisor|technician|fitter|rep|guy|lady|everyone ~2 was|were|is|are ~1 lovely|great|brilliant|amazing|helpful|friendly|fantastic|excellent|polite|kind|wonderful|fab|superb',
          'relief',
          'top notch',
          'first class',
          'five|5 stars',
          'would|will|highly|definitely ~1 recommend',
          'thankful|yay|woohoo|hooray|hero|gem|pleasure',
          'nice one',
          'keep up the ~1 good|great work',
          'no complaints',
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
          'it\'s|its ~1 working|sorted|fixed|resolved',
          'it is ~1 working|sorted|fixed|resolved',
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
