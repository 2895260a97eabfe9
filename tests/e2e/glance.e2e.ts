// Issue #12: the panel at a glance, at the side panel's real width (360 × 800): readable type,
// every step in view, nothing moving under the pointer, one prompt at a time, a keyboard walk,
// and axe-core (injected into the page) finding no serious or critical problem, light and dark.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, ROOT, type Harness, zendeskTicket42 } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'glance';
const SUBJECT_42 = 'Refund for order #1042 still missing';
const SUBJECT_43 = 'Cannot log in after password reset';
const STEPS = ['Reset', 'Greet', 'Listen', 'Empathize', 'Apologize', 'Empower', 'Solve', 'Summarize', 'Follow through'];
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let h: Harness;
let desk: Page;
let panel: Page;

const phraseList = () => panel.getByRole('list', { name: 'Suggested phrases' });
const search = () => panel.getByRole('searchbox', { name: 'Search phrases' });
const stepBox = (title: string) => panel.getByRole('checkbox', { name: new RegExp(`^${title}`) });
const openTicket = async (id: number, subject: string) => {
  await desk.evaluate((i) => (window as any).__desk.open(i), id);
  await panel.getByRole('heading', { name: subject, exact: true }).waitFor({ timeout: 5000 });
};
const setSettings = (patch: Record<string, unknown>) =>
  h.worker.evaluate(async (p) => {
    const got = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(got.settings as object), ...p } });
  }, patch);
const phraseBoxes = () => phraseList().getByRole('button').evaluateAll((els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())));

