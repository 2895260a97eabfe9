// Issue #7 wiring: the pure parts of the coaching panel, service worker and options sections.
import { describe, expect, it } from 'vitest';
import { dueAtFor } from '../../src/core/followup-time';
import { DEFAULT_CUE_RULES, detectCues } from '../../src/core/cues';
import type { TicketContext } from '../../src/core/ticket';
import type { FollowupRecord, StoryRecord } from '../../src/storage/db';
import * as service from '../../src/background/followups-service';
import { followupsChanged, onFollowupsChanged } from '../../src/followups-signal';
import { agentRepliedSince, cueInputFor, nextReplyBaseline, rulesWithWaitingThreshold } from '../../src/panel/coaching/use-cues';
import { draftFrom } from '../../src/panel/coaching/draft-listener';
import { cueHint } from '../../src/panel/coaching/cue-hints';
import { isWebUrl, sameTicketUrl } from '../../src/open-ticket';
import { cuePhrasePlan, orderByTags, specificFirst } from '../../src/panel/coaching/cue-phrases';
import { ticketLabel } from '../../src/panel/coaching/FollowUpList';
import { escapeMarkdown, storiesJson, storiesMarkdown } from '../../src/options/StoriesSection';
import { validatePack } from '../../src/core/pack/validate';
import { mergePacks } from '../../src/core/pack/merge';
import type { Pack } from '../../src/core/pack/types';

const ticket = (extra: Partial<TicketContext> = {}): TicketContext => ({
  desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42', ...extra,
});

describe('waiting cue inputs', () => {
  const en = DEFAULT_CUE_RULES.en!;
  it("applies the agent's waiting threshold without touching the shared rules", () => {
    const r = rulesWithWaitingThreshold(en, 30);
    expect(r.waiting.afterSeconds).toBe(30);
    expect(en.waiting.afterSeconds).toBe(60);
    expect(rulesWithWaitingThreshold(en, 60)).toBe(en);
    const t = ticket({ channel: 'chat', lastCustomerMessage: 'Hello?', lastCustomerMessageAt: 1_000_000 });
    const at45s = cueInputFor(t, 1_045_000, false);
    expect(detectCues(at45s, en).some((c) => c.kind === 'waiting')).toBe(false);
    expect(detectCues(at45s, r).some((c) => c.kind === 'waiting')).toBe(true);
  });

  it('counts a reply only when the agent count grows after the latest customer message', () => {
    const t0 = ticket({ lastCustomerMessageAt: 100, agentMessages: 1 });
    let base = nextReplyBaseline(undefined, t0);
    expect(agentRepliedSince(base, t0)).toBe(false);
    const replied = { ...t0, agentMessages: 2 };
    base = nextReplyBaseline(base, replied);
    expect(agentRepliedSince(base, replied)).toBe(true);
    const customerAgain = { ...replied, lastCustomerMessageAt: 200 };
    base = nextReplyBaseline(base, customerAgain);
    expect(agentRepliedSince(base, customerAgain)).toBe(false);
    // Another ticket starts from scratch.
    const other = ticket({ key: 'zendesk:acme.zendesk.com:43', lastCustomerMessageAt: 200, agentMessages: 5 });
    expect(agentRepliedSince(nextReplyBaseline(base, other), other)).toBe(false);
  });

  it("trusts the desk when it says whose message is the latest", () => {
    const t = ticket({ lastCustomerMessageAt: 100, agentMessages: 1, lastFromCustomer: false });
    expect(agentRepliedSince(nextReplyBaseline(undefined, t), t)).toBe(true);
    const waiting = { ...t, lastFromCustomer: true, agentMessages: 2 };
    expect(agentRepliedSince(nextReplyBaseline(undefined, t), waiting)).toBe(false);
  });

  it('learns the agent count when it arrives after the message', () => {
    const early = ticket({ lastCustomerMessageAt: 100 });
    let base = nextReplyBaseline(undefined, early);
    base = nextReplyBaseline(base, { ...early, agentMessages: 1 });
    expect(agentRepliedSince(base, { ...early, agentMessages: 1 })).toBe(false);
    expect(agentRepliedSince(base, { ...early, agentMessages: 2 })).toBe(true);
  });
});

