// Issue #4: text chosen in the panel lands in Zendesk's real CKEditor 5 model, where the agent
// was typing, while the panel (not the desk) has focus; Ctrl+Z takes it back out.
import type { Page } from 'playwright-core';
import { activateTab, launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'zendesk-insert';
let h: Harness;
let desk: Page;
let panel: Page;

const editorData = () => desk.evaluate(() => (window as any).__fixtureEditors['editor-42'].getData() as string);

async function insertFromPanel(text: string) {
  return panel.evaluate(async (t) => {
    const [tab] = await chrome.tabs.query({ url: 'https://acme.zendesk.com/*' });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'editor/insert', text: t });
  }, text);
}

export async function setup() {
  h = await launch();
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['inserts at the caret into the CKEditor 5 model while the panel has focus', async () => {
    const editable = desk.locator('[data-pane-for="42"] .ck-editor__editable');
    await editable.click();
    await desk.keyboard.type('Hello there');
    for (let i = 0; i < 'there'.length; i++) await desk.keyboard.press('ArrowLeft');
    panel = await openPanelTab(h, desk);
    await panel.bringToFront();
    const result = await insertFromPanel('Hi Maria, thanks for waiting. ');
    check((result as { ok: boolean }).ok, `insert failed: ${JSON.stringify(result)}`);
    const data = await editorData();
    check(data.includes('Hello Hi Maria, thanks for waiting. there'), `editor data was ${data}`);
  }],
  ['Ctrl+Z in the desk removes the inserted text and keeps what the agent typed', async () => {
    await activateTab(h, desk);
    await desk.bringToFront();
    await desk.locator('[data-pane-for="42"] .ck-editor__editable').focus();
    await desk.keyboard.press('Control+z');
    const data = await editorData();
    check(!data.includes('Hi Maria') && data.includes('Hello'), `after undo the editor data was ${data}`);
  }],
  ['falls back with a reason when the page has no reply box', async () => {
    await desk.evaluate(() => document.querySelectorAll('.ck-editor, [data-fixture-editor]').forEach((e) => e.remove()));
    await activateTab(h, panel);
    const result = (await insertFromPanel('Hi')) as { ok: boolean; reason?: string };
    check(!result.ok && /reply box/i.test(result.reason ?? ''), `expected a clear failure, got ${JSON.stringify(result)}`);
  }],
];
