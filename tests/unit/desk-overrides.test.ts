// Issue #14 part 3: a pack fixes a built-in desk's selectors without a release. Validation (hostile
// until checked), the merge over the built-in reader, and which fixes run (approved or sent by policy).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_DESK_IDS, type DeskOverride, type Pack } from '../../src/core/pack/types';
import { formatPackError, parsePack, selectorProblem, validatePack } from '../../src/core/pack/validate';
import { DESKS } from '../../src/desks';
import { DESK_NAMES } from '../../src/desks/names';
import { freshdesk } from '../../src/desks/freshdesk';
import { zendesk } from '../../src/desks/zendesk';
import type { InstalledPack } from '../../src/packs/install';
import { checkedApprovals, effectiveOverrides, overrideOffers } from '../../src/packs/desk-overrides';
import { describeOverrides, overrideSelectorLines, unusableSelectors } from '../../src/options/desk-fix-words';
import { loadDeskFixture, urlAt } from './desks-fixture';

const base = { schema: 1, id: 'fixes', name: 'Fixes', version: '1.0.0', locale: 'en', phrases: [] };
const withDesks = (desks: unknown[]) => validatePack({ ...base, desks }, { selectorProblem });
const messages = (desks: unknown[]) => {
  const r = withDesks(desks);
  return r.ok ? [] : r.errors.map((e) => formatPackError(e).trim());
};

