import { describe, expect, it } from 'vitest';
import { benchDraftCheck, checkDraft, TIP_LABELS, TIP_PRIORITY, type DraftContext, type TipId } from '../../src/core/draft-check';

const first: DraftContext = { isFirstReply: true, customerFirstName: 'Maria' };
const later: DraftContext = { isFirstReply: false };
const ids = (draft: string, ctx: DraftContext) => checkDraft(draft, ctx).map((t) => t.id);
const GOOD = "Hi Maria, thanks for writing, and I'm sorry about the double charge. I've refunded it; you'll see it within 3 days.";

describe('checkDraft', () => {
  it('stays quiet on a good first reply', () => {
    expect(checkDraft(GOOD, { ...first, frustrated: true })).toEqual([]);
  });

  it('stays quiet while the agent has barely started typing', () => {
    expect(checkDraft('Sure', first)).toEqual([]);
    expect(checkDraft('AS I SAID', first)).toEqual([]);
  });

  it('asks for a greeting with the name in a first reply, and for the name when only that is missing', () => {
    const [tip] = checkDraft('Your refund has been processed today.', first);
    expect(tip).toMatchObject({ id: 'greeting' });
    expect(tip?.text).toContain('Hi Maria');
    expect(ids('Hello there, your refund has been processed today.', first)).toEqual(['name']);
    expect(ids('Hello maria, your refund has been processed today.', first)).toEqual([]);
    expect(ids('Hello Marianne, your refund has been processed today.', first)).toEqual(['name']); // a whole-word match
    expect(ids('Your refund has been processed today.', { isFirstReply: true })[0]).toBe('greeting');
    expect(ids('Your refund has been processed today, all done.', later)).toEqual([]);
  });

  it('asks for thanks once the reply has some body, in first replies and long later ones', () => {
    const noThanks = 'Hi Maria, I looked at your account and the second charge was a pre-authorisation that drops off on its own.';
    expect(ids(noThanks, first)).toEqual(['thanks']);
    expect(ids(`${noThanks} Much appreciated.`, first)).toEqual([]);
    expect(ids(noThanks, later)).toEqual([]); // a short later chat turn
    expect(ids(`${noThanks} ${noThanks}`, later)).toEqual(['thanks']);
  });

  it('flags blaming and defensive words, with the words as evidence', () => {
    for (const [draft, evidence] of [
      ['Hi Maria, thanks. As I said, the link expires after a day.', 'As I said'],
      ['Hi Maria, thanks. You should have used the reset link.', 'You should have'],
      ['Hi Maria, thanks. Unfortunately, our policy does not allow refunds.', 'Unfortunately, our policy'],
      ['Hi Maria, thanks. As previously stated, we ship on Mondays.', 'As previously stated'],
      ['Hi Maria, thanks. Per our policy refunds take 10 days.', 'Per our policy'],
      ['Hi Maria, thanks. It looks like you failed to confirm the email.', 'you failed to'],
    ] as const) {
      expect(checkDraft(draft, first), draft).toEqual([expect.objectContaining({ id: 'blame', evidence })]);
    }
  });

  it('flags a promise without a time, and not one with a time in the same or next sentence', () => {
    expect(checkDraft('Hi Maria, thanks for waiting. I will get back to you soon.', first)).toEqual([
      expect.objectContaining({ id: 'promise-time', evidence: 'I will get back to you' }),
    ]);
    expect(ids("Hi Maria, thanks for waiting. I'll look into it as soon as I can.", first)).toEqual(['promise-time']);
    expect(ids('Hi Maria, thanks for waiting. I will get back to you by 3pm today.', first)).toEqual([]);
    expect(ids("Hi Maria, thanks for waiting. I'll update you. Expect it within 2 hours.", first)).toEqual([]);
    expect(ids("Hi Maria, thanks for waiting. We'll let you know on Friday.", first)).toEqual([]);
  });

  it('flags words in capitals but not short acronyms', () => {
    expect(checkDraft('Hi Maria, thanks. Please DO NOT share your password.', first)).toEqual([
      expect.objectContaining({ id: 'all-caps', evidence: 'DO, NOT' }),
    ]);
    expect(checkDraft('Hi Maria, thanks. This is VERY IMPORTANT.', first)[0]?.evidence).toBe('VERY, IMPORTANT');
    expect(ids('Hi Maria, thanks. Send your ID, see the FAQ, US and EU orders, the PDF and HTTPS link, ASAP.', first)).toEqual([]);
  });

  it('asks to acknowledge a frustrated customer before the fix', () => {
    const fixFirst = 'Hi Maria, thanks for writing. You can reset the password from the login page.';
    expect(checkDraft(fixFirst, { ...first, frustrated: true })).toEqual([expect.objectContaining({ id: 'acknowledge-first', evidence: 'You can' })]);
    expect(ids(fixFirst, first)).toEqual([]); // not frustrated
    expect(ids("Hi Maria, thanks for writing, I'm so sorry about this. You can reset it from the login page.", { ...first, frustrated: true })).toEqual([]);
    expect(ids("Hi Maria, thanks. Click Reset. Sorry about this.", { ...first, frustrated: true })).toEqual(['acknowledge-first']); // apology came after the fix
  });

  it('shows at most two tips, by priority', () => {
    const bad = 'As I said, you should have clicked the link. I will get back to you. DO NOT reply. You can reset it.';
    const tips = checkDraft(bad, { ...first, frustrated: true });
    expect(tips.map((t) => t.id)).toEqual(['greeting', 'thanks']);
    // With those two out of the way the next ones in line show; "name" needs a greeting to attach to.
    expect(ids(bad, { ...first, frustrated: true, dismissed: new Set<TipId>(['greeting']), disabled: new Set<TipId>(['thanks']) })).toEqual(['blame', 'promise-time']);
  });

  it('skips tips dismissed for the ticket or turned off in options', () => {
    const draft = 'Your refund has been processed and it usually takes a few working days to arrive in your account.';
    expect(ids(draft, first)).toEqual(['greeting', 'thanks']);
    expect(ids(draft, { ...first, dismissed: new Set<TipId>(['greeting']) })).toEqual(['thanks']);
    expect(ids(draft, { ...first, disabled: new Set<TipId>(['greeting', 'thanks']) })).toEqual([]);
  });

  it('never changes its input and gives the same answer each time', () => {
    const draft = 'As I said, check the FAQ.';
    const ctx = { ...first, dismissed: new Set<TipId>() };
    const a = checkDraft(draft, ctx);
    const b = checkDraft(draft, ctx);
    expect(a).toEqual(b);
    expect(draft).toBe('As I said, check the FAQ.');
    expect(ctx.dismissed.size).toBe(0);
  });

  it('handles a huge draft and odd names safely', () => {
    expect(() => checkDraft('x'.repeat(100_000), first)).not.toThrow();
    expect(ids('Hello (Ma)ria+, thanks, your refund is on its way today.', { isFirstReply: true, customerFirstName: '(Ma)ria+' })).toEqual([]);
  });

  it('labels every tip for the options page', () => {
    expect(Object.keys(TIP_LABELS).sort()).toEqual([...TIP_PRIORITY].sort());
  });
});

describe('benchDraftCheck', () => {
  it('measures a realistic draft typed character by character', () => {
    const bench = benchDraftCheck(1);
    expect(bench.chars).toBe(600);
    expect(bench.calls).toBe(600);
    // Figures only: speed is reported by the bench, never asserted.
    expect(bench.medianMs).toBeGreaterThanOrEqual(0);
    expect(bench.p95Ms).toBeGreaterThanOrEqual(bench.medianMs);
  });
});
