import { describe, expect, it } from 'vitest';
import { DEFAULT_CUE_RULES, detectCues, mergeCueRules, type Cue, type CueKind, type CueRules } from '../../src/core/cues';
import { compilePattern, durationMinutes, normalizeMessage } from '../../src/core/cues/pattern';

const NOW = Date.UTC(2025, 2, 14, 10, 0, 0);
const EN = DEFAULT_CUE_RULES.en!;

function cues(message: string, extra: Partial<Parameters<typeof detectCues>[0]> = {}, rules?: CueRules): Cue[] {
  return detectCues({ message, now: NOW, ...extra }, rules);
}
function kinds(message: string, extra: Partial<Parameters<typeof detectCues>[0]> = {}, rules?: CueRules): CueKind[] {
  return cues(message, extra, rules).map((c) => c.kind);
}
function cue(kind: CueKind, message: string, extra: Partial<Parameters<typeof detectCues>[0]> = {}): Cue | undefined {
  return cues(message, extra).find((c) => c.kind === kind);
}

describe('frustration', () => {
  it('names repeated contact from the conversation count, and raises Empathize and Apologize', () => {
    const c = cue('frustration', 'Any news on my return?', { customerMessages: 3 });
    expect(c?.reason).toContain('They have written 3 times');
    expect(c?.raise).toEqual(['empathize', 'apologize']);
    expect(kinds('Any news on my return?', { customerMessages: 2 })).toEqual([]);
  });

  it('hears repeated contact in the words', () => {
    for (const m of ['This is the third time I am writing.', 'I have emailed you 4 times.', 'Yet again the app logged me out.', 'I still have not received it.', 'Hello, me again.']) {
      expect(kinds(m), m).toContain('frustration');
    }
    expect(cue('frustration', 'This is the third time I am writing.')?.reason).toBe('Not the first time: "third time"');
  });

  it('does not treat every "again" or "still" as frustration', () => {
    for (const m of ['Could you send me the manual again?', 'I tried to log in again, where is the code?', 'Is the sale still on?', 'Thanks again!']) {
      expect(kinds(m), m).not.toContain('frustration');
    }
  });

  it('hears shouting: mostly capitals over enough letters, and runs of ! and ?', () => {
    expect(cue('frustration', 'WHERE IS MY ORDER I PAID TWO WEEKS AGO')?.reason).toContain('Mostly capitals');
    expect(kinds('OK THX')).not.toContain('frustration'); // too few letters to be shouting
    expect(cue('frustration', 'Where is my refund!!!')?.reason).toContain('Lots of "!!!"');
    expect(kinds('Where is my refund?!')).toContain('frustration');
    expect(kinds('Where is my refund!')).toEqual([]);
  });

  it('reads capitals and !!! in a happy message as joy, not anger', () => {
    expect(kinds('THANK YOU SO MUCH!!! IT WORKS NOW')).toEqual(['happy']);
  });

  it('hears strong words, threats to leave, complaints and legal steps', () => {
    expect(cue('frustration', 'This is ridiculous.')?.reason).toBe('Strong words: "ridiculous"');
    expect(cue('frustration', "If it isn't fixed I'm cancelling.")?.reason).toContain('Mentions cancelling');
    expect(cue('frustration', 'I will leave a one-star review.')?.reason).toContain('bad review');
    expect(cue('frustration', 'My lawyer will contact you.')?.reason).toContain('legal');
    expect(kinds("I'm going to dispute the charge with my bank")).toContain('frustration');
    expect(kinds("I'm not going to cancel, I just want to pause it.")).toEqual([]);
    expect(kinds('I will not cancel, I just want to pause it.')).toEqual([]);
  });

  it('does not hear a threat in an ordinary how-to about cancelling', () => {
    expect(kinds("How do I cancel my subscription? I don't need it anymore.")).toEqual([]);
    expect(kinds("I'd like to close my account please. How do I download my data first?")).toEqual([]);
  });

  it('hears long waits the customer mentions, but not short ones or instructions to wait', () => {
    expect(cue('frustration', "I've been waiting for 2 weeks for an answer.")?.reason).toBe('Mentions waiting: "waiting for 2 weeks"');
    expect(kinds('I have been waiting half an hour.')).toContain('frustration');
    expect(kinds('Is two week already')).toContain('frustration');
    expect(kinds('I have been waiting 5 minutes, no worries.')).toEqual([]);
    expect(kinds('The manual says to wait 24 hours before use, is that right?')).toEqual([]);
  });

  it('handles negation: "not angry, just confused" is not anger, "not happy" is', () => {
    expect(kinds("I'm not angry, just confused about the invoice.")).toEqual([]);
    expect(kinds("I don't mean to be rude, but where is my parcel")).toEqual([]);
    expect(kinds("I'm not happy with how long this has taken.")).toContain('frustration');
    expect(kinds("I can't believe how useless this is")).toContain('frustration'); // "can't believe" intensifies
  });

  it("does not take someone else's feelings for the customer's", () => {
    expect(kinds('My husband is angry at me because I ordered the wrong model lol, can I exchange it?')).toEqual([]);
    expect(kinds('I am angry about this.')).toContain('frustration');
  });

  it('hears sarcasm, so "thanks" and "great" do not make it a happy customer', () => {
    expect(kinds('Great, another delay. Just what I needed.')).toEqual(['frustration']);
    expect(kinds('Thanks for nothing.')).toEqual(['frustration']);
    expect(cue('frustration', "Your 'support' never answers")?.reason).toContain("'support'");
  });

  it('lets what follows a "but" speak for now: past frustration, present thanks', () => {
    expect(kinds('I was so frustrated last week but you fixed it in five minutes. Thank you!')).toEqual(['happy']);
  });

  it('hears how customers complain without anger words: problems, waits told in words, negated help', () => {
    const heard: [string, string][] = [
      ['I was on hold for the best part of an afternoon.', 'Mentions waiting: "best part of an afternoon"'],
      ['stuck here for two hours now', 'Mentions waiting: "stuck here for two hours"'],
      ['That was a four hour wait.', 'Mentions waiting: "four hour wait"'],
      ['My flight was delayed and nobody told us anything.', 'Says something went wrong: "flight was delayed"'],
      ['Your agent was rude to me.', 'Says something went wrong: "rude"'],
      ['That is not helpful.', 'Says "not helpful"'],
      ["That isn't helpful at all.", 'Says "isn\'t helpful"'],
      ['No solution, no explanation.', 'Says nobody answered: "no solution"'],
      ['It is impossible to reach anyone.', 'Says nobody answered: "impossible to reach anyone"'],
    ];
    for (const [message, reason] of heard) expect(cue('frustration', message)?.reason, message).toContain(reason);
    // One everyday problem word is not enough on its own; two are.
    expect(kinds('Will my order be delayed by the strikes?')).toEqual([]);
    expect(kinds('My train was delayed and I missed my connection.')).toEqual(['frustration']);
  });

  it('hears sarcastic thanks, and sad or angry faces', () => {
    expect(cue('frustration', 'Thanks for yet another change of plan.')?.reason).toContain('Sounds sarcastic');
    expect(kinds('Thanks for the automated answer.')).toEqual(['frustration']);
    expect(cue('frustration', 'order never arrived :(')?.evidence).toEqual(expect.arrayContaining([':(']));
    expect(cue('frustration', 'where is my parcel 😡')?.reason).toBe('Unhappy face: 😡');
    expect(kinds('Thank you so much for your help today')).toEqual(['happy']); // not "so much for"
  });

  it('keeps calm problem reports and self-made mistakes quiet', () => {
    expect(kinds('Not a big deal, but the receipt shows the wrong company name.')).toEqual([]);
    expect(kinds('I ordered the wrong size by mistake, can I swap it?')).toEqual([]);
    expect(kinds('My dog chewed the charger lol, do you sell cables?')).toEqual([]);
  });

  it('does not hear excitement, jokes, or frustration that is over, as anger', () => {
    expect(kinds('YES!!! it finally works!!')).toEqual(['happy']);
    expect(kinds('It works?! Amazing, thank you')).toEqual(['happy']);
    expect(kinds('haha that was just a joke, thanks for the quick help')).toEqual(['happy']);
    expect(kinds('The weather is terrible here, the parcel came on time though.')).toEqual([]);
    expect(kinds('This is terrible service.')).toEqual(['frustration']);
    expect(kinds('Your staff must be frustrated too, thanks for the patience.')).toEqual(['happy']);
    expect(kinds("My wife's really upset that she missed the sale, are there more coming?")).toEqual([]);
    expect(kinds("Frustration over, it's working. Thank you!")).toEqual(['happy']);
    expect(kinds("I've ordered from you three times in a row, is there a loyalty scheme?")).toEqual([]);
    expect(kinds('I keep getting your newsletter, how do I change how often?')).toEqual([]);
    // Something new going wrong after the thanks is not over.
    expect(kinds('Thanks for fixing it, but now the other button is not working.')).toEqual(['frustration']);
  });

  it('hears everyday praise words, each on its own', () => {
    // A multi-word alternative once made every word in this list wait for an "on" after it.
    for (const m of ['The new sofa is gorgeous.', 'That was spot on, cheers.', 'Checkout was seamless.', 'Chuffed with it!']) {
      expect(kinds(m), m).toEqual(['happy']);
    }
  });

  it('names a stronger reason once: "flight was delayed" already says "delayed"', () => {
    expect(cue('frustration', 'My flight was delayed.')?.reason).toBe('Says something went wrong: "flight was delayed"');
  });

  it('reports strength and evidence for phrases that name the situation', () => {
    const c = cue('frustration', 'Third time writing!!! This is ridiculous and I will cancel.', { customerMessages: 4 });
    expect(c?.strength).toBeGreaterThan(0.9);
    expect(c?.evidence).toEqual(expect.arrayContaining(['third time', 'ridiculous']));
    expect(c?.reason.split('; ').length).toBe(2);
  });
});

