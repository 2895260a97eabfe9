// Issue #14, selector fixes without a release: Zendesk renames its subject field, the panel shows the
// health line; a lead imports a pack that fixes the selector, sees what it changes before it applies,
// and the open desk tab reads with the fix at once, without a reload. A hostile fix is refused.
// "Test on the open tab" outlines what each selector matched on the desk page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, type Harness, zendeskTicket42 } from './harness';
import { axeProblems } from './glance.e2e';
import { check, until, type E2ETest } from './runner';

export const file = 'desk-overrides';
const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/src/options/index.html`;
const SUBJECT = 'Refund for order #1042 still missing';
const FIXED_SUBJECT = 'input[data-test-id="omni-header-subject-v2"]';

let h: Harness;
let desk: Page;
let panel: Page;
let options: Page;
let server: Server | undefined;

const pack = (id: string, subject: string) => JSON.stringify({
  schema: 1, id, name: 'ACME desk fixes', version: '1.0.0', locale: 'en', phrases: [],
  desks: [{ extends: 'zendesk', selectors: { subject } }],
});

async function importPack(name: string, body: string) {
  await options.getByLabel('Import pack').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
}

const healthLine = () => panel.getByText("This desk's page changed: subject not found.");
const zendeskHealthRow = () => options.getByRole('table', { name: 'Last read on each desk' }).getByRole('row').filter({ hasText: 'Zendesk' });

export async function setup() {
  ({ h, desk, panel } = await zendeskTicket42());
}

export async function teardown() {
  server?.close();
  await h?.close();
}

/** A pack server with CORS headers, as a lead would host a team pack. */
function serve(body: string): Promise<string> {
  server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(req.method === 'HEAD' ? undefined : body);
  });
  server.unref();
  return new Promise((resolve) => server!.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/fixes.json`)));
}

