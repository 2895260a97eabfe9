// `npm run screenshots` (builds first): writes docs/ screenshots of the panel at side-panel width (360 × 800), light and
// dark, one per state, plus the desk beside the panel for the README, and the Chrome Web Store's 1280 × 800 screenshots
// in docs/store/. `npm run screenshots -- store` makes only the store ones. Regenerated, never edited.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { activateTab, EXTENSION_ID, launch, openDesk, openPanelTab, ROOT, routeDesk, type Harness } from '../tests/e2e/harness';

const DOCS = join(ROOT, 'docs');
const STORE = join(DOCS, 'store');
/** The Chrome Web Store's screenshot size. */
const STORE_SIZE = { width: 1280, height: 800 };
const SIZE = { width: 360, height: 800 };
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const editorsBuild = join(ROOT, 'tests/e2e/fixtures/editors/build.mjs');
if (existsSync(editorsBuild)) execFileSync(process.execPath, [editorsBuild], { stdio: 'inherit', cwd: ROOT });
mkdirSync(STORE, { recursive: true });

const shot = async (page: Page, name: string, scheme: Scheme) => {
  const file = join(DOCS, `${name}-${scheme}.png`);
  writeFileSync(file, await page.screenshot());
  console.log(`screenshots: ${file}`);
};

const openTicket = async (desk: Page, panel: Page, id: number) => {
  await desk.evaluate((i) => (window as unknown as { __desk: { open(n: number): void } }).__desk.open(i), id);
  await panel.locator(`[data-ticket-id="${id}"]`).waitFor({ timeout: 10000 });
};

