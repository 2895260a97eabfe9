// Issue 16: the content script stays quiet on a busy chat. A read of only the conversation gives the
// same ticket as a full read, for every desk; the watcher reads only when a change can matter, and
// reads only the conversation when only it grew; the draft is read when typing pauses.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketContext } from '../../src/core/ticket';
import { watchDraft } from '../../src/content/draft-watch';
import { watchPage, type ReadKind } from '../../src/content/watch';
import { DESKS } from '../../src/desks';
import { customAdapter } from '../../src/desks/custom';
import { PRESETS } from '../../src/desks/presets';
import type { DeskAdapter } from '../../src/desks/types';
import { zendesk } from '../../src/desks/zendesk';
import { loadDeskFixture, urlAt, type FixtureDesk } from './desks-fixture';

const HOSTS: Record<string, string> = {
  freshdesk: 'acme.freshdesk.com', helpscout: 'secure.helpscout.net', intercom: 'app.intercom.com', front: 'app.frontapp.com',
  gorgias: 'acme.gorgias.com', zoho: 'desk.zoho.eu', hubspot: 'app.hubspot.com',
};

interface Case { name: string; adapter: DeskAdapter; fixture: string; host: string; id: number }
const CASES: Case[] = [
  ...DESKS.filter((d) => d.id !== 'zendesk').map((d) => ({ name: d.name, adapter: d, fixture: d.id, host: HOSTS[d.id]!, id: 42 })),
  ...Object.keys(PRESETS).map((preset) => ({
    name: `${preset} preset`,
    adapter: customAdapter({ id: `${preset}-acme`, name: preset, matches: ['https://support.acme.test/*'], ticketUrlPattern: '', preset }),
    fixture: preset, host: 'support.acme.test', id: 42,
  })),
];

describe.each(CASES)('$name: a read of the conversation only', (c) => {
  beforeEach(() => history.replaceState({}, '', '/'));
  const read = (prev?: TicketContext | null) => c.adapter.read(document, urlAt(c.host), prev);

  it('gives what a full read gives, as the conversation grows', async () => {
    const desk = await loadDeskFixture(c.fixture, c.id);
    const first = read()!;
    desk.append(c.id, 'Sam (ACME)', 'Let me check that for you.', false);
    desk.append(c.id, 'Maria Garcia', 'Any news?', true);
    const grown = read(first);
    expect(grown).toEqual(read());
    if (c.fixture !== 'jira') expect(grown).not.toEqual(first); // Jira's comments are not read (presets.ts)
  });

  it('names the regions the read depends on, with the log around the messages', async () => {
    const desk = await loadDeskFixture(c.fixture, c.id);
    const regions = c.adapter.regions?.(document, urlAt(c.host));
    expect(regions).toBeTruthy();
    expect(regions!.header.length).toBeGreaterThan(0);
    const before = regions!.log?.children.length;
    desk.append(c.id, 'Maria Garcia', 'Any news?', true);
    if (c.fixture !== 'jira') expect(regions!.log?.children.length).toBeGreaterThan(before!);
  });

  it('takes nothing from a previous read of another ticket', async () => {
    const desk = await loadDeskFixture(c.fixture, c.id);
    const first = read()!;
    await desk.open(43, { delay: 0 });
    expect(read(first)).toEqual(read());
  });
});

describe('Zendesk: a read of the conversation only', () => {
  it('gives what a full read gives, and keeps a missing header field looked for', async () => {
    const desk = await loadDeskFixture('zendesk', 42);
    const url = () => new URL(location.href.replace(location.origin, 'https://acme.zendesk.com'));
    const first = zendesk.read(document, url())!;
    desk.append(42, 'Maria Garcia', 'Any news?');
    expect(zendesk.read(document, url(), first)).toEqual(zendesk.read(document, url()));
    // A header field that was missing is read again, so it shows up once the desk renders it.
    const incomplete = { ...first, subject: undefined, missing: ['subject'] };
    expect(zendesk.read(document, url(), incomplete)?.subject).toBe('Refund for order #1042 still missing');
  });
});