export const tests: E2ETest[] = [
  ['a Zendesk page whose subject markup changed shows the health line', async () => {
    await panel.getByRole('heading', { name: SUBJECT, exact: true }).waitFor({ timeout: 10000 });
    // Zendesk re-renders the subject under a new test id: the built-in selectors find nothing.
    await desk.evaluate(() => {
      (window as unknown as { __notReloaded: boolean }).__notReloaded = true;
      document.querySelectorAll<HTMLInputElement>('input[data-test-id="omni-header-subject"]').forEach((old) => {
        const renamed = old.cloneNode(true) as HTMLInputElement;
        renamed.setAttribute('data-test-id', 'omni-header-subject-v2');
        renamed.value = old.value;
        old.replaceWith(renamed);
      });
    });
    await healthLine().waitFor({ timeout: 5000 });
  }],
  ['a fix with a selector the browser cannot parse is refused, saying why', async () => {
    options = await h.context.newPage();
    await options.goto(`${OPTIONS_URL}#desks`);
    await importPack('hostile.json', pack('acme-desk-fixes', 'input >> [data-test-id]'));
    const alert = options.getByRole('alert').filter({ hasText: 'hostile.json' });
    await alert.waitFor({ timeout: 5000 });
    const text = await alert.textContent();
    check(text?.includes('was not imported; your packs are unchanged'), `alert: ${text}`);
    check(text?.includes('/desks/0/selectors/subject: The "subject" selector "input >> [data-test-id]" cannot be used: it is not a CSS selector the browser understands.'), `alert: ${text}`);
    check(!(await options.getByRole('group', { name: /Before importing/ }).count()), 'a refused pack was offered for import');
  }],
  ['a pack with a fix shows what it changes before anything applies', async () => {
    await importPack('acme-fixes.json', pack('acme-desk-fixes', FIXED_SUBJECT));
    const preview = options.getByRole('group', { name: 'Before importing ACME desk fixes' });
    await preview.getByText('Changes how Person First reads Zendesk: subject', { exact: true }).waitFor({ timeout: 5000 });
    await preview.getByText(`Zendesk subject: ${FIXED_SUBJECT}`).waitFor({ state: 'attached' });
    // Nothing is installed or applied while the lead reads it.
    const stored = await h.worker.evaluate(() => chrome.storage.local.get(['packs', 'deskOverrides']));
    check(!(stored.packs as { pack: { id: string } }[]).some((p) => p.pack.id === 'acme-desk-fixes'), 'the pack was installed before the lead chose');
    check(!stored.deskOverrides || !Object.keys(stored.deskOverrides as object).length, `fixes ran before the lead chose: ${JSON.stringify(stored.deskOverrides)}`);
    check(await healthLine().isVisible(), 'the health line went away before the fix was applied');
    const problems = await axeProblems(options);
    check(problems.length === 0, `axe, options with the preview: ${problems.join('; ')}`);
  }],
  ['applying it fixes the open desk without a reload, and the health view confirms it', async () => {
    await options.getByRole('button', { name: 'Import and apply the fixes' }).click();
    await options.getByText(/Imported “ACME desk fixes” 1\.0\.0 from acme-fixes\.json\. Its desk fixes apply now/).waitFor({ timeout: 5000 });
    await panel.getByRole('heading', { name: SUBJECT, exact: true }).waitFor({ timeout: 10000 });
    await healthLine().waitFor({ state: 'detached', timeout: 5000 });
    check(await desk.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true), 'the desk page was reloaded');
    const row = zendeskHealthRow();
    await row.getByRole('cell', { name: 'nothing', exact: true }).waitFor({ timeout: 10000 });
    const cells = await row.getByRole('cell').allTextContents();
    check(cells[2]?.split(', ').includes('subject'), `found: ${cells[2]}`);
    const fixes = options.getByRole('table', { name: 'Desk fixes from your phrase packs' }).getByRole('row').filter({ hasText: 'ACME desk fixes' });
    await fixes.getByRole('cell', { name: 'Applied', exact: true }).waitFor({ timeout: 5000 });
  }],
  ['Test on the open tab outlines what each selector matched and reports each part', async () => {
    await zendeskHealthRow().getByRole('button', { name: 'Test Zendesk on the open tab' }).click();
    const report = options.getByRole('table', { name: 'What each Zendesk selector found' });
    await report.waitFor({ timeout: 10000 });
    const rowOf = async (part: string) => report.getByRole('row').filter({ has: options.getByRole('cell', { name: part, exact: true }) }).getByRole('cell').allTextContents();
    const subject = await rowOf('subject');
    check(subject[1] === FIXED_SUBJECT && subject[2] === `found: “${SUBJECT}”`, `subject: ${subject.join(' | ')}`);
    const name = await rowOf('customer name');
    check(name[2] === 'found: “Maria Garcia”', `customer name: ${name.join(' | ')}`);
    const editor = await rowOf('reply box');
    check(editor[2]?.startsWith('found'), `reply box: ${editor.join(' | ')}`);
    const outline = await desk.locator('[data-pane-for="42"] input[data-test-id="omni-header-subject-v2"]').evaluate((el) => getComputedStyle(el).outlineStyle);
    check(outline === 'solid', `the subject is not outlined on the desk page: ${outline}`);
    const problems = await axeProblems(options);
    check(problems.length === 0, `axe, options with the fixes and the test report: ${problems.join('; ')}`);
    // A part the page no longer shows is reported missing.
    await desk.evaluate(() => document.querySelectorAll('[data-pane-for="42"] [data-garden-id="typography.ellipsis"]').forEach((e) => e.remove()));
    await zendeskHealthRow().getByRole('button', { name: 'Test Zendesk on the open tab' }).click();
    await until(() => rowOf('customer name'), (cells) => cells[2] === 'missing', 'customer name reported missing');
  }],
  ['stopping the fix gives the desk its own selectors back, again without a reload', async () => {
    await options.getByRole('button', { name: 'Stop fixes from ACME desk fixes' }).click();
    await panel.getByText(/This desk's page changed: subject/).waitFor({ timeout: 5000 });
    const fixes = options.getByRole('table', { name: 'Desk fixes from your phrase packs' }).getByRole('row').filter({ hasText: 'ACME desk fixes' });
    await fixes.getByRole('cell', { name: 'Waiting for you', exact: true }).waitFor({ timeout: 5000 });
    check(await desk.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded === true), 'the desk page was reloaded');
  }],
  ["a subscribed pack's fix waits in Help desks until the lead applies it", async () => {
    const body = JSON.stringify({ schema: 1, id: 'acme-sub-fixes', name: 'ACME subscription fixes', version: '1.0.0', locale: 'en', phrases: [],
      desks: [{ extends: 'zendesk', selectors: { subject: 'input[aria-label="Subject"]' } }] });
    const url = await serve(body);
    await options.getByLabel('Pack URL').fill(url);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const packRow = options.locator('tr[data-pack-id="acme-sub-fixes"]');
    await packRow.getByText('Changes how Person First reads Zendesk: subject.').waitFor({ timeout: 15000 });
    await packRow.getByRole('link', { name: 'Waiting for you under Help desks.' }).waitFor();
    const fixes = options.getByRole('table', { name: 'Desk fixes from your phrase packs' }).getByRole('row').filter({ hasText: 'ACME subscription fixes' });
    await fixes.getByRole('cell', { name: 'Waiting for you', exact: true }).waitFor({ timeout: 5000 });
    check(await panel.getByText(/This desk's page changed: subject/).isVisible(), 'a subscribed fix applied before the lead applied it');
    await options.getByRole('button', { name: 'Apply fixes from ACME subscription fixes' }).click();
    await panel.getByRole('heading', { name: SUBJECT, exact: true }).waitFor({ timeout: 10000 });
    await fixes.getByRole('cell', { name: 'Applied', exact: true }).waitFor({ timeout: 5000 });
    await packRow.getByText(/Applied\./).waitFor();
  }],
];
