// Issue #8: custom desks end to end. Each self-hosted desk (Zammad, FreeScout, osTicket, Chatwoot, Jira
// Service Management) is added in the options page as a custom desk with its preset, at an origin of its
// own that the manifest does not name; the service worker registers the content script there, the
// panel follows the ticket and a phrase clicked in the panel lands in the desk's editor.
//
// The site grant: chrome.permissions.request opens the browser's permission prompt, which headless
// Chromium shows but nothing can click (it stays pending forever). Chromium does not prompt again for a
// host the user already allowed for the extension on chrome://extensions (site access, "Add a site":
// developerPrivate.addHostPermission); the request then resolves true at once (permissions_api.cc:
// already-granted runtime permissions are subtracted before prompting). So each test allows the site
// on Chrome's own extensions page first, as a lead could, and then goes through the real options flow:
// the click, the real chrome.permissions.request, storage, chrome.scripting.registerContentScripts.
import type { Locator, Page } from 'playwright-core';
import { allowSiteInChrome, EXTENSION_ID, followState, launch, openDesk, openPanelTab, registeredScripts, routeDesk, type Harness } from './harness';
import { check, until, type E2ETest } from './runner';

export const file = 'custom-desks';
const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/src/options/index.html`;
let h: Harness;
let options: Page;

interface Case {
  preset: string;
  label: string;
  name: string;
  origin: string;
  path: string;
  fixture: string;
  /** The fixture's editor host; ProseMirror hosts are read through the editor's own model. */
  editor: string;
  prosemirror?: boolean;
  lastMessage: string;
  /** The panel's heading for tickets 42 and 43 when the desk has no subject (Chatwoot's conversations). */
  titles?: [string, string];
}
const MARIA_LAST = 'This is the third time I write about this. Where is my money?';
const CASES: Case[] = [
  { preset: 'zammad', label: 'Zammad', name: 'ACME Zammad', origin: 'https://support.example.test', path: '/#ticket/zoom/42', fixture: 'zammad.html', editor: '#editor-42', lastMessage: MARIA_LAST },
  { preset: 'freescout', label: 'FreeScout', name: 'ACME FreeScout', origin: 'https://freescout.example.test', path: '/conversation/42?folder_id=1', fixture: 'freescout.html', editor: '#editor-42', lastMessage: MARIA_LAST },
  { preset: 'osticket', label: 'osTicket', name: 'ACME osTicket', origin: 'https://osticket.example.test', path: '/scp/tickets.php?id=42', fixture: 'osticket.html', editor: '#editor-42', lastMessage: MARIA_LAST },
  { preset: 'chatwoot', label: 'Chatwoot', name: 'ACME Chatwoot', origin: 'https://chatwoot.example.test', path: '/app/accounts/1/inbox/2/conversations/42', fixture: 'chatwoot.html', editor: '#editor-42', prosemirror: true, lastMessage: MARIA_LAST,
    titles: ['Ticket #42', 'Ticket #43'] },
  // Jira: the customer's words are the request's description (comments are not read, see presets.ts).
  { preset: 'jira', label: 'Jira Service Management', name: 'ACME Jira', origin: 'https://jira.example.test', path: '/browse/SD-42', fixture: 'jira.html', editor: '#editor-SD-42', prosemirror: true,
    lastMessage: 'Hi, I returned the blender two weeks ago and I still have no refund.' },
];

const REFUND = 'Refund for order #1042 still missing';
const LOGIN = 'Cannot log in after password reset';
const deskId = (c: Case) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const PACK_DESK_ORIGIN = 'https://helpdesk.example.test';

export async function setup() {
  h = await launch();
  for (const c of CASES) await routeDesk(h.context, c.origin, c.fixture);
  await routeDesk(h.context, PACK_DESK_ORIGIN, 'zammad.html');
  options = await h.context.newPage();
  await options.goto(OPTIONS_URL);
}

export async function teardown() {
  await h?.close();
}

/** Waits (on the service worker's own answers, not on a clock) until the custom desk's script is, or is not, registered. */
async function registered(id: string, want: boolean) {
  const scriptId = `custom-desk:${id}`;
  await until(() => registeredScripts(h), (ids) => ids.includes(scriptId) === want, `${scriptId} registered: ${!want}`, 10000);
}

/** Waits until the desk tab's content script has reported a ticket to the service worker (its follow
 *  state names the page), so the panel opened next has a ticket to follow. */
async function reported(origin: string) {
  await until(() => followState(h), (follow) => follow.includes(`"${origin}/`), `no ticket reported from ${origin}`, 10000);
}

