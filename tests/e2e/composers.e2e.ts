// Issue #14: a phrase goes only where the agent is looking. On fixtures copied from real installs
// (osTicket 1.18.1: a reply and an internal-note Redactor editor, one form hidden at a time; FreeScout
// 1.8.235: the Summernote editor on the page inside a closed `.conv-reply-block.hidden` until Reply is
// clicked; sources in the fixtures' headers and src/desks/presets.ts), both added as custom desks with
// their presets. The panel says which composer got the text, opens a closed reply box with the desk's
// own control, and a hidden editor never receives text.
//
// The desks are stored directly (the options flow that adds them is tested in custom-desks.e2e.ts). The
// site is allowed on chrome://extensions first, as there, so the extension's own chrome.permissions.request
// (from its options page) resolves without a prompt that headless Chromium could not answer.
import type { Page } from 'playwright-core';
import { allowSiteInChrome, EXTENSION_ID, followState, launch, openDesk, openPanelTab, registeredScripts, routeDesk, type Harness } from './harness';
import { check, until, type E2ETest } from './runner';

export const file = 'composers';
let h: Harness;

const ZENDESK = 'https://acme.zendesk.com';
const OSTICKET = 'https://osticket.composers.test';
const FREESCOUT = 'https://freescout.composers.test';
const DESKS = [
  { id: 'acme-osticket', name: 'ACME osTicket', matches: [`${OSTICKET}/*`], ticketUrlPattern: '', preset: 'osticket' },
  { id: 'acme-freescout', name: 'ACME FreeScout', matches: [`${FREESCOUT}/*`], ticketUrlPattern: '', preset: 'freescout' },
];
const GREETING = /Hi Maria, thanks for getting in touch/;
const GREETING_TEXT = 'Hi Maria, thanks for getting in touch';

async function allowSite(origin: string) {
  await allowSiteInChrome(h, origin);
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
    check(await page.evaluate((o) => chrome.permissions.request({ origins: [o] }), `${origin}/*`), `${origin} was not granted`);
  } finally {
    await page.close();
  }
}

export async function setup() {
  h = await launch();
  await routeDesk(h.context, ZENDESK, 'zendesk.html');
  await routeDesk(h.context, OSTICKET, 'osticket.html');
  await routeDesk(h.context, FREESCOUT, 'freescout.html');
  for (const d of DESKS) await allowSite(d.matches[0]!.slice(0, -2));
  await h.worker.evaluate((desks) => chrome.storage.local.set({ customDesks: desks }), DESKS);
  await until(() => registeredScripts(h), (ids) => DESKS.every((d) => ids.includes(`custom-desk:${d.id}`)), 'the custom desks were not registered', 10000);
}

export async function teardown() {
  await h?.close();
}

/** Opens the desk at `url`, waits for its ticket to reach the service worker, and opens the panel beside it. */
async function deskAndPanel(url: string): Promise<{ desk: Page; panel: Page }> {
  const desk = await openDesk(h, url);
  await desk.getByText('Where is my money?').first().waitFor({ state: 'attached', timeout: 10000 });
  const origin = new URL(url).origin;
  await until(() => followState(h), (follow) => follow.includes(origin), `no ticket reported from ${origin}`, 10000);
  const panel = await openPanelTab(h, desk);
  await panel.getByRole('heading', { name: 'Refund for order #1042 still missing', exact: true }).waitFor({ timeout: 10000 });
  return { desk, panel };
}

async function pickGreeting(panel: Page) {
  await panel.getByRole('button', { name: 'Show Greet phrases' }).click();
  await panel.getByRole('button', { name: GREETING }).click();
}

const textOf = (desk: Page, sel: string) => desk.evaluate((s) => {
  const el = document.querySelector(s) as HTMLElement | HTMLTextAreaElement;
  return 'value' in el ? el.value : el.textContent ?? '';
}, sel);

