import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { zendesk } from '../../src/desks/zendesk';
import { adapterFor, matchesPattern } from '../../src/desks';

const FIXTURE = join(import.meta.dirname, '../e2e/fixtures/desks');

/** Runs the fixture SPA in jsdom at a ticket URL and waits for its pane to render. */
async function loadFixture(id: number) {
  document.documentElement.innerHTML = readFileSync(join(FIXTURE, 'zendesk.html'), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
  history.replaceState({}, '', `/agent/tickets/${id}`);
  new Function(readFileSync(join(FIXTURE, 'zendesk-app.js'), 'utf8'))();
  const desk = (window as unknown as { __desk: { setDelay(ms: number): void; open(id: number, o?: { delay: number }): Promise<number> } }).__desk;
  await desk.open(id, { delay: 0 });
  return desk;
}

const urlOf = () => new URL(location.href.replace(location.origin, 'https://acme.zendesk.com'));

describe('zendesk adapter', () => {
  beforeEach(() => history.replaceState({}, '', '/'));

  it('reads the active ticket: subject, requester, channel, latest customer message and count', async () => {
    await loadFixture(42);
    const t = zendesk.read(document, urlOf())!;
    expect(t).toMatchObject({
      desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42',
      subject: 'Refund for order #1042 still missing',
      customer: { name: 'Maria Garcia', firstName: 'Maria', email: 'maria@example.com' },
      channel: 'messaging',
      lastCustomerMessage: 'This is the third time I write about this. Where is my money?',
      customerMessages: 2,
    });
    expect(t.missing).toBeUndefined();
  });

  it('reads the visible pane, not the first one in the document', async () => {
    const desk = await loadFixture(42);
    await desk.open(43, { delay: 0 });
    history.replaceState({}, '', '/agent/tickets/43');
    expect(zendesk.read(document, urlOf())?.subject).toBe('Cannot log in after password reset');
  });

  it('does not read the previous pane while the new ticket has not rendered yet', async () => {
    await loadFixture(42);
    history.pushState({}, '', '/agent/tickets/43');
    const t = zendesk.read(document, urlOf())!;
    expect(t.ticketId).toBe('43');
    expect(t.subject).toBeUndefined();
    expect(t.missing).toEqual(['pane']);
  });

  it('reports missing fields instead of failing when the markup changed', async () => {
    await loadFixture(42);
    document.querySelectorAll('[data-test-id="ticket-system-field-requester-select"]').forEach((e) => e.remove());
    const t = zendesk.read(document, urlOf())!;
    expect(t.subject).toBe('Refund for order #1042 still missing');
    expect(t.missing).toEqual(expect.arrayContaining(['customer.name', 'customer.email']));
  });

  it('takes the ticket id from the URL alone and ignores non-ticket pages', () => {
    expect(zendesk.ticketIdFrom(new URL('https://acme.zendesk.com/agent/tickets/123'))).toBe('123');
    expect(zendesk.ticketIdFrom(new URL('https://acme.zendesk.com/agent/tickets/123/events'))).toBe('123');
    expect(zendesk.ticketIdFrom(new URL('https://acme.zendesk.com/agent/dashboard'))).toBeNull();
    expect(zendesk.read(document, new URL('https://acme.zendesk.com/agent/filters/1'))).toBeNull();
  });
});

describe('match patterns', () => {
  it('match the desk hosts and nothing else', () => {
    expect(matchesPattern('https://*.zendesk.com/*', new URL('https://acme.zendesk.com/agent/tickets/1'))).toBe(true);
    expect(matchesPattern('https://*.zendesk.com/*', new URL('https://zendesk.com.evil.test/agent'))).toBe(false);
    expect(matchesPattern('https://*.zendesk.com/*', new URL('http://acme.zendesk.com/'))).toBe(false);
    expect(adapterFor(new URL('https://acme.zendesk.com/agent/tickets/1'))?.id).toBe('zendesk');
    expect(adapterFor(new URL('https://example.com/'))).toBeNull();
  });
});

describe('zendesk composers (issue #14)', () => {
  it('names the composer an internal note while its channel switcher says so, else leaves it to the reply', async () => {
    await loadFixture(42);
    const pane = document.querySelector('[data-pane-for="42"]')!;
    // CKEditor does not run in jsdom: stand in for the editable it creates inside the host.
    const editor = pane.querySelector('#editor-42')!.appendChild(document.createElement('div'));
    editor.className = 'ck-editor__editable';
    editor.parentElement!.classList.add('ck-editor');
    expect(zendesk.composerOf!(editor, document)).toBeUndefined();
    pane.querySelector('[data-test-id="omnichannel-channel-switcher"]')!.setAttribute('aria-label', 'Internal note');
    expect(zendesk.composerOf!(editor, document)).toBe('internal note');
    // Only the composer: the subject field beside it is no note.
    expect(zendesk.composerOf!(pane.querySelector('[data-test-id="omni-header-subject"]')!, document)).toBeUndefined();
  });
});