describe('waiting', () => {
  const chat = { channel: 'chat' as const, now: NOW };
  it('fires in chat when the last customer message is older than the threshold and nobody replied', () => {
    const c = cue('waiting', 'hello?', { ...chat, lastCustomerMessageAt: NOW - 95_000 });
    expect(c).toMatchObject({ kind: 'waiting', reason: 'Waiting 1 min for a reply', raise: ['greet'] });
    expect(cue('waiting', 'hi', { ...chat, lastCustomerMessageAt: NOW - 45 * 60_000 })?.reason).toBe('Waiting 45 min for a reply');
    expect(cue('waiting', 'hi', { ...chat, lastCustomerMessageAt: NOW - 5 * 3_600_000 })?.reason).toBe('Waiting 5 h for a reply');
  });
  it('stays quiet under the threshold, after an agent reply, on email, or without a time', () => {
    expect(kinds('hi', { ...chat, lastCustomerMessageAt: NOW - 59_000 })).toEqual([]);
    expect(kinds('hi', { ...chat, lastCustomerMessageAt: NOW - 120_000, agentRepliedSince: true })).toEqual([]);
    expect(kinds('hi', { channel: 'email', lastCustomerMessageAt: NOW - 7_200_000 })).toEqual([]);
    expect(kinds('hi', { channel: 'chat' })).toEqual([]);
  });
  it('works on messaging too, and with a threshold a pack sets', () => {
    expect(kinds('hi', { channel: 'messaging', lastCustomerMessageAt: NOW - 61_000 })).toEqual(['waiting']);
    const patient = mergeCueRules(EN, { waiting: { afterSeconds: 300 } });
    expect(kinds('hi', { channel: 'chat', lastCustomerMessageAt: NOW - 120_000 }, patient)).toEqual([]);
    expect(kinds('hi', { channel: 'chat', lastCustomerMessageAt: NOW - 301_000 }, patient)).toEqual(['waiting']);
  });
});