describe('draft messages', () => {
  const msg = { type: 'draft/changed', key: 'k1', draft: 'Hi there', isFirstReply: true };
  it('accepts a draft of the shown ticket', () => {
    expect(draftFrom(msg, 'k1')).toEqual({ text: 'Hi there', isFirstReply: true });
  });
  it('ignores other tickets and message types, and drafts that are not text', () => {
    expect(draftFrom({ ...msg, key: 'k2' }, 'k1')).toBeNull();
    expect(draftFrom({ ...msg, type: 'ticket/changed' }, 'k1')).toBeNull();
    expect(draftFrom({ ...msg, draft: 42 }, 'k1')).toBeNull();
    expect(draftFrom(null, 'k1')).toBeNull();
  });
  it('bounds the draft length', () => {
    expect(draftFrom({ ...msg, draft: 'x'.repeat(9000) }, 'k1')!.text).toHaveLength(5000);
  });
});

describe('cue hints', () => {
  it('names how many times they wrote, for a frustrated customer', () => {
    const [cue] = detectCues({ message: 'This is the third time I write about this. Where is my money?', customerMessages: 3, now: 0 });
    expect(cue?.kind).toBe('frustration');
    expect(cueHint(cue!, ticket({ customerMessages: 3, subject: 'Refund' }))).toContain("you've had to write to us 3 times about this");
  });
  it("uses the customer's name when thanking for waiting", () => {
    expect(cueHint({ kind: 'waiting', reason: '', raise: [] }, ticket({ customer: { firstName: 'Maria' } }))).toContain('Thanks for waiting, Maria.');
  });
});

