// Issue #8: each hosted desk's adapter against its fixture page (which copies the desk's markup).
import { beforeEach, describe, expect, it } from 'vitest';
import { adapterFor, DESKS, matchesPattern } from '../../src/desks';
import { freshdesk } from '../../src/desks/freshdesk';
import { front } from '../../src/desks/front';
import { gorgias } from '../../src/desks/gorgias';
import { helpscout } from '../../src/desks/helpscout';
import { hubspot } from '../../src/desks/hubspot';
import { intercom } from '../../src/desks/intercom';
import type { DeskAdapter } from '../../src/desks/types';
import { zoho } from '../../src/desks/zoho';
import { loadDeskFixture, urlAt } from './desks-fixture';

const MARIA = 'This is the third time I write about this. Where is my money?';

interface Case {
  adapter: DeskAdapter;
  fixture: string;
  host: string;
  /** The second ticket's id as the desk writes it. */
  second: string;
  expected: Record<string, unknown>;
  /** Removes the subject from the page, to see it reported missing. */
  subject: string;
  /** Whether the adapter can tell the previous ticket from the new one before it renders. */
  guardsSwitch: boolean;
  multi?: boolean;
}

const maria = { name: 'Maria Garcia', firstName: 'Maria', email: 'maria@example.com' };
const CASES: Case[] = [
  { adapter: freshdesk, fixture: 'freshdesk', host: 'acme.freshdesk.com', second: '43', subject: '.ticket-subject-heading', guardsSwitch: true,
    expected: { customer: maria } },
  { adapter: helpscout, fixture: 'helpscout', host: 'secure.helpscout.net', second: '43', subject: '[aria-label="Conversation Subject"]', guardsSwitch: false,
    expected: { customer: maria } },
  { adapter: intercom, fixture: 'intercom', host: 'app.intercom.com', second: '43', subject: '[data-inbox-conversation-header-title]', guardsSwitch: true, multi: true,
    expected: { customer: maria, channel: 'chat' } },
  { adapter: front, fixture: 'front', host: 'app.frontapp.com', second: 'cnv_a43', subject: '[class*="conversationSubjectWrapper"]', guardsSwitch: false,
    expected: { ticketId: 'cnv_a42', customer: { name: 'Maria Garcia', firstName: 'Maria' } } },
  { adapter: gorgias, fixture: 'gorgias', host: 'acme.gorgias.com', second: '43', subject: '[data-testid="ticket-subject"]', guardsSwitch: false,
    expected: { customer: maria, channel: 'chat' } },
  { adapter: zoho, fixture: 'zoho', host: 'desk.zoho.eu', second: '43', subject: '[data-id="caseSubjectText"]', guardsSwitch: true, multi: true,
    expected: { customer: maria, channel: 'chat' } },
  { adapter: hubspot, fixture: 'hubspot', host: 'app.hubspot.com', second: '43', subject: '[data-test-id="ticket-header-name-link"]', guardsSwitch: true,
    expected: { customer: { name: 'Maria Garcia', firstName: 'Maria' }, channel: 'chat' } },
];