describe('urgency', () => {
  it('hears urgent words, deadlines and dated events', () => {
    expect(cue('urgency', 'Please help, urgent: checkout is down')?.reason).toContain('Urgent: "urgent"');
    expect(cue('urgency', 'I need the invoice by Friday.')?.reason).toBe('Deadline: "by friday"');
    expect(kinds('Can it arrive before the 14th?')).toEqual(['urgency']);
    expect(kinds('My flight is tomorrow morning and I need the adapter.')).toEqual(['urgency']);
    expect(kinds('The payment link expires in 2 hours.')).toEqual(['urgency']);
    expect(cue('urgency', 'asap please')?.raise).toEqual(['listen']);
  });
  it('respects "not urgent" and "no rush"', () => {
    expect(kinds('Not urgent, but could you fix the typo?')).toEqual([]);
    expect(kinds('No rush, I need it by Friday at the latest.')).toEqual([]);
    expect(kinds('Whenever you can, please check order 123.')).toEqual([]);
  });
  it('does not read every date as a deadline', () => {
    expect(kinds('I was charged twice, once on March 3 and once on March 4.')).toEqual([]);
    expect(kinds('I will be away until the 3rd, can the delivery wait until then?')).toEqual([]);
  });
});

describe('happy', () => {
  it('hears thanks and praise and raises Follow through', () => {
    const c = cue('happy', 'Thank you so much, that worked perfectly!');
    expect(c?.raise).toEqual(['follow-through']);
    expect(c?.reason).toContain('Says thanks');
    expect(kinds("You're a lifesaver!")).toEqual(['happy']);
    expect(kinds('thx, all sorted now :)')).toEqual(['happy']);
  });
  it('does not count politeness in a request as a happy customer', () => {
    expect(kinds('Can I pay by bank transfer? Thanks in advance.')).toEqual([]);
    expect(kinds('Thanks for getting back to me. Can you also check my second order?')).toEqual([]);
    expect(kinds('Ok thanks')).toEqual([]);
  });
  it('does not count thanks followed by a "but"', () => {
    expect(kinds("Thanks, but that didn't solve it.")).toEqual([]);
    expect(kinds('Thanks for the quick reply. Unfortunately the error is still there.')).toEqual([]);
  });
  it('is never shown together with frustration', () => {
    expect(kinds('Perfect. Two hours on hold and then the call dropped.')).toEqual(['frustration']);
  });
});