describe('validating a desk override', () => {
  it('names the same built-in desks as the desk list and the panel', () => {
    expect([...BUILT_IN_DESK_IDS]).toEqual(DESKS.map((d) => d.id));
    expect(Object.keys(DESK_NAMES)).toEqual([...BUILT_IN_DESK_IDS]);
  });

  it('accepts known desks and fields, beside custom desks', () => {
    const r = parsePack(readFileSync(resolve('tests/fixtures/packs/good-desk-override.json'), 'utf8'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.pack.desks).toEqual([
      { extends: 'zendesk', selectors: { subject: '[data-test-id="omni-header-subject-v2"]', customerName: '[data-test-id="requester-name"]' } },
      { extends: 'freshdesk', selectors: { editor: '.fr-element[contenteditable="true"]' } },
    ]);
  });

  it('refuses unknown desks and fields with the nearest right name, at their line', () => {
    const r = parsePack(readFileSync(resolve('tests/fixtures/packs/bad-desk-override.json'), 'utf8'));
    expect(r.ok).toBe(false);
    const errs = r.ok ? [] : r.errors;
    expect(errs.map((e) => e.path)).toEqual(['/desks/0/selectors/subjects', '/desks/1/extends']);
    expect(errs[0]!.message).toContain('Did you mean "subject"?');
    expect(errs[0]!.line).toBe(9);
    expect(errs[1]!.message).toContain('"desk.com" is not one');
    expect(errs[1]!.message).toContain('zendesk, freshdesk');
  });

  it('refuses a selector the browser cannot parse, saying which and why', () => {
    const m = messages([{ extends: 'zendesk', selectors: { subject: 'h1 >> p', editor: '.ok' } }]);
    expect(m).toEqual(['at /desks/0/selectors/subject: The "subject" selector "h1 >> p" cannot be used: it is not a CSS selector the browser understands. Check its brackets, quotes and parentheses.']);
    expect(messages([{ extends: 'zendesk', selectors: { customerName: 'div[=x]' } }])[0]).toContain('not a CSS selector');
    expect(messages([{ extends: 'zendesk', selectors: { subject: '<script>alert(1)</script>' } }])[0]).toContain('not a CSS selector');
  });

  it('checks custom desk selectors the same way, {id} standing for a ticket id', () => {
    const desk = { id: 'd', name: 'D', matches: ['https://d.test/*'], ticketUrlPattern: '/t/(\\d+)' };
    expect(messages([{ ...desk, selectors: { active: '#ticket-{id}', subject: 'h1' } }])).toEqual([]);
    expect(messages([{ ...desk, selectors: { subject: 'h1[' } }])[0]).toContain('The "subject" selector "h1[" cannot be used');
  });

  it('refuses empty, long, wrongly typed and extra parts, and prototype names', () => {
    expect(messages([{ extends: 'zendesk', selectors: {} }])[0]).toContain('"selectors" is empty');
    expect(messages([{ extends: 'zendesk' }])[0]).toContain('needs "selectors"');
    expect(messages([{ extends: 'zendesk', selectors: { subject: 'a'.repeat(501) } }])[0]).toContain('the limit is 500');
    expect(messages([{ extends: 'zendesk', selectors: { subject: 7 } }])[0]).toContain('must be text');
    expect(messages([{ extends: 'zendesk', id: 'x', selectors: { subject: 'h1' } }])[0]).toContain('Unknown field "id"');
    expect(messages([JSON.parse('{"extends":"zendesk","selectors":{"__proto__":"h1"}}')])[0]).toContain('Unknown field "__proto__"');
    expect(messages([{ extends: 'toString', selectors: { subject: 'h1' } }])[0]).toContain('"toString" is not one');
  });

  it("judges a pack the same everywhere: the parse check is the options page's, asked for by name", () => {
    // The service worker installs subscribed and policy packs without a DOM; the panel must not later
    // drop a pack it installed, so validity alone never depends on the browser's CSS parser.
    expect(validatePack({ ...base, desks: [{ extends: 'zendesk', selectors: { subject: 'h1 >> p' } }] }).ok).toBe(true);
    const doc = globalThis.document;
    try {
      // @ts-expect-error: as in a worker
      delete globalThis.document;
      expect(selectorProblem('h1 >> p')).toBeUndefined();
    } finally {
      globalThis.document = doc;
    }
    expect(selectorProblem('h1 >> p')).toBeDefined();
  });
});

describe('a desk reading with a fix', () => {
  beforeEach(() => history.replaceState({}, '', '/'));

  it('Zendesk: a renamed subject and requester are read through the fix, the rest as before', async () => {
    await loadDeskFixture('zendesk', 42);
    const url = urlAt('acme.zendesk.com');
    document.querySelectorAll('[data-test-id="omni-header-subject"]').forEach((e) => e.setAttribute('data-test-id', 'omni-header-subject-v2'));
    document.querySelectorAll('[data-test-id="ticket-system-field-requester-select"]').forEach((e) => e.setAttribute('data-test-id', 'requester-picker'));
    const broken = zendesk.read(document, url)!;
    expect(broken.missing).toEqual(['subject', 'customer.name', 'customer.email']);

    const fixedDesk = zendesk.withSelectors!({
      subject: 'input[data-test-id="omni-header-subject-v2"]',
      customerName: '[data-test-id="requester-picker"] [data-garden-id="typography.ellipsis"]',
      customerEmail: '[data-test-id="requester-picker"] [data-garden-id="tags.avatar"] img',
    });
    const t = fixedDesk.read(document, url)!;
    expect(t.subject).toBe('Refund for order #1042 still missing');
    expect(t.customer?.name).toBe('Maria Garcia');
    expect(t.missing).toEqual(['customer.email']); // an <img> names the email in alt, which a fix reads as text, title or mailto only
    expect(t.lastCustomerMessage).toBe(broken.lastCustomerMessage);
    expect(fixedDesk.regions!(document, url)!.header.length).toBeGreaterThan(0);
    // The built-in desk itself is untouched.
    expect(zendesk.read(document, url)!.missing).toEqual(['subject', 'customer.name', 'customer.email']);
  });

  it('Zendesk: a fix naming the customer\'s messages reads the newest one directly', async () => {
    await loadDeskFixture('zendesk', 42);
    const t = zendesk.withSelectors!({ customerMessage: 'article[data-test-id="omni-log-comment-item"] [data-test-id="omni-log-message-content"]' }).read(document, urlAt('acme.zendesk.com'))!;
    expect(t.lastCustomerMessage).toBeTruthy();
  });

  it('a desk on the shared engine takes the fix part by part; a selector that matches nothing is a missing field', async () => {
    await loadDeskFixture('freshdesk', 42);
    const url = urlAt('acme.freshdesk.com');
    const before = freshdesk.read(document, url)!;
    expect(before.subject).toBeTruthy();
    const moved = freshdesk.withSelectors!({ subject: '.no-such-heading' }).read(document, url)!;
    expect(moved.missing).toEqual(['subject']);
    expect(moved.customer).toEqual(before.customer);
    expect(freshdesk.withSelectors!({ subject: '.breadcrumb__item.active' }).read(document, url)!.subject).toBeTruthy();
  });
});

const pack = (id: string, desks: DeskOverride[]): Pack => ({ schema: 1, id, name: id.toUpperCase(), version: '1.0.0', locale: 'en', phrases: [], desks });
const entry = (p: Pack, source: InstalledPack['source'], disabled = false): InstalledPack => ({ pack: p, source, disabled, installedAt: 0, updatedAt: 0 });
const subjectFix = (s: string): DeskOverride => ({ extends: 'zendesk', selectors: { subject: s } });

describe('which fixes run', () => {
  it('a file or subscription runs only once approved as it is; policy runs at once', () => {
    const file = entry(pack('file', [subjectFix('h1.a')]), 'imported');
    const policy = entry(pack('org', [{ extends: 'freshdesk', selectors: { editor: '.ed' } }]), 'policy');
    expect(effectiveOverrides([file, policy], {})).toEqual({ freshdesk: { editor: '.ed' } });
    expect(overrideOffers([file, policy], {}).map((o) => [o.packId, o.state])).toEqual([['file', 'waiting'], ['org', 'running']]);
    const approvals = { file: [subjectFix('h1.a')] };
    expect(effectiveOverrides([file, policy], approvals)).toEqual({ zendesk: { subject: 'h1.a' }, freshdesk: { editor: '.ed' } });
    expect(overrideOffers([file], approvals)[0]!.state).toBe('running');
  });

  it('a new version waits for approval while the approved fix keeps running; a version without fixes stops it', () => {
    const approvals = { sub: [subjectFix('h1.old')] };
    const updated = entry(pack('sub', [subjectFix('h1.new')]), 'subscribed');
    expect(effectiveOverrides([updated], approvals)).toEqual({ zendesk: { subject: 'h1.old' } });
    expect(overrideOffers([updated], approvals)[0]!.state).toBe('waiting');
    expect(effectiveOverrides([entry(pack('sub', []), 'subscribed')], approvals)).toEqual({});
  });

  it('a turned-off pack runs nothing; where two packs fix one part, policy wins, and other parts merge', () => {
    const sub = entry(pack('sub', [{ extends: 'zendesk', selectors: { subject: 'h1.sub', channel: '.ch' } }]), 'subscribed');
    const org = entry(pack('org', [subjectFix('h1.org')]), 'policy');
    const approvals = { sub: sub.pack.desks as DeskOverride[] };
    expect(effectiveOverrides([org, sub], approvals)).toEqual({ zendesk: { subject: 'h1.org', channel: '.ch' } });
    expect(effectiveOverrides([sub, org], approvals)).toEqual({ zendesk: { subject: 'h1.org', channel: '.ch' } });
    expect(effectiveOverrides([{ ...sub, disabled: true }], approvals)).toEqual({});
  });

  it('stored approvals are checked again: anything that is not a valid fix is dropped', () => {
    expect(checkedApprovals({ a: [subjectFix('h1')], b: [{ extends: 'zendesk', selectors: { subject: 'h'.repeat(501) } }], c: 'x', d: [{ extends: 'nope', selectors: {} }] })).toEqual({ a: [subjectFix('h1')] });
    expect(checkedApprovals(null)).toEqual({});
    const proto = checkedApprovals(JSON.parse('{"__proto__":[{"extends":"zendesk","selectors":{"subject":"h1"}}]}'));
    expect(Object.keys(proto)).toEqual([]);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('names each selector of a fix the options page cannot parse, so a subscribed fix is never applied broken', () => {
    const list: DeskOverride[] = [{ extends: 'zendesk', selectors: { subject: 'h1 >> p', customerName: '.n' } }];
    expect(unusableSelectors(list, selectorProblem)).toEqual(['The Zendesk subject selector "h1 >> p" cannot be used: it is not a CSS selector the browser understands.']);
    expect(unusableSelectors([subjectFix('h1')], selectorProblem)).toEqual([]);
  });

  it('says what a pack changes in the lead\'s words', () => {
    const list: DeskOverride[] = [{ extends: 'zendesk', selectors: { subject: 'h1', customerName: '.n' } }, { extends: 'helpscout', selectors: { editor: '.e' } }];
    expect(describeOverrides(list)).toEqual(['Changes how Person First reads Zendesk: subject, customer name', 'Changes how Person First reads Help Scout: reply box']);
    expect(overrideSelectorLines(list)).toEqual(['Zendesk subject: h1', 'Zendesk customer name: .n', 'Help Scout reply box: .e']);
  });
});

describe('Test on the open tab', () => {
  it('tries each part where the desk reads it, the fix first, and outlines what it found', async () => {
    const { probesFor, outlineOnPage } = await import('../../src/options/desk-test');
    await loadDeskFixture('zendesk', 42);
    const { scope, probes } = probesFor(zendesk, { subject: 'input[aria-label="Subject"]' });
    expect(probes.find((p) => p.field === 'subject')!.selectors).toEqual(['input[aria-label="Subject"]']);
    const results = outlineOnPage(scope, [...probes, { field: 'channel', selectors: ['.nothing-here', 'h1 >> p'] }]);
    const by = (f: string) => results.filter((r) => r.field === f);
    expect(by('subject')[0]).toMatchObject({ count: 1, sample: 'Refund for order #1042 still missing' });
    expect(by('customerName')[0]).toMatchObject({ count: 1, sample: 'Maria Garcia' });
    expect(by('channel')[1]).toEqual({ field: 'channel', count: 0 });
    expect((document.querySelector('[data-pane-for="42"] input[aria-label="Subject"]') as HTMLElement).style.outline).toContain('solid');
    // A second test clears the first one's outlines.
    outlineOnPage(scope, []);
    expect(document.querySelectorAll('[data-person-first-test]').length).toBe(0);
    expect((document.querySelector('[data-pane-for="42"] input[aria-label="Subject"]') as HTMLElement).style.outline).toBe('');
  });

  it('a desk on the shared engine is probed through its spec, with the fix merged', async () => {
    const { probesFor } = await import('../../src/options/desk-test');
    const { probes } = probesFor(freshdesk, { customerName: '.who' });
    expect(probes.find((p) => p.field === 'customerName')!.selectors).toEqual(['.who']);
    expect(probes.find((p) => p.field === 'subject')!.selectors).toEqual(['.ticket-subject-heading']);
  });
});