describe.each(CASES)('$adapter.name adapter', (c) => {
  beforeEach(() => history.replaceState({}, '', '/'));
  const read = () => c.adapter.read(document, urlAt(c.host))!;

  it('reads the active ticket: subject, customer, latest customer message and counts', async () => {
    await loadDeskFixture(c.fixture, 42);
    const t = read();
    expect(t).toMatchObject({
      desk: c.adapter.id, host: c.host, ticketId: '42',
      subject: 'Refund for order #1042 still missing',
      lastCustomerMessage: MARIA,
      customerMessages: 2,
      agentMessages: 1,
      ...c.expected,
    });
    expect(t.key).toBe(`${c.adapter.id}:${c.host}:${t.ticketId}`);
    expect(t.lastCustomerMessageAt).toBeTypeOf('number');
    expect(t.missing).toBeUndefined();
  });

  it('reads the ticket the URL names after an SPA switch, not a hidden or previous one', async () => {
    const desk = await loadDeskFixture(c.fixture, 42);
    await desk.open(43, { delay: 0 });
    const t = read();
    expect(t.ticketId).toBe(c.second);
    expect(t.subject).toBe('Cannot log in after password reset');
    expect(t.customer?.name).toBe('Tom Becker');
    expect(t.lastCustomerMessage).toBe('After resetting my password the login page just reloads. Can you help?');
    expect(t.customerMessages).toBe(1);
    if (c.multi) expect(document.querySelectorAll(c.subject).length).toBe(2); // the first ticket is still mounted
    await desk.open(42, { delay: 0 });
    expect(read().subject).toBe('Refund for order #1042 still missing');
  });

  it.runIf(c.guardsSwitch)('does not read the previous ticket while the new one has not rendered', async () => {
    const desk = await loadDeskFixture(c.fixture, 42);
    // The render is still pending while we read; waiting for it keeps its timer from firing after jsdom is gone.
    const rendered = desk.open(43, { delay: 50 });
    try {
      const t = read();
      expect(t.ticketId).toBe(c.second);
      expect(t.subject).toBeUndefined();
      expect(t.missing).toEqual(['pane']);
    } finally {
      await rendered;
    }
  });

  it('sees a new customer message', async () => {
    const desk = await loadDeskFixture(c.fixture, 42);
    desk.append(42, 'Maria Garcia', 'Any news?');
    expect(read()).toMatchObject({ lastCustomerMessage: 'Any news?', customerMessages: 3 });
  });

  it('reports missing fields instead of failing when the markup changed', async () => {
    await loadDeskFixture(c.fixture, 42);
    document.querySelectorAll(c.subject).forEach((e) => e.remove());
    const t = read();
    expect(t.subject).toBeUndefined();
    expect(t.missing).toContain('subject');
    expect(t.lastCustomerMessage).toBe(MARIA);
  });

  it('reads nothing on a page without a ticket', async () => {
    const desk = await loadDeskFixture(c.fixture, 42);
    desk.leave();
    expect(c.adapter.read(document, urlAt(c.host))).toBeNull();
  });

  it('finds the reply editor of the visible ticket', async () => {
    const desk = await loadDeskFixture(c.fixture, 42);
    if (c.multi) await desk.open(43, { delay: 0 });
    const id = c.multi ? 43 : 42;
    const host = document.getElementById(`editor-${c.multi ? 43 : c.second.replace('43', '42')}`) ?? document.getElementById(`editor-${id}`)!;
    // ProseMirror desks: the bundled editor does not run in jsdom, so stand in for the element it creates.
    if (host.hasAttribute('data-fixture-editor')) {
      const pm = document.createElement('div');
      pm.className = 'ProseMirror';
      pm.setAttribute('contenteditable', 'true');
      host.append(pm);
    }
    const el = c.adapter.editor(document)!;
    expect(el).not.toBeNull();
    const expected = host.tagName === 'IFRAME' ? (host as HTMLIFrameElement).contentDocument!.body : host.querySelector('.ProseMirror') ?? host;
    expect(el).toBe(expected);
  });
});

