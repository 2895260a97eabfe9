// Issue #14, desk health: a Zendesk page whose markup changed (the requester field renamed, as hosted
// desks do without notice) shows a quiet line in the panel with a way to the options page, and
// Options → Help desks lists the desk's last read, field by field.
import type { Page } from 'playwright-core';
import { EXTENSION_ID, launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'desk-health';
let h: Harness;
let desk: Page;
let panel: Page;
let options: Page;

export async function setup() {
  h = await launch();
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['a Zendesk page whose requester markup changed shows the quiet health line', async () => {
    desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
    panel = await openPanelTab(h, desk);
    await panel.getByRole('heading', { name: 'Refund for order #1042 still missing', exact: true }).waitFor({ timeout: 10000 });
    check(!(await panel.getByText(/This desk's page changed/).isVisible()), 'a healthy page showed the health line');
    // Zendesk re-renders the requester field under a new test id: the name and email selectors find nothing.
    await desk.evaluate(() => document.querySelectorAll('[data-test-id="ticket-system-field-requester-select"]').forEach((e) => {
      const renamed = e.cloneNode(true) as Element;
      renamed.setAttribute('data-test-id', 'ticket-system-field-requester-picker');
      e.replaceWith(renamed);
    }));
    await panel.getByText("This desk's page changed: customer name and customer email not found.").waitFor({ timeout: 5000 });
    // The rest of the ticket still shows.
    await panel.getByRole('heading', { name: 'Refund for order #1042 still missing', exact: true }).waitFor();
  }],
  ['the line leads to the options page, whose Help desks section lists the last read field by field', async () => {
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(`chrome-extension://${EXTENSION_ID}/src/options/`) });
    await panel.getByRole('button', { name: 'Check it in options' }).click();
    options = await opened;
    const table = options.getByRole('table', { name: 'Last read on each desk' });
    const row = table.getByRole('row').filter({ hasText: 'Zendesk' });
    await row.waitFor({ timeout: 10000 });
    const cells = await row.getByRole('cell').allTextContents();
    check(cells[0]?.includes('acme.zendesk.com'), `desk cell: ${cells[0]}`);
    check(cells[2] === 'subject, channel, latest message', `found: ${cells[2]}`);
    check(cells[3] === 'customer name, customer email', `missing: ${cells[3]}`);
  }],
  ['the list follows the desk as it recovers', async () => {
    await desk.evaluate(() => document.querySelectorAll('[data-test-id="ticket-system-field-requester-picker"]').forEach((e) => {
      const back = e.cloneNode(true) as Element;
      back.setAttribute('data-test-id', 'ticket-system-field-requester-select');
      e.replaceWith(back);
    }));
    await panel.getByText('Maria Garcia').first().waitFor({ timeout: 5000 });
    check(!(await panel.getByText(/This desk's page changed/).isVisible()), 'the health line stayed after the desk recovered');
    const row = options.getByRole('table', { name: 'Last read on each desk' }).getByRole('row').filter({ hasText: 'Zendesk' });
    await row.getByRole('cell', { name: 'nothing', exact: true }).waitFor({ timeout: 5000 });
  }],
];
