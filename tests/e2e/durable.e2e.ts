// Issue #17: every panel write survives the page going away at once. Each test clicks and reloads
// the panel in the same task (the harshest case: nothing of the page runs after the click), again
// and again, then reads what IndexedDB kept.
import type { Locator, Page } from 'playwright-core';
import { type Harness, zendeskTicket42 } from './harness';
import { expect } from '@playwright/test';
import { check, type E2ETest } from './runner';

export const file = 'durable';
const KEY_42 = 'zendesk:acme.zendesk.com:42';
const SUBJECT_42 = 'Refund for order #1042 still missing';
const ROUNDS = 10;

let h: Harness;
let desk: Page;
let panel: Page;

type DbOp = { op: 'get'; store: string; key: string } | { op: 'count'; store: string } | { op: 'delete'; store: string; key: string } | { op: 'all'; store: string };

/** One read or reset on the extension's database, from the panel page (the test's, not the panel's code). */
function inDb<T>(op: DbOp): Promise<T> {
  return panel.evaluate(async (o) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open('person-first');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    try {
      const tx = db.transaction(o.store, o.op === 'delete' ? 'readwrite' : 'readonly');
      const store = tx.objectStore(o.store);
      const req = o.op === 'get' ? store.get(o.key) : o.op === 'count' ? store.count() : o.op === 'all' ? store.getAll() : store.delete(o.key);
      const result = await new Promise((res, rej) => {
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      await new Promise((res) => (tx.oncomplete = res));
      return result as T;
    } finally {
      db.close();
    }
  }, op);
}

const readRecord = <T>(store: string, key: string) => inDb<T | undefined>({ op: 'get', store, key });
const countRecords = (store: string) => inDb<number>({ op: 'count', store });
const forgetProgress = (key: string) => inDb<void>({ op: 'delete', store: 'progress', key });

interface Progress {
  done: string[];
  nudgeDismissed?: boolean;
  dismissedTips?: string[];
}

/** Clicks `target` and reloads the panel in the same task, then waits for the panel to be usable again. */
async function clickThenReload(target: Locator): Promise<void> {
  // Found and clicked in one page task: a handle taken earlier could point at a node the panel
  // has since re-rendered, and a click on a detached node does nothing.
  await target.evaluate((el) => {
    if (!el.isConnected) throw new Error('target detached');
    (el as HTMLElement).click();
    location.reload();
  }).catch((err: Error) => {
    if (/target detached/.test(err.message)) throw err;
    // Otherwise the page is gone before the evaluation could answer, as intended.
  });
  await ready();
}

async function ready(): Promise<void> {
  await panel.waitForLoadState('domcontentloaded');
  await panel.getByRole('heading', { name: SUBJECT_42 }).waitFor({ timeout: 15000 });
  // The ticket paints before the write queue is open; until then the panel is inert. A real click
  // cannot reach an inert control, but the programmatic click below could, so wait it out.
  await panel.locator('main.panel:not([inert])').waitFor({ timeout: 15000 });
}

const stepBox = (title: string) => panel.getByRole('checkbox', { name: new RegExp(`^${title}`) });

export async function setup() {
  ({ h, desk, panel } = await zendeskTicket42());
  await ready();
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  [`a checklist tick survives a reload in the same task as the click, ${ROUNDS} of ${ROUNDS}`, async () => {
    let kept = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const want = i % 2 === 0;
      await stepBox('Listen').waitFor();
      await clickThenReload(stepBox('Listen'));
      const stored = await readRecord<Progress>('progress', KEY_42);
      if ((stored?.done.includes('listen') ?? false) === want) kept++;
      else break;
      await expect(stepBox('Listen')).toBeChecked({ checked: want });
    }
    check(kept === ROUNDS, `ticks kept: ${kept} of ${ROUNDS}`);
  }],
  [`a nudge dismissed survives a reload in the same task as the click, ${ROUNDS} of ${ROUNDS}`, async () => {
    let kept = 0;
    for (let i = 0; i < ROUNDS; i++) {
      await forgetProgress(KEY_42);
      await panel.reload();
      await ready();
      await stepBox('Solve').check();
      const nudge = panel.getByRole('status').filter({ hasText: 'Before solving' });
      await nudge.waitFor();
      await clickThenReload(nudge.getByRole('button', { name: 'Not now' }));
      if ((await readRecord<Progress>('progress', KEY_42))?.nudgeDismissed) kept++;
      else break;
    }
    check(kept === ROUNDS, `dismissals kept: ${kept} of ${ROUNDS}`);
  }],
  [`a draft tip dismissed survives a reload in the same task as the click, ${ROUNDS} of ${ROUNDS}`, async () => {
    await desk.locator('[data-pane-for="42"] .ck-editor__editable').click();
    await desk.keyboard.type('As I said, you should have read the email.');
    const tips = panel.getByRole('region', { name: 'Draft tips' });
    let kept = 0;
    for (let i = 0; i < ROUNDS; i++) {
      await forgetProgress(KEY_42);
      await panel.reload();
      await ready();
      await desk.bringToFront();
      await desk.keyboard.type(` ${i}`);
      const dismiss = tips.getByRole('button', { name: /Dismiss tip for this ticket: Blaming/ });
      await dismiss.waitFor({ timeout: 10000 });
      await clickThenReload(dismiss);
      if ((await readRecord<Progress>('progress', KEY_42))?.dismissedTips?.includes('blame')) kept++;
      else break;
    }
    check(kept === ROUNDS, `tip dismissals kept: ${kept} of ${ROUNDS}`);
  }],
  [`a phrase insertion is counted even when the panel reloads as it says so, ${ROUNDS} of ${ROUNDS}`, async () => {
    const countOf = async () => (await inDb<{ count: number }[]>({ op: 'all', store: 'usage' })).reduce((n, u) => n + u.count, 0);
    const before = await countOf();
    const search = panel.getByRole('searchbox', { name: 'Search phrases' });
    for (let i = 0; i < ROUNDS; i++) {
      await search.fill('thanks for getting in touch');
      await panel.getByRole('list', { name: 'Suggested phrases' }).getByRole('button', { name: /Hi Maria, thanks for getting in touch/ }).first().click();
      await panel.getByText('Inserted into the reply.').waitFor();
      await panel.reload();
      await ready();
    }
    check((await countOf()) === before + ROUNDS, `usage counted ${(await countOf()) - before} of ${ROUNDS}`);
  }],
  ['a follow-up and a story saved as the panel reloads are both kept, 5 of 5 each', async () => {
    const followupsBefore = await countRecords('followups');
    for (let i = 0; i < 5; i++) {
      await panel.getByRole('button', { name: 'Show Summarize phrases' }).click();
      await clickThenReload(panel.getByRole('button', { name: 'Check back in 2 hours' }));
    }
    check((await countRecords('followups')) === followupsBefore + 5, `follow-ups kept: ${(await countRecords('followups')) - followupsBefore} of 5`);
    const storiesBefore = await countRecords('stories');
    for (let i = 0; i < 5; i++) {
      await panel.getByRole('button', { name: 'Mark this ticket as a story' }).click();
      const form = panel.getByRole('form', { name: 'Share this story' });
      await form.getByRole('textbox', { name: 'What happened' }).fill(`Story ${i}`);
      await clickThenReload(form.getByRole('button', { name: 'Save story' }));
    }
    check((await countRecords('stories')) === storiesBefore + 5, `stories kept: ${(await countRecords('stories')) - storiesBefore} of 5`);
  }],
];
