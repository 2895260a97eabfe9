// Issue #14: desk health, the panel's quiet line and the last read per desk.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordDeskRead } from '../../src/background/desk-health';
import { healthLine, healthRecords, readOf, sameHealth } from '../../src/core/desk-health';
import type { TicketContext } from '../../src/core/ticket';

const base: TicketContext = { desk: 'zendesk', host: 'acme.zendesk.com', ticketId: '42', key: 'zendesk:acme.zendesk.com:42', url: 'https://acme.zendesk.com/agent/tickets/42' };
const full: TicketContext = { ...base, subject: 'Refund', customer: { name: 'Maria Garcia', email: 'maria@example.com' }, channel: 'chat', lastCustomerMessage: 'Where is my money?' };

describe('desk health', () => {
  it('lists every field found, and nothing missing, on a healthy page', () => {
    expect(readOf(full, 5)).toEqual({ desk: 'zendesk', host: 'acme.zendesk.com', at: 5,
      found: ['subject', 'customer name', 'customer email', 'channel', 'latest message'], missing: [] });
    expect(healthLine(full)).toBeUndefined();
  });

  it('names missing fields in plain words', () => {
    const t: TicketContext = { ...full, customer: undefined, missing: ['customer.name', 'customer.email'] };
    expect(readOf(t, 5)).toMatchObject({ found: ['subject', 'channel', 'latest message'], missing: ['customer name', 'customer email'] });
    expect(healthLine(t)).toBe("This desk's page changed: customer name and customer email not found.");
    expect(healthLine({ ...full, missing: ['subject'] })).toBe("This desk's page changed: subject not found.");
    expect(healthLine({ ...base, missing: ['subject', 'channel', 'lastCustomerMessage'] })).toBe("This desk's page changed: subject, channel and latest message not found.");
  });

  it('judges nothing while the page is still rendering, and says so when nothing could be read', () => {
    expect(readOf({ ...base, missing: ['pane'] }, 5)).toBeNull();
    expect(healthLine({ ...base, missing: ['pane'] })).toBeUndefined();
    expect(healthLine({ ...base, missing: ['all'] })).toBe("This desk's page changed: the ticket could not be read.");
  });

  it('leaves out fields a desk does not look for (Chatwoot has no subject)', () => {
    const chatwoot: TicketContext = { ...base, desk: 'chatwoot', customer: { name: 'Maria' } };
    expect(readOf(chatwoot, 1)).toMatchObject({ found: ['customer name'], missing: [] });
  });

  it('compares reads by their fields, not their time', () => {
    expect(sameHealth(readOf(full, 1)!, readOf(full, 2)!)).toBe(true);
    expect(sameHealth(readOf(full, 1)!, readOf({ ...full, missing: ['subject'], subject: undefined }, 2)!)).toBe(false);
    expect(sameHealth(undefined, readOf(full, 2)!)).toBe(false);
  });

  it('reads stored records by their own keys only, skipping what is not a record', () => {
    const good = readOf(full, 1)!;
    const stored = JSON.parse(`{"zendesk": ${JSON.stringify(good)}, "__proto__": {"desk": "x", "found": [], "missing": []}, "bad": 3}`);
    expect(healthRecords(stored).map((r) => r.desk)).toEqual(['zendesk', 'x']);
    expect(healthRecords(null)).toEqual([]);
    expect(healthRecords('nope')).toEqual([]);
  });
});

describe('the last read kept per desk (service worker)', () => {
  // chrome.storage.local as a plain in-memory store, counting writes.
  const store: Record<string, unknown> = {};
  let writes = 0;
  beforeEach(() => {
    for (const k of Object.keys(store)) delete store[k];
    writes = 0;
    vi.stubGlobal('chrome', { storage: { local: {
      get: async (key: string) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
      set: async (items: Record<string, unknown>) => { writes++; Object.assign(store, structuredClone(items)); },
    } } });
  });
  afterEach(() => vi.unstubAllGlobals());
  const stored = () => healthRecords(store.deskHealth);

  it('writes a read, skips the same fields within a minute, and writes a change or a stale read at once', async () => {
    await recordDeskRead(full, 1_000);
    await recordDeskRead(full, 30_000);
    expect(writes).toBe(1);
    await recordDeskRead({ ...full, subject: undefined, missing: ['subject'] }, 31_000);
    expect(stored()[0]).toMatchObject({ at: 31_000, missing: ['subject'] });
    await recordDeskRead({ ...full, subject: undefined, missing: ['subject'] }, 95_000);
    expect(writes).toBe(3);
    expect(stored()[0]!.at).toBe(95_000);
  });

  it('keeps one record per desk and ignores a page still rendering or no ticket', async () => {
    await recordDeskRead(full, 1);
    await recordDeskRead({ ...full, desk: 'freshdesk', host: 'acme.freshdesk.com' }, 2);
    await recordDeskRead({ ...base, missing: ['pane'] }, 3);
    await recordDeskRead(null, 4);
    expect(stored().map((r) => [r.desk, r.at])).toEqual([['zendesk', 1], ['freshdesk', 2]]);
  });
});
