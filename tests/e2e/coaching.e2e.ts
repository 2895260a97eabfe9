// Issue #7: coaching from the live conversation on the Zendesk fixture: cues from the customer's
// message, tips on the draft typed in the real CKEditor, and a follow-up that comes back as a
// notification and a badge, opens its ticket, and survives a browser restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'coaching';
const profile = mkdtempSync(join(tmpdir(), 'person-first-coaching-'));
const TICKET_42 = 'https://acme.zendesk.com/agent/tickets/42';
const KEY_42 = 'zendesk:acme.zendesk.com:42';
let h: Harness;
let desk: Page;
let panel: Page;
let followupId = '';

type FollowupsHook = { refresh(): Promise<void>; click(id: string): Promise<void> };
/** What startFollowupService exposes on the service worker's global for tests. */
const runDueCheck = () => h.worker.evaluate(() => (globalThis as unknown as { __personFirstFollowups: FollowupsHook }).__personFirstFollowups.refresh());
const clickNotification = (nid: string) =>
  h.worker.evaluate((id) => (globalThis as unknown as { __personFirstFollowups: FollowupsHook }).__personFirstFollowups.click(id), nid);

async function start() {
  h = await launch({ userDataDir: profile });
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  desk = await openDesk(h, TICKET_42);
  await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
  panel = await openPanelTab(h, desk);
  await panel.getByRole('heading', { name: 'Refund for order #1042 still missing' }).waitFor({ timeout: 10000 });
}