describe('detectCues', () => {
  it('returns nothing for an empty or missing message without other signals', () => {
    expect(detectCues({ now: NOW })).toEqual([]);
    expect(kinds('')).toEqual([]);
    expect(kinds('   ')).toEqual([]);
  });
  it('orders cues frustration, waiting, urgency, happy and gives at most one of each', () => {
    const list = kinds('URGENT!!! Still no answer. Third time I write, this is ridiculous.', { channel: 'chat', lastCustomerMessageAt: NOW - 120_000 });
    expect(list).toEqual(['frustration', 'waiting', 'urgency']);
  });
  it('stays bounded on a huge message', () => {
    const huge = `${'lorem ipsum dolor sit amet '.repeat(20_000)} ridiculous`;
    expect(kinds(huge)).toEqual([]); // cut before the end, so the late word is not read
  });
  it('never throws on odd input', () => {
    for (const m of ['🙂🙂🙂', '!!!???', '$$$ ### @@@', 'a'.repeat(5000), '\u0000\u0001', '~ # $ @date']) {
      expect(() => cues(m)).not.toThrow();
    }
  });
});

describe('mergeCueRules', () => {
  it('lets a pack add a signal and replace a word list', () => {
    const rules = mergeCueRules(EN, {
      frustration: { signals: { competitor: { reason: 'Mentions a competitor: "{match}"', patterns: ['globex'] } } },
      urgency: { signals: { urgent: { patterns: ['pronto'] } } },
    });
    expect(cues('I might just go with Globex instead.', {}, rules)[0]?.reason).toBe('Mentions a competitor: "globex"');
    expect(kinds('pronto please', {}, rules)).toEqual(['urgency']);
    expect(kinds('urgent please', {}, rules)).toEqual([]); // the list was replaced, as documented
    expect(kinds('urgent please')).toEqual(['urgency']); // defaults untouched
  });
  it('turns a signal off with an empty list', () => {
    const rules = mergeCueRules(EN, { frustration: { signals: { sarcasm: { patterns: [] } } } });
    expect(kinds('Thanks for nothing.', {}, rules)).not.toContain('frustration');
  });
  it('ignores values of the wrong type and unsafe keys instead of breaking detection', () => {
    const bad = JSON.parse('{"waiting":{"afterSeconds":"soon","channels":"chat"},"frustration":{"threshold":null,"signals":{"x":{"reason":1}}},"__proto__":{"polluted":true}}');
    const rules = mergeCueRules(EN, bad);
    expect(rules.waiting.afterSeconds).toBe(60);
    expect(rules.waiting.channels).toEqual(['chat', 'messaging']);
    expect(rules.frustration.threshold).toBe(1);
    expect(rules.frustration.signals).not.toHaveProperty('x');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(kinds('This is ridiculous', {}, rules)).toEqual(['frustration']);
  });
  it('returns the base itself when there is nothing to merge', () => {
    expect(mergeCueRules(EN, undefined)).toBe(EN);
    expect(mergeCueRules(EN, {})).not.toBe(EN);
  });
  it('treats pattern text as words, never as a regular expression', () => {
    const rules = mergeCueRules(EN, { frustration: { signals: { odd: { reason: 'odd', patterns: ['(a+)+$', '.*'] } } } });
    expect(kinds('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', {}, rules)).toEqual([]);
    expect(kinds('anything at all', {}, rules)).toEqual([]);
  });
});

