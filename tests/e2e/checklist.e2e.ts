// Issue #4: the checklist and phrases in the panel, driven by role and name as an agent would.
import type { Page } from 'playwright-core';
import { type Harness, zendeskTicket42 } from './harness';
import { expect } from '@playwright/test';
import { check, type E2ETest } from './runner';

export const file = 'checklist';
let h: Harness;
let desk: Page;
let panel: Page;

/** Resolves once the panel has run everything the last event queued (Preact renders in a microtask). */
const settled = () => panel.evaluate(() => new Promise<void>((r) => setTimeout(r, 0)));
const editorData = (id: number) => desk.evaluate((i) => (window as any).__fixtureEditors[`editor-${i}`].getData() as string, id);
/** Waits until the editor's data holds `text` (the panel's notice may still be the last insert's). */
const editorHas = (id: number, text: string) =>
  desk.waitForFunction(([i, t]) => ((window as any).__fixtureEditors[`editor-${i}`].getData() as string).includes(t), [id, text] as const, { timeout: 10000 }).catch(() => undefined);
const stepBox = (title: string) => panel.getByRole('checkbox', { name: new RegExp(`^${title}`) });
const openTicket = async (id: number, subject: string) => {
  await desk.evaluate((i) => (window as any).__desk.open(i), id);
  await panel.getByRole('heading', { name: subject, exact: true }).waitFor({ timeout: 5000 });
};

export async function setup() {
  ({ h, desk, panel } = await zendeskTicket42());
  await panel.getByRole('heading', { name: 'Refund for order #1042 still missing' }).waitFor({ timeout: 10000 });
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['shows the nine steps as checkboxes named by their titles', async () => {
    for (const t of ['Reset', 'Greet', 'Listen', 'Empathize', 'Apologize', 'Empower', 'Solve', 'Summarize', 'Follow through']) {
      await stepBox(t).waitFor();
    }
  }],
  ['a greeting personalised for Maria lands in the real CKEditor 5 data and ticks Greet', async () => {
    // Maria's message is frustrated, so the panel raises Empathize (issue #7): Greet is one click away.
    await panel.getByRole('button', { name: 'Show Greet phrases' }).click();
    const greeting = panel.getByRole('button', { name: /Hi Maria, thanks for getting in touch/ });
    await greeting.click();
    await panel.getByText('Inserted into the reply.').waitFor();
    const data = await editorData(42);
    check(data.includes('Hi Maria, thanks for getting in touch'), `editor data: ${data}`);
    check(await stepBox('Greet').isChecked(), 'Greet was not ticked by inserting its phrase');
  }],
  ['progress survives a panel reload and a ticket switch', async () => {
    await stepBox('Listen').check();
    await panel.reload();
    await stepBox('Greet').waitFor();
    await panel.waitForFunction(() => (document.querySelector('input[type=checkbox]:checked') !== null));
    check(await stepBox('Greet').isChecked() && await stepBox('Listen').isChecked(), 'progress lost on reload');
    await openTicket(43, 'Cannot log in after password reset');
    check(!(await stepBox('Greet').isChecked()), 'ticket 43 shows ticket 42\'s progress');
    await openTicket(42, 'Refund for order #1042 still missing');
    await panel.waitForFunction(() => document.querySelectorAll('input[type=checkbox]:checked').length >= 2);
    check(await stepBox('Greet').isChecked(), 'progress of 42 lost after switching back');
  }],
  ['solving before any person step brings a gentle nudge that can be dismissed for good', async () => {
    await openTicket(43, 'Cannot log in after password reset');
    await stepBox('Solve').check();
    const nudge = panel.getByRole('status').filter({ hasText: 'Before solving' });
    await nudge.waitFor();
    check(await stepBox('Solve').isChecked(), 'the nudge blocked ticking Solve');
    check((await nudge.getByRole('button').count()) >= 2, 'the nudge offers no empathy phrase');
    await nudge.getByRole('button', { name: 'Not now' }).click();
    await nudge.waitFor({ state: 'detached' });
    await stepBox('Solve').uncheck();
    await stepBox('Solve').check();
    await settled();
    check(!(await nudge.isVisible()), 'the nudge came back after being dismissed');
  }],
  ['the nudge closes once an empathy step is done, and never shows when one already is', async () => {
    await openTicket(44, '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>');
    await stepBox('Solve').check();
    const nudge = panel.getByRole('status').filter({ hasText: 'Before solving' });
    await nudge.waitFor();
    await stepBox('Empathize').check();
    await nudge.waitFor({ state: 'detached' });
    await openTicket(42, 'Refund for order #1042 still missing');
    await expect(stepBox('Listen')).toBeChecked();
    await stepBox('Solve').check();
    await settled();
    check(!(await nudge.isVisible()), 'nudged although Listen was done on this ticket');
  }],
  ['works from the keyboard: typo-tolerant search, arrows, Enter inserts', async () => {
    const search = panel.getByRole('searchbox', { name: 'Search phrases' });
    await search.focus();
    await panel.keyboard.type('patiense');
    const first = panel.getByRole('list', { name: 'Suggested phrases' }).getByRole('button').first();
    await first.waitFor();
    check(/patience/i.test((await first.textContent()) ?? ''), `first result: ${await first.textContent()}`);
    await panel.keyboard.press('ArrowDown');
    check(await first.evaluate((el) => el === document.activeElement), 'ArrowDown did not move to the first phrase');
    const text = (await first.locator('.phrase-text').textContent())!;
    await panel.keyboard.press('Enter');
    await editorHas(42, text.slice(0, 20));
    const data = await editorData(42);
    check(data.includes(text.slice(0, 20)), `expected ${text} in ${data}`);
  }],
  ['asks for a value the ticket does not have before inserting, and never inserts braces', async () => {
    const search = panel.getByRole('searchbox', { name: 'Search phrases' });
    await search.fill('checking order');
    await panel.getByRole('button', { name: /checking order \[Order number\]/ }).click();
    const field = panel.getByRole('textbox', { name: 'Order number' });
    await field.waitFor();
    await field.fill('A-1042');
    await panel.getByRole('button', { name: 'Insert', exact: true }).click();
    await editorHas(42, 'checking order A-1042 now');
    const data = await editorData(42);
    check(data.includes('checking order A-1042 now') && !data.includes('{{'), `editor data: ${data}`);
  }],
];