describe('follow-up helpers', () => {
  const f = (extra: Partial<FollowupRecord> = {}): FollowupRecord => ({ id: 'f1', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42', reason: 'Did the refund land?', dueAt: 1000, createdAt: 0, ...extra });

  it('tells listeners in this page when follow-ups change, until they stop listening', () => {
    let heard = 0;
    const stop = onFollowupsChanged(() => heard++);
    followupsChanged();
    expect(heard).toBe(1);
    stop();
    followupsChanged();
    expect(heard).toBe(1);
  });
  it('arms the alarm for the next due time, never in the past, and clears it when none is left', () => {
    expect(service.alarmTime(null, 1000)).toBeNull();
    expect(service.alarmTime(50_000, 1000)).toBe(50_000);
    expect(service.alarmTime(500, 1000)).toBe(2000);
  });
  it('notifies a due follow-up once per due time, again after a snooze', () => {
    expect(service.toNotify([f()], {})).toHaveLength(1);
    expect(service.toNotify([f()], { f1: 1000 })).toHaveLength(0);
    expect(service.toNotify([f({ snoozedUntil: 5000 })], { f1: 1000 })).toHaveLength(1);
  });
  it('names the ticket in the title and gives the reason as the message', () => {
    const n = service.notificationFor(f({ subject: 'Refund for order #1042' }));
    expect(n).toMatchObject({ type: 'basic', iconUrl: 'icons/icon-128.png', title: 'Check back: Refund for order #1042', message: 'Did the refund land?' });
    expect(service.notificationFor(f()).title).toBe('Check back: ticket 42');
  });
  it('round-trips notification ids and ignores others', () => {
    expect(service.followupIdFrom(service.notificationIdFor('abc'))).toBe('abc');
    expect(service.followupIdFrom('pack-update')).toBeNull();
  });
  it('shows the due count on the badge, nothing when none', () => {
    expect(service.badgeText(0)).toBe('');
    expect(service.badgeText(3)).toBe('3');
    expect(service.badgeText(250)).toBe('99+');
  });
  it('snoozes until 09:00 the next calendar day', () => {
    // "Snooze until tomorrow" uses the same choice as "Check back tomorrow".
    const t = new Date(dueAtFor('tomorrow', new Date(2025, 2, 31, 23, 30)));
    expect([t.getFullYear(), t.getMonth(), t.getDate(), t.getHours()]).toEqual([2025, 3, 1, 9]);
  });
  it('labels a follow-up by subject, or by ticket number', () => {
    expect(ticketLabel(f({ subject: '  ' }))).toBe('Ticket 42');
    expect(ticketLabel(f({ subject: 'Refund' }))).toBe('Refund');
  });
  it('matches a ticket tab with or without a fragment', () => {
    expect(sameTicketUrl('https://a.zendesk.com/agent/tickets/42#x', 'https://a.zendesk.com/agent/tickets/42')).toBe(true);
    expect(sameTicketUrl('https://a.zendesk.com/agent/tickets/420', 'https://a.zendesk.com/agent/tickets/42')).toBe(false);
    expect(sameTicketUrl(undefined, 'https://a')).toBe(false);
  });
  it('opens only web pages', () => {
    expect(isWebUrl('https://acme.zendesk.com/agent/tickets/42')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('data:text/html,x')).toBe(false);
  });
});

describe('story export', () => {
  const story = (extra: Partial<StoryRecord>): StoryRecord => ({ id: 's', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42', kind: 'good', text: 'She wrote back to say thanks.', createdAt: Date.UTC(2025, 2, 14), ...extra });
  const stories = [
    story({ id: 'a', kind: 'ugly', subject: '<img src=x onerror=alert(1)>', text: '# not a heading\n- not a list' }),
    story({ id: 'b', kind: 'good', subject: 'Refund *fast*', createdAt: Date.UTC(2025, 2, 15) }),
    story({ id: 'c', kind: 'good', subject: 'Older', createdAt: Date.UTC(2025, 2, 1), url: 'javascript:alert(1)' }),
  ];

  it('groups good, bad, ugly with the newest first, and keeps customer text as text', () => {
    const md = storiesMarkdown(stories, Date.UTC(2025, 2, 20));
    expect(md).toContain('Exported 2025-03-20 · 3 stories');
    expect(md.indexOf('## Good')).toBeLessThan(md.indexOf('## Ugly'));
    expect(md.indexOf('Refund \\*fast\\*')).toBeLessThan(md.indexOf('### Older'));
    expect(md).not.toContain('## Bad');
    expect(md).toContain('### \\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('\\# not a heading  \n\\- not a list');
    expect(md).toContain('2025-03-15 (<https://acme.zendesk.com/agent/tickets/42>)');
    expect(md).not.toContain('javascript:');
  });
  it('exports JSON with ISO dates that parses back', () => {
    const parsed = JSON.parse(storiesJson(stories, 0)) as { kind: string; stories: { id: string; createdAt: string }[] };
    expect(parsed.kind).toBe('person-first-stories');
    expect(parsed.stories.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(parsed.stories[0]!.createdAt).toBe('2025-03-14T00:00:00.000Z');
  });
  it('escapes markdown punctuation that would change meaning', () => {
    expect(escapeMarkdown('[link](x) `code` _em_ 1. a')).toBe('\\[link\\](x) \\`code\\` \\_em\\_ 1. a');
    expect(escapeMarkdown('12. numbered')).toBe('12\\. numbered');
  });
});

describe('phrases for the moment', () => {
  const frustrated = { kind: 'frustration' as const, reason: 'Not the first time: "third time"', raise: ['empathize' as const, 'apologize' as const] };
  const phrases = [
    { key: 'a', tags: ['order'] },
    { key: 'b', tags: ['waiting'] },
    { key: 'c' },
    { key: 'd', tags: ['repeat'] },
    { key: 'e', tags: ['closing'] },
  ];
  it('puts phrases naming repeated contact first for a customer who wrote again, frustrated or calm', () => {
    const plan = cuePhrasePlan([frustrated], { contacts: { count: 3 } });
    expect(plan).toEqual({ preferTags: ['repeat'], waitingFirst: false });
    expect(orderByTags(phrases, plan.preferTags).map((p) => p.key)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(cuePhrasePlan([], { contacts: { count: 2 } }).preferTags).toEqual(['repeat']);
    expect(cuePhrasePlan([frustrated], { contacts: { count: 1 } }).preferTags).toEqual([]);
    expect(cuePhrasePlan([frustrated], { contacts: {} }).preferTags).toEqual([]);
  });
  it('prefers lines about the wait when the facts show one, without pinning them outside chat', () => {
    expect(cuePhrasePlan([], { contacts: {}, wait: { waited: true } })).toEqual({ preferTags: ['waiting', 'patience'], waitingFirst: false });
    expect(cuePhrasePlan([], { contacts: {}, wait: { waited: false } }).preferTags).toEqual([]);
  });
  it('lists phrases whose conditions name the situation before general ones, keeping their order', () => {
    const list = [{ k: 1 }, { k: 2, when: { contacts: '>=2' } }, { k: 3 }, { k: 4, when: { waited: true } }];
    expect(specificFirst(list).map((p) => p.k)).toEqual([2, 4, 1, 3]);
  });
  it('pins a thanks-for-waiting line when the customer waits, and prefers a warm close when happy', () => {
    const plan = cuePhrasePlan([{ kind: 'waiting', reason: 'Waiting 2 min for a reply', raise: ['greet'] }, { kind: 'happy', reason: 'Says thanks', raise: ['follow-through'] }], { contacts: {} });
    expect(plan.waitingFirst).toBe(true);
    expect(orderByTags(phrases, plan.preferTags).map((p) => p.key)).toEqual(['b', 'e', 'a', 'c', 'd']);
  });
});

describe('cue rules from a pack', () => {
  const base = { schema: 1, id: 'acme', name: 'ACME', version: '1.0.0', locale: 'en', phrases: [{ id: 'p', step: 'empathize', text: 'I hear you.' }] };
  const installed = (pack: Pack) => [{ pack, source: 'imported' as const, installedAt: 0, updatedAt: 0 }];

  it('adds a team\'s own words to a cue, and can turn a signal off', () => {
    const result = validatePack({
      ...base,
      cues: {
        frustration: { signals: { ticketHopping: { reason: 'Passed around: "{match}"', weight: 1, patterns: ['handed off', 'handed over'] }, sarcasm: { patterns: [] } } },
        raise: { happy: ['follow-through', 'summarize'] },
      },
    });
    expect(result.ok).toBe(true);
    const { cueRules } = mergePacks(installed((result as { pack: Pack }).pack));
    // The built-in rules already hear "passed around", so the team's own words are ones they do not.
    const [cue] = detectCues({ message: 'My case was handed off to your billing people.', now: 0 }, cueRules);
    expect(detectCues({ message: 'My case was handed off to your billing people.', now: 0 })).toEqual([]);
    expect(cue).toMatchObject({ kind: 'frustration', reason: 'Passed around: "handed off"' });
    expect(detectCues({ message: 'Oh great, another update.', now: 0 }, cueRules)).toEqual([]);
    expect(detectCues({ message: 'Oh great, another update.', now: 0 }).map((c) => c.kind)).toEqual(['frustration']);
    expect(cueRules.raise.happy).toEqual(['follow-through', 'summarize']);
    // The defaults themselves are untouched.
    expect(DEFAULT_CUE_RULES.en!.raise.happy).toEqual(['follow-through']);
    expect(mergePacks(installed(base as Pack)).cueRules).toBe(DEFAULT_CUE_RULES.en);
  });

  it('says exactly what is wrong with a pack\'s cue rules', () => {
    const result = validatePack({ ...base, cues: { frustation: {}, raise: { happy: ['celebrate'] } } });
    expect(result.ok).toBe(false);
    const errors = (result as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['/cues/frustation', '/cues/raise/happy/0']);
    expect(errors[1]!.message).toContain('Unknown step "celebrate" in "cues.raise.happy"');
    expect(errors[0]!.message).toContain('Did you mean "frustration"?');
    expect((validatePack({ ...base, cues: [] }) as { errors: { message: string }[] }).errors[0]!.message).toContain('"cues" must be an object');
  });
});