/** Serious and critical axe-core violations on the page, one line each. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the extension's CSP (rightly) refuses an injected <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

export async function setup() {
  ({ h, desk, panel } = await zendeskTicket42());
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.getByRole('heading', { name: SUBJECT_42 }).waitFor({ timeout: 10000 });
  await phraseList().getByRole('button').first().waitFor({ timeout: 10000 });
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['body and phrase text are at least 13 px (Chromium\'s 75 % extension stylesheet does not shrink them)', async () => {
    const sizes = await panel.evaluate(() => {
      const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
      const all = [...document.querySelectorAll('main *')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()));
      return { body: px(document.body), phrase: px(document.querySelector('.phrase-text')), smallest: Math.min(...all.map(px)) };
    });
    check(sizes.body >= 14, `body text is ${sizes.body} px`);
    check(sizes.phrase >= 13, `phrase text is ${sizes.phrase} px`);
    check(sizes.smallest >= 13, `some text is ${sizes.smallest} px`);
  }],
  ['every checklist step is in view without scrolling, above the phrases', async () => {
    check((await panel.evaluate(() => window.scrollY)) === 0, 'the panel is scrolled');
    const viewport = panel.viewportSize()!;
    for (const t of STEPS) {
      const box = await stepBox(t).boundingBox();
      check(box && box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width, `${t} is out of view: ${JSON.stringify(box)}`);
    }
    const firstPhrase = await phraseList().getByRole('button').first().boundingBox();
    check(firstPhrase && firstPhrase.y < viewport.height, 'no phrase in view');
  }],
  ['a draft tip appearing moves no suggestion', async () => {
    const before = await phraseBoxes();
    await desk.locator('[data-pane-for="42"] .ck-editor__editable').click();
    await desk.keyboard.type('As I said, you should have read the email.');
    await panel.getByRole('region', { name: 'Draft tips' }).getByText(/This can read as blame/).waitFor({ timeout: 5000 });
    check(JSON.stringify(await phraseBoxes()) === JSON.stringify(before), 'the phrases moved when the tip appeared');
  }],
  ['one prompt at a time: the nudge takes the slot from the reset card, and the slot keeps its height', async () => {
    await setSettings({ resetCard: true });
    await openTicket(43, SUBJECT_43);
    const slot = panel.locator('.prompt-slot');
    await panel.getByRole('region', { name: 'Reset before this customer' }).waitFor({ timeout: 5000 });
    const height = (await slot.boundingBox())!.height;
    const phraseTop = (await phraseList().getByRole('button').first().boundingBox())!.y;
    await stepBox('Solve').check();
    const nudge = panel.getByRole('status').filter({ hasText: 'Before solving' });
    await nudge.waitFor();
    check((await slot.locator('.prompt').count()) === 1, 'more than one prompt in the slot');
    check((await panel.locator('.prompt').count()) === 1, 'a prompt outside the slot');
    check(!(await panel.getByRole('region', { name: 'Reset before this customer' }).count()), 'the reset card stayed beside the nudge');
    check((await slot.boundingBox())!.height === height, 'the prompt slot changed height');
    check((await phraseList().getByRole('button').first().boundingBox())!.y === phraseTop, 'the phrases moved when the nudge came');
    await nudge.getByRole('button', { name: 'Not now' }).click();
    await nudge.waitFor({ state: 'detached' });
    await stepBox('Solve').uncheck();
    await setSettings({ resetCard: false });
    await panel.getByRole('region', { name: 'Reset before this customer' }).waitFor({ state: 'detached', timeout: 5000 });
  }],
  ['keyboard: the phrase list is one tab stop with arrows inside, the stepper moves with arrows', async () => {
    await openTicket(42, SUBJECT_42);
    await search().focus();
    await panel.keyboard.press('Tab');
    const first = phraseList().getByRole('button').first();
    check(await first.evaluate((el) => el === document.activeElement), 'Tab from search did not reach the first phrase');
    await panel.keyboard.press('ArrowDown');
    check(await phraseList().getByRole('button').nth(1).evaluate((el) => el === document.activeElement), 'ArrowDown did not move to the second phrase');
    await panel.keyboard.press('Tab');
    check(!(await panel.evaluate(() => !!document.activeElement?.closest('[aria-label="Suggested phrases"]'))), 'Tab stayed inside the phrase list');
    await panel.keyboard.press('Shift+Tab');
    check(await phraseList().getByRole('button').nth(1).evaluate((el) => el === document.activeElement), 'Shift+Tab did not come back to the phrase last focused');
    // The stepper: one tab stop on the current step; arrows move and show that step's phrases.
    await stepBox('Empathize').focus();
    await panel.keyboard.press('ArrowRight');
    check(await stepBox('Apologize').evaluate((el) => el === document.activeElement), 'ArrowRight did not reach Apologize');
    await panel.getByRole('heading', { name: 'Apologize phrases' }).waitFor();
    const tabStops = await panel.evaluate(() => [...document.querySelectorAll('.stepper input')].filter((el) => (el as HTMLElement).tabIndex === 0).length);
    check(tabStops === 1, `the stepper has ${tabStops} tab stops`);
  }],
  ['Escape in search clears the query first; an insert clears it too', async () => {
    await search().fill('patience');
    await panel.getByRole('heading', { name: 'Matching phrases' }).waitFor();
    await search().press('Escape');
    check((await search().inputValue()) === '', 'Escape did not clear the query');
    check(await search().evaluate((el) => el === document.activeElement), 'the first Escape left the search');
    await search().fill('patience');
    await phraseList().getByRole('button').first().click();
    await panel.getByRole('status').filter({ hasText: /Inserted|Copied/ }).waitFor();
    check((await search().inputValue()) === '', 'the query stayed after an insert');
  }],
  ['axe-core: no serious or critical problem in the panel, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      const problems = await axeProblems(panel);
      check(problems.length === 0, `${scheme}: ${problems.join('; ')}`);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
  }],
  ['axe-core: no serious or critical problem in the options page, wide and narrow, light and dark', async () => {
    const options = await h.context.newPage();
    try {
      await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
      await options.getByRole('heading', { name: 'Phrase packs' }).waitFor();
      for (const size of [{ width: 1100, height: 800 }, { width: 360, height: 800 }]) {
        await options.setViewportSize(size);
        for (const scheme of ['light', 'dark'] as const) {
          await options.emulateMedia({ colorScheme: scheme });
          const problems = await axeProblems(options);
          check(problems.length === 0, `${size.width} px ${scheme}: ${problems.join('; ')}`);
        }
      }
    } finally {
      await options.close();
    }
  }],
  ['options: a waiting time of −5 is refused with a message, and the last good value stays', async () => {
    const options = await h.context.newPage();
    try {
      await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html#you`);
      const field = options.getByRole('spinbutton', { name: /a chat customer is waiting/ });
      await field.fill('-5');
      await field.press('Tab');
      await options.getByRole('alert').filter({ hasText: 'Use 10 seconds or more' }).waitFor();
      check((await field.getAttribute('aria-invalid')) === 'true', 'the field is not marked invalid');
      const stored = await h.worker.evaluate(async () => ((await chrome.storage.sync.get('settings')).settings as { waitingSeconds?: number } | undefined)?.waitingSeconds);
      check(stored === undefined || stored >= 10, `stored ${stored}`);
      check(!(await options.getByRole('status').filter({ hasText: 'Saved.' }).count()), 'said "Saved." for a refused value');
    } finally {
      await options.close();
    }
  }],
];