const form = (): Locator => options.getByRole('form', { name: 'Add a custom desk' });
const heading = (panel: Page, name: string) => panel.getByRole('heading', { name, exact: true });

function editorText(desk: Page, c: Case): Promise<string> {
  return desk.evaluate(({ sel, pm }) => {
    const el = document.querySelector(sel) as HTMLElement;
    return pm ? ((window as any).__fixtureEditors[el.id].getText() as string) : (el.textContent ?? '');
  }, { sel: c.editor, pm: !!c.prosemirror });
}

export const tests: E2ETest[] = [
  ['the options page refuses a desk whose ticket URL pattern has no capture group, before asking for its site', async () => {
    await form().getByLabel('Name', { exact: true }).fill('Broken');
    await form().getByLabel(/^Pages/).fill('https://broken.example.test/*');
    await form().getByLabel(/^Ticket URL pattern/).fill('/tickets/\\d+');
    await form().getByRole('button', { name: 'Add desk' }).click();
    await options.getByRole('status').filter({ hasText: 'needs one capture group' }).waitFor({ timeout: 5000 });
    const granted = await h.worker.evaluate(() => chrome.permissions.contains({ origins: ['https://broken.example.test/*'] }));
    check(!granted, 'a refused desk got site access');
    await options.reload();
  }],
  ...CASES.flatMap((c): E2ETest[] => {
    let desk: Page;
    let panel: Page;
    return [
      [`${c.label}: added in the options page with its preset, at its own origin`, async () => {
        await allowSiteInChrome(h, c.origin);
        await form().getByLabel(/^Preset/).selectOption({ label: c.label });
        // The preset filled the URL pattern and the editor selector; the lead names the desk and its site.
        check((await form().getByLabel(/^Ticket URL pattern/).inputValue()) !== '', 'the preset did not fill the ticket URL pattern');
        check((await form().getByLabel(/^Reply editor/).inputValue()) !== '', 'the preset did not fill the editor selector');
        await form().getByLabel('Name', { exact: true }).fill(c.name);
        await form().getByLabel(/^Pages/).fill(`${c.origin}/*`);
        await form().getByRole('button', { name: 'Add desk' }).click();
        await options.getByRole('status').filter({ hasText: `Added ${c.name}.` }).waitFor({ timeout: 5000 });
        await options.getByRole('table', { name: 'Custom desks' }).getByRole('cell', { name: `${c.name} (${c.label})` }).waitFor();
        const stored = await h.worker.evaluate(async (id) => ((await chrome.storage.local.get('customDesks')).customDesks as { id: string; preset?: string; selectors?: object }[]).find((d) => d.id === id), deskId(c));
        check(stored?.preset === c.preset && !stored.selectors, `stored as ${JSON.stringify(stored)}`);
        await registered(deskId(c), true);
      }],
      [`${c.label}: the panel follows the ticket, and an SPA switch`, async () => {
        desk = await openDesk(h, `${c.origin}${c.path}`);
        await desk.getByText(c.lastMessage).first().waitFor({ state: 'attached', timeout: 10000 });
        await reported(c.origin);
        panel = await openPanelTab(h, desk);
        const [first, second] = c.titles ?? [REFUND, LOGIN];
        await heading(panel, first).waitFor({ timeout: 10000 });
        await panel.getByText('Maria Garcia').first().waitFor();
        // The ticket card names the desk as the lead named it, not by its internal id.
        await panel.getByText(c.name, { exact: true }).first().waitFor({ timeout: 5000 });
        await panel.getByText(c.lastMessage).waitFor();
        await desk.evaluate(() => (window as any).__desk.open(43));
        await heading(panel, second).waitFor({ timeout: 5000 });
        await panel.getByText('Tom Becker').first().waitFor();
        check(!(await heading(panel, first).isVisible()), 'old ticket still shown');
        check(!(await panel.getByText(c.lastMessage).isVisible()), 'old message still shown');
        await desk.evaluate(() => (window as any).__desk.open(42));
        await heading(panel, first).waitFor({ timeout: 5000 });
      }],
      [`${c.label}: a phrase clicked in the panel lands in the desk's editor`, async () => {
        if (c.prosemirror) await desk.locator(`${c.editor}[data-fixture-ready]`).waitFor({ state: 'attached', timeout: 20000 });
        // A frustrated customer opens the panel on Empathize (issue #7); the greeting is one click away.
        await panel.getByRole('button', { name: 'Show Greet phrases' }).click();
        await panel.getByRole('button', { name: /Hi Maria, thanks for getting in touch/ }).click();
        await panel.getByText('Inserted into the reply.').waitFor({ timeout: 5000 });
        const text = await editorText(desk, c);
        check(text.includes('Hi Maria, thanks for getting in touch'), `editor holds "${text}"`);
        await panel.close();
        await desk.close();
      }],
    ];
  }),
  ['a desk shipped in a phrase pack is offered, and works once the lead adds it', async () => {
    const pack = {
      schema: 1, id: 'acme-desk-pack', name: 'ACME desk pack', version: '1.0.0', locale: 'en',
      phrases: [{ id: 'acme-hello', step: 'greet', text: 'Hello from the ACME desk pack.' }],
      desks: [{ id: 'acme-helpdesk', name: 'ACME helpdesk', matches: [`${PACK_DESK_ORIGIN}/*`], ticketUrlPattern: '#ticket/zoom/(\\d+)', preset: 'zammad' }],
    };
    // Installed as the pack store keeps it (the import UI itself is tested in packs.e2e.ts; here it would
    // wait on chrome.storage.managed, which in headless Chromium can stay unanswered for a long time).
    await h.worker.evaluate(async (p) => {
      const packs = ((await chrome.storage.local.get('packs')).packs as unknown[] | undefined) ?? [];
      await chrome.storage.local.set({ packs: [...packs, { pack: p, source: 'imported', installedAt: Date.now(), updatedAt: Date.now() }] });
    }, pack);
    const offered = options.getByRole('table', { name: 'Desks from your phrase packs' });
    await offered.getByRole('cell', { name: 'ACME desk pack' }).waitFor({ timeout: 5000 });
    // Before "Add", the lead sees every site, the ticket pattern and every selector it will read.
    const reads = await offered.getByRole('list', { name: 'What ACME helpdesk reads' }).innerText();
    for (const part of [`${PACK_DESK_ORIGIN}/*`, '#ticket/zoom/(\\d+)', 'Preset: Zammad', 'Subject: ']) check(reads.includes(part), `the review does not show "${part}": ${reads}`);
    // Offered only: nothing is registered and no site is asked for until the lead adds it.
    const before = await registeredScripts(h);
    check(!before.includes('custom-desk:acme-helpdesk'), 'a pack desk was registered before it was added');
    await allowSiteInChrome(h, PACK_DESK_ORIGIN);
    await offered.getByRole('button', { name: 'Add ACME helpdesk' }).click();
    await options.getByRole('status').filter({ hasText: 'Added ACME helpdesk.' }).waitFor({ timeout: 5000 });
    await registered('acme-helpdesk', true);
    await options.getByRole('table', { name: 'Desks from your phrase packs' }).waitFor({ state: 'detached', timeout: 5000 });
    const desk = await openDesk(h, `${PACK_DESK_ORIGIN}/#ticket/zoom/42`);
    await reported(PACK_DESK_ORIGIN);
    const panel = await openPanelTab(h, desk);
    await heading(panel, REFUND).waitFor({ timeout: 10000 });
    await panel.close();
    await desk.close();
  }],
  ['removing a custom desk unregisters its script and gives its site back', async () => {
    const c = CASES[0]!;
    await options.getByRole('button', { name: `Remove ${c.name}` }).click();
    await options.getByRole('status').filter({ hasText: `Removed ${c.name}` }).waitFor({ timeout: 5000 });
    await registered(deskId(c), false);
    const granted = await h.worker.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), c.origin);
    check(!granted, 'the site is still granted');
    const others = await registeredScripts(h);
    check(others.includes(`custom-desk:${deskId(CASES[1]!)}`), `other desks were unregistered too: ${others}`);
  }],
];
