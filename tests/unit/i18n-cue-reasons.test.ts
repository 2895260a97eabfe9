// Cue reasons reach the panel as parts (template + value) so the panel can word them in the UI's
// language; every template the built-in rules use has a message.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CUE_RULES, detectCues } from '../../src/core/cues';
import { cueReasonText, TRANSLATED_CUE_TEMPLATES } from '../../src/panel/coaching/cue-reasons';

/** Every reason template in the built-in rules, wherever it sits in the rules object. */
function templates(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => templates(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'reason' || k === 'repeatContactReason') && typeof v === 'string') out.add(v);
      else templates(v, out);
    }
  }
  return out;
}

const NOW = Date.UTC(2025, 2, 14, 12);

describe('cue reasons in the UI language', () => {
  it('has a message for every template of the built-in rules (and the two emoticon reasons)', () => {
    const missing = [...templates(DEFAULT_CUE_RULES.en), 'Smiles: {match}', 'Unhappy face: {match}'].filter((t) => !TRANSLATED_CUE_TEMPLATES.includes(t));
    expect(missing).toEqual([]);
  });

  it('words English reasons exactly as the rules do', () => {
    const messages = [
      'This is the THIRD time I am writing about this!!! Still no refund. Unacceptable.',
      'I need this fixed by Friday, our launch depends on it — urgent',
      'Thank you so much, it works now, you are amazing :)',
      'Nobody answered my last two emails, I am cancelling my subscription',
    ];
    let compared = 0;
    for (const message of messages) {
      for (const cue of detectCues({ message, customerMessages: 3, now: NOW })) {
        expect(cue.reasons?.length, cue.reason).toBeGreaterThan(0);
        expect(cueReasonText(cue)).toBe(cue.reason);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });

  it('says how long a chat customer has waited in words', () => {
    const [cue] = detectCues({ message: 'hello?', channel: 'chat', lastCustomerMessageAt: NOW - 5 * 60_000, now: NOW }).filter((c) => c.kind === 'waiting');
    expect(cue?.reasons).toEqual([{ template: 'Waiting {duration} for a reply', waitedMs: 5 * 60_000 }]);
    expect(cueReasonText(cue!)).toBe('Waiting 5 minutes for a reply');
  });

  it("shows a pack's own template as the pack wrote it", () => {
    const cue = { reason: 'Sagt „Frechheit“', reasons: [{ template: 'Sagt „{match}“', value: 'Frechheit' }] };
    expect(cueReasonText(cue)).toBe('Sagt „Frechheit“');
    // Half known, half not: the pack's wording throughout.
    expect(cueReasonText({ reason: 'Mostly capitals; Sagt „x“', reasons: [{ template: 'Mostly capitals' }, { template: 'Sagt „{match}“', value: 'x' }] })).toBe('Mostly capitals; Sagt „x“');
  });
});

describe('what a phrase assumes, in the UI language', () => {
  it('words each condition as core does in English', async () => {
    const { conditionLabel, parseComparison } = await import('../../src/core/phrase-conditions');
    const { conditionText } = await import('../../src/ui-words');
    const parts = [
      ...['>=2', '>=3', '1', '<=1', '4', '<=3', 'lots'].map((raw) => ({ kind: 'contacts' as const, comparison: parseComparison(raw), raw })),
      { kind: 'waited' as const, want: true }, { kind: 'waited' as const, want: false },
      { kind: 'firstReply' as const, want: true }, { kind: 'firstReply' as const, want: false },
      { kind: 'cue' as const, cues: ['frustration', 'waiting'] as const },
      { kind: 'fact' as const, facts: ['order'] as const },
      { kind: 'mentions' as const, words: ['refund', 'money back'] },
      { kind: 'agentKnows' as const, text: 'we charged twice' },
    ];
    for (const part of parts) expect(conditionText(part as never), JSON.stringify(part)).toBe(conditionLabel(part as never));
  });
});