describe('watchPage on a desk whose regions are known', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());
  const url = () => new URL(location.href.replace(location.origin, 'https://acme.zendesk.com'));
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  async function start() {
    const desk = (await loadDeskFixture('zendesk', 42)) as FixtureDesk & { append(id: number, sender: string, text: string): void };
    // jsdom runs no CKEditor: a stand-in editable where Zendesk mounts it.
    const editor = document.createElement('div');
    editor.setAttribute('data-test-id', 'omnicomposer-rich-text-ckeditor');
    editor.setAttribute('contenteditable', 'true');
    document.querySelector('[data-pane-for="42"] [data-fixture-editor]')!.append(editor);
    const reads: ReadKind[] = [];
    let last: TicketContext | null = null;
    stop = watchPage(document, {
      ignoreInside: zendesk.composerSelector,
      onChange(kind) {
        reads.push(kind);
        last = zendesk.read(document, url(), kind === 'log' ? last : undefined);
        return !last?.missing?.includes('pane');
      },
      regions: () => zendesk.regions!(document, url()),
      busyIntervalMs: 0,
      logIntervalMs: 0,
    });
    // The first change is read in full; from then on the regions are known.
    desk.append(42, 'Sam (ACME)', 'One moment please.');
    await vi.waitFor(() => expect(reads).toEqual(['full']));
    return { desk, editor, reads, last: () => last };
  }

  it('reads the conversation only when only it grew, and gets the same ticket as a full read', async () => {
    const { desk, reads, last } = await start();
    desk.append(42, 'Maria Garcia', 'Any news?');
    await vi.waitFor(() => expect(reads).toEqual(['full', 'log']));
    expect(last()).toEqual(zendesk.read(document, url()));
    expect(last()?.lastCustomerMessage).toBe('Any news?');
  });

  it('does not read for typing in the reply box or changes outside the ticket', async () => {
    const { desk, editor, reads } = await start();
    editor.textContent = 'Hi Maria';
    document.body.append(document.createElement('div')); // a toast, a menu
    await frame();
    await frame();
    desk.append(42, 'Maria Garcia', 'Any news?');
    await vi.waitFor(() => expect(reads).toEqual(['full', 'log']));
  });

  it('reads in full when the header changes, a region is replaced, content appears beside them, or the ticket switches', async () => {
    const { desk, reads, last } = await start();
    document.querySelector('[data-pane-for="42"] [data-garden-id="typography.ellipsis"]')!.textContent = 'Maria G.';
    await vi.waitFor(() => expect(reads).toEqual(['full', 'full']));
    expect(last()?.customer?.name).toBe('Maria G.');

    const log = document.querySelector('[data-pane-for="42"] [data-test-id="omni-log-container"]')!;
    log.replaceWith(log.cloneNode(true));
    await vi.waitFor(() => expect(reads).toEqual(['full', 'full', 'full']));

    // New content beside the regions, as a desk starting a new day's group of messages would add it.
    document.querySelector('[data-pane-for="42"] section.conversation')!.append(document.createElement('div'));
    await vi.waitFor(() => expect(reads).toEqual(['full', 'full', 'full', 'full']));

    await desk.open(43, { delay: 0 });
    await vi.waitFor(() => expect(last()?.ticketId).toBe('43'));
    expect(reads.at(-1)).toBe('full');
  });
});

describe('watchPage on a desk that re-renders one ticket at a time (Front)', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('sees the new ticket when the desk replaces the whole conversation, with no URL event', async () => {
    const front = DESKS.find((d) => d.id === 'front')!;
    const desk = await loadDeskFixture('front', 42);
    const url = () => urlAt('app.frontapp.com');
    let last: TicketContext | null = null;
    stop = watchPage(document, {
      onChange(kind) {
        last = front.read(document, url(), kind === 'log' ? last : undefined);
        return true;
      },
      regions: () => front.regions!(document, url()),
      busyIntervalMs: 0,
      logIntervalMs: 0,
    });
    desk.append(42, 'Maria Garcia', 'Any news?');
    await vi.waitFor(() => expect(last?.lastCustomerMessage).toBe('Any news?'));
    await desk.open(43, { delay: 0 }); // pushState fires no event in jsdom: only the re-render tells
    await vi.waitFor(() => expect(last?.subject).toBe('Cannot log in after password reset'));
  });
});

describe('watchDraft', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('reports the draft once typing pauses, and not again while it is unchanged', async () => {
    document.body.innerHTML = '<div id="reply" contenteditable="true"></div><input id="search">';
    const reply = document.querySelector<HTMLElement>('#reply')!;
    const drafts: string[] = [];
    stop = watchDraft(document, (el) => el.id === 'reply', (text) => drafts.push(text), { quietMs: 20, maxWaitMs: 2000 });
    const type = (el: HTMLElement, text: string) => {
      el.textContent = text;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    for (const text of ['H', 'Hi', 'Hi M', 'Hi Maria']) type(reply, text);
    await vi.waitFor(() => expect(drafts).toEqual(['Hi Maria']));
    type(reply, 'Hi Maria'); // an input that changed nothing
    const search = document.querySelector<HTMLInputElement>('#search')!;
    search.value = 'refund';
    search.dispatchEvent(new InputEvent('input', { bubbles: true }));
    type(reply, 'Hi Maria, sorry');
    await vi.waitFor(() => expect(drafts).toEqual(['Hi Maria', 'Hi Maria, sorry']));
  });
});
