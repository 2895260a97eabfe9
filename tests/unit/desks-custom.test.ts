// Issue #8: custom desks (data, not code) and the presets for self-hosted desks, against their fixtures.
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/desks';
import { customAdapter, ticketRegex, type CustomDeskDefinition } from '../../src/desks/custom';
import { PRESETS } from '../../src/desks/presets';
import { validatePack } from '../../src/core/pack/validate';
import { globMatches, matchesPattern } from '../../src/desks/match';
import type { LinearRegExp } from '../../src/core/linear-regex';
import { loadDeskFixture, urlAt } from './desks-fixture';

const MARIA = 'This is the third time I write about this. Where is my money?';
const desk = (preset: string, extra: Partial<CustomDeskDefinition> = {}): CustomDeskDefinition =>
  ({ id: `${preset}-acme`, name: `ACME ${preset}`, matches: ['https://support.acme.test/*'], ticketUrlPattern: '', preset, ...extra });

interface Case { preset: string; second: string; expected: Record<string, unknown>; subject?: string }
const CASES: Case[] = [
  { preset: 'zammad', second: '43', subject: '.ticket-title-update',
    expected: { subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia', firstName: 'Maria' }, lastCustomerMessage: MARIA, customerMessages: 2, agentMessages: 1 } },
  { preset: 'freescout', second: '43', subject: '.conv-subjtext',
    expected: { subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia', firstName: 'Maria', email: 'maria@example.com' }, lastCustomerMessage: MARIA, customerMessages: 2, agentMessages: 1 } },
  { preset: 'osticket', second: '43', subject: '.tixTitle h3',
    expected: { subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia', firstName: 'Maria', email: 'maria@example.com' }, lastCustomerMessage: MARIA, customerMessages: 2, agentMessages: 1 } },
  { preset: 'chatwoot', second: '43',
    expected: { customer: { name: 'Maria Garcia', firstName: 'Maria', email: 'maria@example.com' }, lastCustomerMessage: MARIA, customerMessages: 2, agentMessages: 1 } },
  { preset: 'jira', second: 'SD-43', subject: '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
    expected: { ticketId: 'SD-42', subject: 'Refund for order #1042 still missing', customer: { name: 'Maria Garcia', firstName: 'Maria' },
      lastCustomerMessage: 'Hi, I returned the blender two weeks ago and I still have no refund.', customerMessages: 1 } },
];

describe.each(CASES)('$preset preset', (c) => {
  beforeEach(() => history.replaceState({}, '', '/'));
  const adapter = customAdapter(desk(c.preset));
  const read = () => adapter.read(document, urlAt('support.acme.test'))!;

  it('reads the active ticket from the fixture', async () => {
    await loadDeskFixture(c.preset, 42);
    const t = read();
    expect(t).toMatchObject({ desk: `${c.preset}-acme`, host: 'support.acme.test', ticketId: '42', key: `${c.preset}-acme:support.acme.test:${t.ticketId}`, ...c.expected });
    expect(t.missing).toBeUndefined();
  });

  it('follows an SPA switch to the next ticket', async () => {
    const d = await loadDeskFixture(c.preset, 42);
    await d.open(43, { delay: 0 });
    expect(read()).toMatchObject({ ticketId: c.second, customer: { name: 'Tom Becker' }, customerMessages: 1,
      lastCustomerMessage: 'After resetting my password the login page just reloads. Can you help?' });
  });

  it('sees a new customer message at the newest end of the conversation', async () => {
    const d = await loadDeskFixture(c.preset, 42);
    if (c.preset === 'jira') return; // comments are not read for Jira (see presets.ts)
    d.append(42, 'Maria Garcia', 'Any news?');
    expect(read()).toMatchObject({ lastCustomerMessage: 'Any news?', customerMessages: 3 });
  });

  it.runIf(!!c.subject)('reports a missing subject instead of failing', async () => {
    await loadDeskFixture(c.preset, 42);
    document.querySelectorAll(c.subject!).forEach((e) => e.remove());
    document.title = ''; // FreeScout's title names the subject too (desks-composers.test.ts)
    const t = read();
    expect(t.missing).toEqual(['subject']);
    expect(t.customer?.name).toBe('Maria Garcia');
  });

  it('finds the reply editor', async () => {
    await loadDeskFixture(c.preset, 42);
    const host = document.getElementById(`editor-${c.preset === 'jira' ? 'SD-42' : 42}`)!;
    let expected: Element = host;
    if (host.hasAttribute('data-fixture-editor')) {
      // The bundled ProseMirror does not run in jsdom: stand in for the editable it creates.
      const pm = document.createElement('div');
      pm.className = 'ProseMirror';
      pm.setAttribute('contenteditable', 'true');
      if (c.preset === 'jira') pm.id = 'ak-editor-textarea';
      host.append(pm);
      expected = pm;
    }
    expect(adapter.editor(document)).toBe(expected);
  });
});

describe('ticket URL patterns of the presets', () => {
  const id = (preset: string, url: string) => customAdapter(desk(preset)).ticketIdFrom(new URL(url));
  it('match the real URL shapes', () => {
    expect(id('zammad', 'https://helpdesk.acme.test/#ticket/zoom/1234')).toBe('1234');
    expect(id('zammad', 'https://helpdesk.acme.test/#ticket/zoom/1234/5678')).toBe('1234');
    expect(id('zammad', 'https://helpdesk.acme.test/#dashboard')).toBeNull();
    expect(id('freescout', 'https://help.acme.test/conversation/321?folder_id=4')).toBe('321');
    expect(id('freescout', 'https://help.acme.test/mailbox/1')).toBeNull();
    expect(id('osticket', 'https://acme.test/support/scp/tickets.php?id=77')).toBe('77');
    expect(id('osticket', 'https://acme.test/scp/tickets.php?a=edit&id=77')).toBe('77');
    expect(id('osticket', 'https://acme.test/scp/tickets.php?status=open')).toBeNull();
    expect(id('chatwoot', 'https://chat.acme.test/app/accounts/1/conversations/88')).toBe('88');
    expect(id('chatwoot', 'https://chat.acme.test/app/accounts/1/inbox/2/conversations/88')).toBe('88');
    expect(id('chatwoot', 'https://chat.acme.test/app/accounts/1/label/vip/conversations/88')).toBe('88');
    expect(id('chatwoot', 'https://chat.acme.test/app/accounts/1/dashboard')).toBeNull();
    expect(id('jira', 'https://acme.atlassian.net/browse/SD-123')).toBe('SD-123');
    expect(id('jira', 'https://acme.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1/SD-123')).toBe('SD-123');
    expect(id('jira', 'https://acme.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1')).toBeNull();
  });

  it('every preset names one capture group', () => {
    for (const p of Object.values(PRESETS)) expect(ticketRegex(p.ticketUrlPattern).source).not.toBe(ticketRegex('(').source);
  });
});

describe('custom desk definitions', () => {
  beforeEach(() => history.replaceState({}, '', '/'));
  const base: CustomDeskDefinition = { id: 'acme', name: 'ACME desk', matches: ['https://desk.acme.test/*'], ticketUrlPattern: '/t/(\\d+)' };

  it('never throws on a bad regex: no ticket is matched', () => {
    for (const ticketUrlPattern of ['(', '[a-', '/t/\\d+', '', 'x'.repeat(600)]) {
      const a = customAdapter({ ...base, ticketUrlPattern });
      expect(a.ticketIdFrom(new URL('https://desk.acme.test/t/5'))).toBeNull();
      expect(a.read(document, new URL('https://desk.acme.test/t/5'))).toBeNull();
    }
  });

  it('turns an unparsable selector into a missing field, never an exception', async () => {
    await loadDeskFixture('osticket', 42);
    const a = customAdapter({ ...base, ticketUrlPattern: 'id=(\\d+)', selectors: { subject: 'h3[', customerName: '.tixTitle h3', messages: ':::', customerMessage: '##', editor: 'div[' } });
    const t = a.read(document, urlAt('desk.acme.test'))!;
    expect(t.ticketId).toBe('42');
    expect(t.customer?.name).toBe('Refund for order #1042 still missing');
    expect(t.missing).toEqual(['subject', 'lastCustomerMessage']);
    expect(a.editor(document)).toBeNull();
    const badScope = customAdapter({ ...base, ticketUrlPattern: 'id=(\\d+)', selectors: { active: '[[', subject: '.tixTitle h3' } });
    expect(badScope.read(document, urlAt('desk.acme.test'))!.missing).toEqual(['pane']);
  });

  it('own selectors override the preset, the rest comes from it, and {id} scopes to the ticket', async () => {
    await loadDeskFixture('zammad', 42);
    const a = customAdapter(desk('zammad', { selectors: { active: '#content_permanent_Ticket-{id}.active', subject: '.ticket-number' } }));
    expect(a.read(document, urlAt('support.acme.test'))).toMatchObject({ subject: '31042', customer: { name: 'Maria Garcia' }, customerMessages: 2 });
    history.pushState({}, '', '/#ticket/zoom/43'); // not rendered yet: the {id} scope finds nothing
    expect(a.read(document, urlAt('support.acme.test'))!.missing).toEqual(['pane']);
  });

  it('a desk without a preset uses only what it names, and an unknown preset adds nothing', async () => {
    await loadDeskFixture('freescout', 42);
    const a = customAdapter({ ...base, ticketUrlPattern: '/conversation/(\\d+)', preset: 'nope', selectors: { subject: '.conv-subjtext' } });
    const t = a.read(document, urlAt('desk.acme.test'))!;
    expect(t).toMatchObject({ desk: 'acme', ticketId: '42', subject: 'Refund for order #1042 still missing' });
    expect(t.customer).toBeUndefined();
    expect(t.missing).toBeUndefined();
    expect(a.editor(document)).toBeNull();
  });

  it('is found by its match patterns like a built-in desk', () => {
    const a = customAdapter(base);
    expect(adapterFor(new URL('https://desk.acme.test/t/1'), [a])).toBe(a);
    expect(adapterFor(new URL('https://other.test/t/1'), [a])).toBeNull();
    expect(a.ticketIdFrom(new URL('https://desk.acme.test/t/9?x=1'))).toBe('9');
  });
});

describe('hostile desk patterns (F7, F8)', () => {
  it('runs a ticket URL pattern like "(a+)+" without backtracking, and still reads real ids', () => {
    const re = ticketRegex('/t/((a+)+)$');
    expect(re.exec(`https://d.example.com/t/${'a'.repeat(2000)}!`)).toBeNull();
    expect((re as LinearRegExp).lastSteps).toBeLessThan(2_000_000);
    expect(re.exec('https://d.example.com/t/aaa')?.[1]).toBe('aaa');
  });

  it('never matches with a pattern the linear matcher cannot read', () => {
    expect(ticketRegex('(?=x)(\\d+)').exec('https://d.example.com/x1')).toBeNull();
    expect(ticketRegex('(\\d+)\\1').exec('https://d.example.com/11')).toBeNull();
  });

  it('matches globs with many stars in one pass', () => {
    const pattern = `https://d.example.com/${'*a'.repeat(30)}*b`;
    const url = new URL(`https://d.example.com/${'a'.repeat(400)}`);
    expect(matchesPattern(pattern, url)).toBe(false);
    expect(matchesPattern(pattern, new URL(`https://d.example.com/${'a'.repeat(400)}b`))).toBe(true);
    expect(globMatches('/a*b*c', '/aXbYc')).toBe(true);
    expect(globMatches('/a*b*c', '/aXcYb')).toBe(false);
    expect(globMatches('/*', '/')).toBe(true);
    expect(globMatches('/ab*ba', '/aba')).toBe(false);
    expect(globMatches('*', '')).toBe(true);
  });
});

describe('what a desk from a pack may read (F2)', () => {
  it('reads no password, hidden or other non-text input, and no hidden text', () => {
    document.body.innerHTML = `
      <input type="password" id="pw" value="hunter2">
      <input type="hidden" id="csrf" value="tok-123">
      <input type="checkbox" id="cb" value="on">
      <input id="subject" value="Refund please">
      <div id="msg"><span>Where is my money?</span><span hidden>secret-a</span><span aria-hidden="true">secret-b</span><script>var s = "secret-c"</script><input value="secret-d"></div>`;
    const read = (selectors: CustomDeskDefinition['selectors']) =>
      customAdapter({ id: 'h', name: 'H', matches: ['https://h.test/*'], ticketUrlPattern: '/t/(\\d+)', selectors }).read(document, new URL('https://h.test/t/1'));
    for (const sel of ['#pw', '#csrf', '#cb', 'input[type=password]', 'input[type=hidden]']) {
      const t = read({ subject: sel, customerName: sel, customerMessage: sel, messages: sel });
      expect(JSON.stringify(t), sel).not.toMatch(/hunter2|tok-123|"on"/);
    }
    const t = read({ subject: '#subject', messages: '#msg', customerMessage: '#msg' });
    expect(t?.subject).toBe('Refund please');
    expect(t?.lastCustomerMessage).toBe('Where is my money?');
    expect(JSON.stringify(t)).not.toMatch(/secret/);
  });

  it('refuses pack desks that ask for every site', () => {
    for (const m of ['https://*/*', '*://*/*', '<all_urls>', 'http://*/*', '*://*.com/*', 'https://*.co/*']) {
      const r = validatePack({ schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [], desks: [{ id: 'd', name: 'D', matches: [m], ticketUrlPattern: '/t/(\\d+)' }] });
      expect(r.ok, m).toBe(false);
    }
    const ok = validatePack({ schema: 1, id: 'p', name: 'P', version: '1.0.0', locale: 'en', phrases: [], desks: [{ id: 'd', name: 'D', matches: ['https://*.acme.com/*'], ticketUrlPattern: '/t/(\\d+)' }] });
    expect(ok.ok).toBe(true);
  });
});