describe('phrase patterns', () => {
  const m = (pattern: string, text: string) => {
    const r = compilePattern(pattern)!;
    r.lastIndex = 0;
    return r.test(normalizeMessage(text));
  };
  it('match whole words, alternatives and prefixes', () => {
    expect(m('cancel*', 'I am cancelling')).toBe(true);
    expect(m('cancel', 'I am cancelling')).toBe(false);
    expect(m('angry|furious', 'so FURIOUS')).toBe(true);
    expect(m('hell', 'hello there')).toBe(false);
  });
  it('match numbers, gaps, "not" forms and the end of the message', () => {
    expect(m('emailed ~2 # times', 'I emailed you three times')).toBe(true);
    expect(m('emailed # times', 'I emailed you three times')).toBe(false);
    expect(m('still ~2 not', "it still doesn't work")).toBe(true);
    expect(m('still ~2 not', 'still dont get it')).toBe(true);
    expect(m('great, another', 'great, another delay')).toBe(true);
    expect(m('great another', 'great, another delay')).toBe(true);
    expect(m('service not $', 'Great service... NOT!')).toBe(true);
    expect(m('service not $', 'service not working')).toBe(false);
  });
  it('read durations, including number words and glued units', () => {
    expect(durationMinutes('2 weeks')).toBe(20160);
    expect(durationMinutes('half an hour')).toBe(30);
    expect(durationMinutes('a couple of days')).toBe(2880);
    expect(durationMinutes('24h')).toBe(1440);
    expect(durationMinutes('1.5 hours')).toBe(90);
  });
  it('normalise punctuation into tokens and keep word-internal marks', () => {
    expect(normalizeMessage('WHY???  Order #123, ref AB-12 on 3/14... don’t!')).toBe("why ? order #123 , ref ab-12 on 3/14 . don't !");
    expect(compilePattern('   ')).toBeNull();
  });
});