describe('ticket ids from real URL shapes', () => {
  const id = (a: DeskAdapter, u: string) => a.ticketIdFrom(new URL(u));
  it('takes the id from the URL alone and ignores views without a ticket', () => {
    expect(id(freshdesk, 'https://acme.freshdesk.com/a/tickets/1234')).toBe('1234');
    expect(id(freshdesk, 'https://acme.freshdesk.com/a/tickets/1234?tab=activity')).toBe('1234');
    expect(id(freshdesk, 'https://acme.freshdesk.com/a/tickets/filters/all_tickets')).toBeNull();
    expect(id(helpscout, 'https://secure.helpscout.net/conversation/2345678901/8765/')).toBe('8765');
    expect(id(helpscout, 'https://secure.helpscout.net/conversation/2345678901/8765?folderId=1')).toBe('8765');
    expect(id(helpscout, 'https://secure.helpscout.net/mailbox/abc/')).toBeNull();
    expect(id(intercom, 'https://app.intercom.com/a/inbox/abcd1234/inbox/shared/all/conversation/215473')).toBe('215473');
    expect(id(intercom, 'https://app.intercom.com/a/apps/abcd1234/inbox/inbox/conversation/15929788631')).toBe('15929788631');
    expect(id(intercom, 'https://app.intercom.com/a/inbox/abcd1234/inbox/shared/all')).toBeNull();
    expect(id(front, 'https://app.frontapp.com/open/cnv_55c8c149')).toBe('cnv_55c8c149');
    expect(id(front, 'https://app.frontapp.com/inboxes/teammates/1/inbox/open/0/cnv_1jogvq06')).toBe('cnv_1jogvq06');
    expect(id(front, 'https://app.frontapp.com/inboxes/teammates/1/inbox/open')).toBeNull();
    expect(id(gorgias, 'https://acme.gorgias.com/app/ticket/180507823')).toBe('180507823');
    expect(id(gorgias, 'https://acme.gorgias.com/app/tickets/123')).toBeNull();
    expect(id(zoho, 'https://desk.zoho.eu/agent/example/soporte/tickets/details/412000001234567')).toBe('412000001234567');
    expect(id(zoho, 'https://desk.zoho.com/agent/acme/tickets/list/all-cases')).toBeNull();
    expect(id(hubspot, 'https://app.hubspot.com/help-desk/21635735/view/95291824/ticket/29859078751?messageId=1')).toBe('29859078751');
    expect(id(hubspot, 'https://app.hubspot.com/help-desk/21635735/ticket/29859078751/thread/1234')).toBe('29859078751');
    expect(id(hubspot, 'https://app.hubspot.com/help-desk/21635735/view/95291824')).toBeNull();
  });
});

describe('match patterns', () => {
  it('pick the right desk for each host and nothing else', () => {
    const at = (u: string) => adapterFor(new URL(u))?.id ?? null;
    expect(at('https://acme.freshdesk.com/a/tickets/1')).toBe('freshdesk');
    expect(at('https://secure.helpscout.net/conversation/1/2')).toBe('helpscout');
    expect(at('https://app.eu.intercom.com/a/inbox/x/inbox/conversation/1')).toBe('intercom');
    expect(at('https://app.frontapp.com/open/cnv_1')).toBe('front');
    expect(at('https://acme.gorgias.com/app/ticket/1')).toBe('gorgias');
    expect(at('https://desk.zoho.com.au/agent/a/b/tickets/details/1')).toBe('zoho');
    expect(at('https://desk.zohocloud.ca/agent/a/b/tickets/details/1')).toBe('zoho');
    expect(at('https://app-eu1.hubspot.com/help-desk/1/ticket/2')).toBe('hubspot');
    expect(at('https://acme.zendesk.com/agent/tickets/1')).toBe('zendesk');
    expect(at('https://freshdesk.com.evil.test/a/tickets/1')).toBeNull();
    expect(at('https://intercom.com/a/inbox/x/inbox/conversation/1')).toBeNull();
    expect(at('http://acme.gorgias.com/app/ticket/1')).toBeNull();
    expect(matchesPattern('https://desk.zoho.eu/*', new URL('https://desk.zoho.eu.evil.test/'))).toBe(false);
  });

  it('never asks for every site, and every desk pattern is in the manifest', async () => {
    const manifest = (await import('../../manifest.json')).default as { host_permissions: string[]; content_scripts: { matches: string[] }[] };
    const patterns = DESKS.flatMap((d) => d.matches);
    expect(new Set(manifest.host_permissions)).toEqual(new Set(patterns));
    expect(new Set(manifest.content_scripts[0]!.matches)).toEqual(new Set(patterns));
    for (const p of patterns) expect(p).toMatch(/^https:\/\/[^*/]*[a-z]\.[a-z]+\/\*$|^https:\/\/\*\.[a-z]+\.[a-z]+\/\*$/);
  });
});