export const tests: E2ETest[] = [
  ['osTicket: with the Internal Note tab open, a phrase lands in the note and the panel says so', async () => {
    const { desk: d, panel } = await deskAndPanel(`${OSTICKET}/scp/tickets.php?id=42`);
    // The agent started a reply (so the reply editor is the one last focused), then switched to the note.
    await d.bringToFront();
    await d.locator('#editor-42').click();
    await d.keyboard.type('Draft reply. ');
    await d.locator('#post-note-tab').click();
    await d.locator('#note-42').waitFor({ state: 'visible' });
    await panel.bringToFront();
    await pickGreeting(panel);
    await panel.getByText('Inserted into the internal note.').waitFor({ timeout: 5000 });
    const note = await textOf(d, '#note-42');
    const reply = await textOf(d, '#editor-42');
    check(note.includes(GREETING_TEXT), `the note holds "${note}"`);
    check(reply === 'Draft reply. ' || reply.trim() === 'Draft reply.', `the hidden reply editor changed: "${reply}"`);
    await panel.close();
    await d.close();
  }],
  ['osTicket: with no composer shown and none to open, no hidden editor receives text and the panel says what to do', async () => {
    const { desk, panel } = await deskAndPanel(`${OSTICKET}/scp/tickets.php?id=42`);
    await desk.evaluate(() => (window as any).__osticket.closeAll());
    await pickGreeting(panel);
    await panel.getByText(/The reply box is closed/).waitFor({ timeout: 8000 });
    for (const sel of ['#editor-42', '#note-42', '#response', '#internal_note']) {
      const text = await textOf(desk, sel);
      check(!text.includes(GREETING_TEXT), `${sel} received the text: "${text}"`);
    }
    await panel.close();
    await desk.close();
  }],
  ['FreeScout: with the reply box closed, a phrase opens it and lands in it; the panel shows the desk\'s own number', async () => {
    const { desk, panel } = await deskAndPanel(`${FREESCOUT}/conversation/42?folder_id=1`);
    // FreeScout's conversation number (#2), not the id in the URL (42).
    await panel.getByText('Ticket #2', { exact: true }).waitFor({ timeout: 5000 });
    check(!(await desk.locator('#editor-42').isVisible()), 'the reply box was open before the phrase');
    await pickGreeting(panel);
    await panel.getByText('Inserted into the reply.').waitFor({ timeout: 8000 });
    check(await desk.locator('.conv-reply-block').evaluate((e) => !e.classList.contains('hidden')), 'the reply box is still closed');
    const text = await textOf(desk, '#editor-42');
    check(text.includes(GREETING_TEXT), `the editor holds "${text}"`);
    await panel.close();
    await desk.close();
  }],
  ['FreeScout: with a note open, the phrase goes into the note and the panel names it', async () => {
    const { desk, panel } = await deskAndPanel(`${FREESCOUT}/conversation/42?folder_id=1`);
    await desk.evaluate(() => (document.querySelector('.conv-add-note') as HTMLElement).click());
    await pickGreeting(panel);
    await panel.getByText('Inserted into the internal note.').waitFor({ timeout: 5000 });
    check((await textOf(desk, '#editor-42')).includes(GREETING_TEXT), 'the note editor did not get the text');
    await panel.close();
    await desk.close();
  }],
  ['Zendesk: with the composer switched to Internal note, the panel says the text went into the internal note', async () => {
    const { desk, panel } = await deskAndPanel(`${ZENDESK}/agent/tickets/42`);
    await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
    // Zendesk's switcher names the composer's mode in its aria-label (see src/desks/zendesk.ts).
    await desk.evaluate(() => document.querySelector('[data-pane-for="42"] [data-test-id="omnichannel-channel-switcher"]')!.setAttribute('aria-label', 'Internal note'));
    await pickGreeting(panel);
    await panel.getByText('Inserted into the internal note.').waitFor({ timeout: 5000 });
    const data = await desk.evaluate(() => (window as any).__fixtureEditors['editor-42'].getData() as string);
    check(data.includes(GREETING_TEXT), `the editor holds ${data}`);
    await panel.close();
    await desk.close();
  }],
];