async function panelStates(h: Harness, scheme: Scheme) {
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
  const panel = await openPanelTab(h, desk);
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.setViewportSize(SIZE);
  await panel.getByRole('list', { name: 'Suggested phrases' }).waitFor({ timeout: 10000 });
  await panel.getByRole('listitem').filter({ hasText: 'Frustrated' }).waitFor({ timeout: 10000 });
  await shot(panel, 'panel-frustrated', scheme);

  const search = panel.getByRole('searchbox', { name: 'Search phrases' });
  await search.fill('sorry wait');
  await panel.getByRole('heading', { name: 'Matching phrases' }).waitFor();
  await shot(panel, 'panel-search', scheme);
  await search.press('Escape');

  await openTicket(desk, panel, 43);
  await panel.getByRole('checkbox', { name: /^Solve/ }).check();
  await panel.getByRole('status').filter({ hasText: 'Before solving' }).waitFor();
  await shot(panel, 'panel-nudge', scheme);

  await openTicket(desk, panel, 42);
  await panel.getByRole('button', { name: 'Show Summarize phrases' }).click();
  await panel.getByRole('textbox', { name: 'Reason' }).fill('Did the refund reach her bank?');
  await panel.getByRole('button', { name: 'Check back tomorrow' }).click();
  await panel.getByRole('status').filter({ hasText: 'I will remind you' }).waitFor();
  await panel.locator('.save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 10000 });
  await panel.evaluate(() => document.getElementById('check-back-title')?.scrollIntoView({ block: 'start' }));
  await shot(panel, 'panel-follow-ups', scheme);
  await panel.close();
  await desk.close();
}

async function optionsForLeads(h: Harness, scheme: Scheme) {
  const options = await h.context.newPage();
  await options.emulateMedia({ colorScheme: scheme });
  await options.setViewportSize(SIZE);
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html#for-leads`);
  await options.getByRole('heading', { name: 'Phrase packs' }).waitFor();
  await options.evaluate(() => document.getElementById('for-leads')?.scrollIntoView({ block: 'start' }));
  await shot(options, 'options-leads', scheme);
  await options.setViewportSize({ width: 1100, height: 800 });
  await options.evaluate(() => document.getElementById('for-leads')?.scrollIntoView({ block: 'start' }));
  await shot(options, 'options-leads-wide', scheme);
  await options.close();
}

/** The desk and the panel side by side, as the agent sees them, with a draft tip showing. */
async function beside(h: Harness, scheme: Scheme) {
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.setViewportSize({ width: 1000, height: 800 });
  await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
  const panel = await openPanelTab(h, desk);
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.setViewportSize(SIZE);
  await panel.getByRole('list', { name: 'Suggested phrases' }).waitFor({ timeout: 10000 });
  await activateTab(h, desk);
  await desk.locator('[data-pane-for="42"] .ck-editor__editable').click();
  await desk.keyboard.type('As I said, you should have received it by now.');
  await panel.getByRole('region', { name: 'Draft tips' }).waitFor({ timeout: 10000 });
  const deskShot = await desk.screenshot();
  const panelShot = await panel.screenshot();
  const composer = await h.context.newPage();
  await composer.setViewportSize({ width: 1361, height: 800 });
  await composer.setContent(`<body style="margin:0;display:flex;background:#888">
    <img src="data:image/png;base64,${deskShot.toString('base64')}" width="1000" height="800">
    <img src="data:image/png;base64,${panelShot.toString('base64')}" width="360" height="800" style="border-left:1px solid #666">
  </body>`);
  await shot(composer, 'desk-and-panel', scheme);
  await composer.close();
  await panel.close();
  await desk.close();
}

/** Places a desk shot and a panel shot side by side at the store's size (desk 919 px, a 1 px rule, panel 360 px). */
async function storeShot(h: Harness, name: string, deskShot: Buffer, panelShot: Buffer) {
  const composer = await h.context.newPage();
  await composer.setViewportSize(STORE_SIZE);
  await composer.setContent(`<body style="margin:0;display:flex;background:#888">
    <img src="data:image/png;base64,${deskShot.toString('base64')}" width="919" height="800">
    <img src="data:image/png;base64,${panelShot.toString('base64')}" width="360" height="800" style="border-left:1px solid #666">
  </body>`);
  const file = join(STORE, `${name}.png`);
  writeFileSync(file, await composer.screenshot());
  console.log(`screenshots: ${file}`);
  await composer.close();
}

/** The Chrome Web Store's screenshots, 1280 × 800, light: the desk with the panel in three states, and the options page. */
async function storeShots(h: Harness) {
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.setViewportSize({ width: 919, height: 800 });
  await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
  const panel = await openPanelTab(h, desk);
  await panel.setViewportSize(SIZE);
  await panel.getByRole('list', { name: 'Suggested phrases' }).waitFor({ timeout: 10000 });
  await panel.getByRole('listitem').filter({ hasText: 'Frustrated' }).waitFor({ timeout: 10000 });
  await storeShot(h, '1-frustrated-customer', await desk.screenshot(), await panel.screenshot());

  await activateTab(h, desk);
  await desk.locator('[data-pane-for="42"] .ck-editor__editable').click();
  await desk.keyboard.type('As I said, you should have received it by now.');
  await panel.getByRole('region', { name: 'Draft tips' }).waitFor({ timeout: 10000 });
  await storeShot(h, '2-draft-tips', await desk.screenshot(), await panel.screenshot());

  const search = panel.getByRole('searchbox', { name: 'Search phrases' });
  await search.fill('sorry wait');
  await panel.getByRole('heading', { name: 'Matching phrases' }).waitFor();
  await storeShot(h, '3-phrase-search', await desk.screenshot(), await panel.screenshot());
  await panel.close();
  await desk.close();

  const options = await h.context.newPage();
  await options.setViewportSize(STORE_SIZE);
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html#for-leads`);
  await options.getByRole('heading', { name: 'Phrase packs' }).waitFor();
  await options.evaluate(() => document.getElementById('for-leads')?.scrollIntoView({ block: 'start' }));
  const file = join(STORE, '4-options-for-leads.png');
  writeFileSync(file, await options.screenshot());
  console.log(`screenshots: ${file}`);
  await options.close();
}

const storeOnly = process.argv.includes('store');
for (const scheme of storeOnly ? (['light'] as const) : SCHEMES) {
  const h = await launch();
  try {
    await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
    if (scheme === 'light') await storeShots(h);
    if (storeOnly) continue;
    await beside(h, scheme);
    await panelStates(h, scheme);
    await optionsForLeads(h, scheme);
  } finally {
    await h.close();
  }
}
