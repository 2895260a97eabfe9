// Issue #5: notes in IndexedDB that never lose a keystroke.
import type { Page } from 'playwright-core';
import { launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'notes';
let h: Harness;
let desk: Page;
let panel: Page;

const notes = () => panel.getByRole('textbox', { name: 'Notes' });
const openTicket = async (id: number, subject: string) => {
  await desk.evaluate((i) => (window as any).__desk.open(i), id);
  await panel.getByRole('heading', { name: subject, exact: true }).waitFor({ timeout: 5000 });
};
/** Opens the desk and the panel in a new browser, or in `h` restarted on its own profile. */
async function start(restart?: Harness) {
  h = restart ? await restart.restart() : await launch();
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-is-active="true"]').waitFor();
  panel = await openPanelTab(h, desk);
  await panel.getByRole('heading', { name: 'Refund for order #1042 still missing' }).waitFor({ timeout: 10000 });
  await notes().and(panel.locator(':enabled')).waitFor();
}

export async function setup() {
  await start();
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['saves as the agent types and says so', async () => {
    await notes().fill('Wants the refund, not store credit.');
    await panel.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 5000 });
  }],
  ['a keystroke 50 ms before the panel closes is kept', async () => {
    await notes().pressSequentially(' Called twice.');
    await panel.waitForTimeout(50);
    await panel.close();
    panel = await openPanelTab(h, desk);
    await notes().and(panel.locator(':enabled')).waitFor();
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement)?.value.endsWith('Called twice.'), null, { timeout: 5000 });
  }],
  ['each ticket keeps its own note, however fast the switch', async () => {
    await openTicket(43, 'Cannot log in after password reset');
    await notes().and(panel.locator(':enabled')).waitFor();
    check((await notes().inputValue()) === '', 'ticket 43 shows another ticket\'s note');
    await notes().pressSequentially('Reset link expired');
    // Switch away at once, mid-typing: the text must stay with 43.
    await desk.evaluate(() => (window as any).__desk.open(42, { delay: 0 }));
    await panel.getByRole('heading', { name: 'Refund for order #1042 still missing', exact: true }).waitFor();
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement)?.value.startsWith('Wants the refund'));
    await openTicket(43, 'Cannot log in after password reset');
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement)?.value === 'Reset link expired', null, { timeout: 5000 });
    await openTicket(42, 'Refund for order #1042 still missing');
    await panel.waitForFunction(() => !(document.querySelector('textarea') as HTMLTextAreaElement)?.value.includes('Reset link'), null, { timeout: 5000 });
  }],
  ['two panels on the same ticket stay in step', async () => {
    const second = await openPanelTab(h, desk);
    await second.getByRole('textbox', { name: 'Notes' }).and(second.locator(':enabled')).waitFor();
    await second.getByRole('textbox', { name: 'Notes' }).fill('Edited in the second window');
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement)?.value === 'Edited in the second window', null, { timeout: 5000 });
    await second.getByRole('status').filter({ hasText: 'Saved' }).waitFor({ timeout: 5000 });
    await second.close();
  }],
  ['the note is still there after Chromium restarts with the same profile', async () => {
    await start(h);
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement)?.value === 'Edited in the second window', null, { timeout: 5000 });
  }],
];
