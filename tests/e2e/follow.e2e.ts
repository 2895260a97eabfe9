// Issue #3: the panel follows the agent's active Zendesk ticket.
import type { Page, Route } from 'playwright-core';
import { activateTab, followState, launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, until, type E2ETest } from './runner';

let h: Harness;
let desk: Page;
let panel: Page;

export const file = 'follow';

export async function setup() {
  h = await launch();
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-is-active="true"]').waitFor();
  panel = await openPanelTab(h, desk);
}

export async function teardown() {
  await h?.close();
}

const heading = (name: string) => panel.getByRole('heading', { name, exact: true });

export const tests: E2ETest[] = [
  ['the first ticket shows with its customer, channel and latest message', async () => {
    await heading('Refund for order #1042 still missing').waitFor({ timeout: 10000 });
    await panel.getByText('Maria Garcia').first().waitFor();
    await panel.getByText('<maria@example.com>').waitFor();
    await panel.getByText('Messaging', { exact: true }).waitFor();
    await panel.getByText('This is the third time I write about this. Where is my money?').waitFor();
    await panel.getByText('Ticket #42').waitFor();
  }],
  ['the panel opened as a tab marks the ticket as being in another tab', async () => {
    await panel.getByText('This ticket is in another tab.').waitFor();
  }],
  ['an SPA switch shows the new ticket and not the old one', async () => {
    await desk.evaluate(() => (window as any).__desk.open(43));
    await heading('Cannot log in after password reset').waitFor({ timeout: 5000 });
    check(!(await heading('Refund for order #1042 still missing').isVisible()), 'old subject still shown');
    await panel.getByText('Email', { exact: true }).waitFor();
    check(!(await panel.getByText('Where is my money?').isVisible()), 'old message still shown');
  }],
  ['switching back to an already open ticket (hidden pane) shows it', async () => {
    await desk.evaluate(() => (window as any).__desk.open(42));
    await heading('Refund for order #1042 still missing').waitFor({ timeout: 5000 });
  }],
  ['markup in a subject, name and message is shown literally, never run', async () => {
    await desk.evaluate(() => (window as any).__desk.open(44));
    await heading('<img src=x onerror="document.title=\'pwned\'"><b>bold</b>').waitFor({ timeout: 5000 });
    await panel.getByText('<img src=x onerror=alert(1)> please help').waitFor();
    check((await panel.locator('main img, main b, main script').count()) === 0, 'markup was rendered as HTML');
    check((await desk.title()) !== 'pwned' && (await panel.title()) !== 'pwned', 'script ran');
  }],
  ['bringing the desk tab to the front clears the "another tab" mark', async () => {
    await activateTab(h, desk);
    await panel.getByText('This ticket is in another tab.').waitFor({ state: 'detached', timeout: 5000 });
    await activateTab(h, panel);
    await panel.getByText('This ticket is in another tab.').waitFor({ timeout: 5000 });
  }],
  ['a second desk tab in the same window takes over when it is activated, and gives back', async () => {
    const second = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/43');
    await activateTab(h, second);
    await heading('Cannot log in after password reset').waitFor({ timeout: 5000 });
    await activateTab(h, desk);
    await heading('<img src=x onerror="document.title=\'pwned\'"><b>bold</b>').waitFor({ timeout: 5000 });
    await second.close();
    await activateTab(h, panel);
  }],
  ['a desk tab the agent leaves while it loads still shows, marked as in another tab', async () => {
    // The desk's page is held back until the agent has looked at it and moved on, so its first
    // report comes after the switch (on a busy machine this happens by itself).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const late = 'https://acme.zendesk.com/agent/tickets/43';
    const hold = async (route: Route) => { await held; await route.fallback(); };
    await h.context.route(late, hold);
    const page = await h.context.newPage();
    const asked = page.waitForRequest(late);
    const loaded = page.goto(late);
    try {
      await asked; // the tab has its pending URL now
      await h.worker.evaluate(async (url: string) => {
        const tabs = await chrome.tabs.query({});
        const loading = tabs.find((t) => t.pendingUrl === url || t.url === url)!;
        const panelTab = tabs.find((t) => t.url === chrome.runtime.getURL('src/panel/index.html'))!;
        await chrome.tabs.update(loading.id!, { active: true });
        await chrome.tabs.update(panelTab.id!, { active: true });
      }, late);
    } finally {
      release();
      await loaded.catch(() => undefined);
      await h.context.unroute(late, hold);
    }
    await heading('Cannot log in after password reset').waitFor({ timeout: 10000 });
    await panel.getByText('This ticket is in another tab.').waitFor();
    await page.close();
    await activateTab(h, desk);
    await activateTab(h, panel);
  }],
  ['a desk in another window does not change this window\'s panel', async () => {
    const other = h.context.waitForEvent('page');
    await h.worker.evaluate(() => chrome.windows.create({ url: 'https://acme.zendesk.com/agent/tickets/42' }));
    const page = await other;
    await page.waitForURL('**/agent/tickets/42');
    await page.locator('[data-is-active="true"]').waitFor();
    // The other window's desk has reported its ticket: only then does "nothing changed here" mean something.
    await until(() => followState(h), (follow) => Object.keys((JSON.parse(follow) as { windows?: object }).windows ?? {}).length >= 2, 'the other window never reported its ticket', 60000);
    await heading('<img src=x onerror="document.title=\'pwned\'"><b>bold</b>').waitFor({ timeout: 5000 });
    check(!(await heading('Refund for order #1042 still missing').isVisible()), 'another window\'s ticket leaked into this panel');
    await page.close();
  }],
  ['leaving the ticket for a desk view clears it', async () => {
    await desk.evaluate(() => (window as any).__desk.leave());
    await panel.getByRole('heading', { name: 'No ticket open' }).waitFor({ timeout: 5000 });
    await desk.evaluate(() => (window as any).__desk.open(43));
    await heading('Cannot log in after password reset').waitFor({ timeout: 5000 });
  }],
  ['a report lost on its way to the service worker comes back when a panel opens', async () => {
    // As if the desk's last report had been dropped with a stopping service worker: it knows no desk.
    await h.worker.evaluate(() => chrome.storage.session.set({ follow: { tabs: {}, windows: {} } }));
    await panel.getByRole('heading', { name: 'No ticket open' }).waitFor({ timeout: 5000 });
    const second = await openPanelTab(h, desk);
    try {
      await second.getByRole('heading', { name: 'Cannot log in after password reset', exact: true }).waitFor({ timeout: 10000 });
      await heading('Cannot log in after password reset').waitFor({ timeout: 5000 });
    } finally {
      await second.close();
    }
  }],
  ['closing the desk tab clears the ticket and names the supported desks', async () => {
    await desk.close();
    await panel.getByRole('heading', { name: 'No ticket open' }).waitFor({ timeout: 5000 });
    await panel.getByText(/Zendesk/).waitFor();
  }],
];