const badge = () => h.worker.evaluate(() => chrome.action.getBadgeText({}));
const notificationIds = () => h.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 5000): Promise<T> {
  const end = Date.now() + timeout;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`${what}: last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

export async function setup() {
  await start();
}

export async function teardown() {
  await h?.close({ keepProfile: true });
  rmSync(profile, { recursive: true, force: true });
}

export const tests: E2ETest[] = [
  ['a frustrated message shows a frustration cue with its reason and a line naming the situation', async () => {
    const cue = panel.getByRole('listitem').filter({ hasText: 'Frustrated' });
    await cue.waitFor({ timeout: 5000 });
    const text = (await cue.textContent()) ?? '';
    check(text.includes('Not the first time: "third time"'), `cue text: ${text}`);
    check(text.includes("you've had to write to us twice"), `no line naming the situation: ${text}`);
  }],
  ['the frustration cue raises Empathize in the checklist', async () => {
    const empathize = panel.locator('.step.raised').filter({ has: panel.getByRole('checkbox', { name: /^Empathize/ }) });
    await empathize.waitFor({ timeout: 5000 });
  }],
  ['a new message from the customer updates the cue, and its key facts go to the notes in one click', async () => {
    await desk.evaluate(() => (window as any).__desk.append(42, 'Maria Garcia', 'WHY IS NOBODY ANSWERING ME!!! Order #55821, I paid $49.99 on March 3.'));
    const cue = panel.getByRole('listitem').filter({ hasText: 'Frustrated' });
    await cue.filter({ hasText: /They have written 3 times/ }).waitFor({ timeout: 5000 });
    await panel.getByRole('button', { name: 'Add to notes: Order #55821' }).click();
    const notes = panel.getByRole('textbox', { name: 'Notes' });
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value.includes('What they said: Order #55821'), null, { timeout: 5000 });
    const meaning = panel.getByRole('textbox', { name: 'What they mean' });
    await meaning.fill('She needs the money back before the weekend');
    await meaning.press('Enter');
    await panel.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value.includes('What they mean: She needs the money back before the weekend'), null, { timeout: 5000 });
    check((await notes.inputValue()).includes('What they said: Order #55821'), 'the fact left the notes');
  }],
  ['a draft typed in the desk editor shows a gentle tip in the panel, dismissible for the ticket', async () => {
    await desk.locator('[data-pane-for="42"] .ck-editor__editable').click();
    await desk.keyboard.type('As I said, you should have read the email we sent you last week.');
    const tips = panel.getByRole('region', { name: 'Draft tips' });
    await tips.getByText(/This can read as blame/).waitFor({ timeout: 5000 });
    check((await tips.getByRole('listitem').count()) <= 2, 'more than two tips');
    await tips.getByRole('button', { name: /Dismiss tip for this ticket: Blaming/ }).click();
    await tips.getByText(/This can read as blame/).waitFor({ state: 'detached', timeout: 5000 });
    // The dismissal holds after a panel reload.
    await panel.reload();
    await panel.getByRole('heading', { name: 'Refund for order #1042 still missing' }).waitFor({ timeout: 10000 });
    await desk.keyboard.type(' As I said before, it is not our fault.');
    await panel.waitForTimeout(800);
    check(!(await panel.getByText(/This can read as blame/).isVisible()), 'a dismissed tip came back');
  }],
  ['"check back" stores a follow-up with the ticket and arms the alarm for it', async () => {
    await panel.getByRole('textbox', { name: 'Reason' }).fill('Did the refund reach her bank?');
    await panel.getByRole('button', { name: 'Check back in 2 hours' }).click();
    await panel.getByRole('status').filter({ hasText: 'I will remind you in 2 hours' }).waitFor({ timeout: 5000 });
    await panel.getByRole('list', { name: 'Follow-ups for this ticket' }).getByText('Did the refund reach her bank?').waitFor();
    const alarm = await until(() => h.worker.evaluate(() => chrome.alarms.get('followup-due')), (a) => !!a, 'no follow-up alarm');
    const inHours = (alarm!.scheduledTime - Date.now()) / 3_600_000;
    check(inHours > 1.9 && inHours <= 2, `alarm set ${inHours} h ahead`);
    check((await badge()) === '', 'badge shows a count before anything is due');
  }],
  ['when the alarm fires, the due follow-up notifies with the ticket and reason, and counts on the badge', async () => {
    // Bring it forward to two seconds from now, straight in the extension's IndexedDB, then post the
    // change signal the panel posts: the service worker re-arms its alarm, and the alarm does the rest.
    followupId = await panel.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('person-first');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('followups', 'readwrite');
      const store = tx.objectStore('followups');
      const all = await new Promise<any[]>((res) => {
        const r = store.getAll();
        r.onsuccess = () => res(r.result);
      });
      const f = all.find((x) => x.key === key && !x.done);
      f.dueAt = Date.now() + 2000;
      store.put(f);
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
      await chrome.storage.local.set({ followupsChangedAt: Date.now() });
      return f.id as string;
    }, KEY_42);
    await until(badge, (b) => b === '1', 'badge after the alarm', 15000);
    const ids = await notificationIds();
    check(ids.includes(`followup:${followupId}`), `notifications: ${ids.join(', ')}`);
    // Checking again (what the test hook runs) does not notify twice or count twice.
    await runDueCheck();
    check((await badge()) === '1', `badge after a second check: ${await badge()}`);
    await panel.reload();
    const row = panel.getByRole('list', { name: 'Follow-ups' }).getByRole('listitem').filter({ hasText: 'Did the refund reach her bank?' });
    await row.getByText(/^Due: /).waitFor({ timeout: 10000 });
  }],
  ['clicking the notification opens the ticket', async () => {
    await desk.evaluate(() => (window as any).__desk.open(43));
    await desk.waitForURL(/tickets\/43/);
    await clickNotification(`followup:${followupId}`);
    // Pages opened by the extension may load before page routing applies, so the tab, not the page, is checked.
    const ticketTabs = () => h.worker.evaluate(async (url) => (await chrome.tabs.query({})).filter((t) => (t.pendingUrl ?? t.url) === url).map((t) => ({ id: t.id!, active: t.active })), TICKET_42);
    const [tab] = await until(ticketTabs, (tabs) => tabs.length === 1, 'no tab with the ticket URL');
    check(tab!.active, 'the ticket tab was not brought to the front');
    await until(notificationIds, (ids) => !ids.includes(`followup:${followupId}`), 'the notification stayed after the click');
    await h.worker.evaluate((id) => chrome.tabs.remove(id), tab!.id);
  }],
  ['the reminder survives a browser restart, and "Done" in the panel clears it', async () => {
    await h.close({ keepProfile: true });
    await start();
    await until(badge, (b) => b === '1', 'badge after restart');
    await until(notificationIds, (ids) => ids.includes(`followup:${followupId}`), 'no notification after restart');
    const row = panel.getByRole('list', { name: 'Follow-ups' }).getByRole('listitem').filter({ hasText: 'Did the refund reach her bank?' });
    await row.getByRole('button', { name: 'Done' }).click();
    await until(badge, (b) => b === '', 'badge after done');
    await until(notificationIds, (ids) => !ids.includes(`followup:${followupId}`), 'notification after done');
    await row.waitFor({ state: 'detached', timeout: 5000 });
  }],
];
