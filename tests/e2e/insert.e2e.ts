// Issue #4, "Inserting into real editors": insertText + focus memory against real editors from npm
// (CKEditor 5, ProseMirror, Quill, Lexical) and native editables, in real headless Chromium.
// The agent types, focus moves away (standing in for the side panel), the text is inserted where
// the caret was, lands in the editor's own model as two lines, and Ctrl+Z takes it back out.
// The modules run in an isolated world (CDP worldName), as a content script does: they cannot touch
// the editors' JS objects, only the shared DOM. The page world only reads the models for checks.
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from './chromium-path';
import { check, type E2ETest } from './runner';

export const file = 'insert';

const ROOT = resolve(import.meta.dirname, '../..');
const EDITORS = join(ROOT, 'tests/e2e/fixtures/editors');
const ORIGIN = 'https://fixtures.test';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const PHRASE = 'Hi Maria, thanks for waiting.\nSecond line';
const BEFORE = 'Hello world';
const AFTER = 'Hello Hi Maria, thanks for waiting.\nSecond lineworld';
// History plugins merge edits made within their grouping delay (Quill and Lexical 1000 ms,
// ProseMirror 500 ms): without this pause Quill's Ctrl+Z takes "Hello world" out with the phrase,
// which no DOM event can prevent. An agent spends longer than that in the panel picking a phrase.
const PANEL_PAUSE_MS = 1100;

const WORLD = 'person-first-content';

let browser: Browser;
let contentScript = '';
/** Stands in for the side panel: it takes focus from the desk page, as the real panel does. */
let panel: Page;
let context: BrowserContext;

type Result = { ok: true; method: string } | { ok: false; reason: string };

interface EditorCase {
  name: string;
  /** Where the agent clicks and types. */
  editable: string;
  /** Frame holding the editable (the iframe fixture). */
  frame?: string;
  /** The editor's own text, one line per paragraph: its model, or the field's value. */
  text(page: Page): Promise<string>;
  /** Extra model checks (e.g. getData() holds two paragraphs). */
  data?(page: Page): Promise<void>;
}

const modelText = (page: Page) => page.evaluate(() => (window as unknown as { __fixtureEditors: Record<string, { getText(): string }> }).__fixtureEditors.editor!.getText());
const modelData = (page: Page) => page.evaluate(() => (window as unknown as { __fixtureEditors: Record<string, { getData(): string }> }).__fixtureEditors.editor!.getData());
/** The two lines are two paragraphs, or one paragraph with a line break (CKEditor reads a single "\n" in pasted text as a soft break). */
const twoLines = async (page: Page) => {
  // Quill's getSemanticHTML spells every space as &nbsp;.
  const html = (await modelData(page)).replace(/&nbsp;/g, ' ');
  const paragraphs = html.match(/<p[\s>]/g)?.length ?? 0;
  const breaks = html.match(/<br/g)?.length ?? 0;
  check(paragraphs + breaks === 2, `expected two paragraphs or a line break in getData(), got: ${html}`);
  check(!html.includes('&lt;') && html.includes('Hi Maria, thanks for waiting.'), `getData() lacks the text: ${html}`);
};
const innerText = (sel: string, frame?: string) => async (page: Page) => {
  const scope: Page | Frame = frame ? (await (await page.$(frame))!.contentFrame())! : page;
  return scope.$eval(sel, (el) => (el as HTMLElement).innerText);
};

const CASES: EditorCase[] = [
  { name: 'ckeditor', editable: '.ck-editor__editable', text: modelText, data: twoLines },
  { name: 'prosemirror', editable: '.ProseMirror', text: modelText, data: twoLines },
  { name: 'quill', editable: '.ql-editor', text: modelText, data: twoLines },
  { name: 'lexical', editable: '#editor', text: modelText, data: twoLines },
  { name: 'textarea', editable: '#editor', text: (p) => p.$eval('#editor', (el) => (el as HTMLTextAreaElement).value) },
  { name: 'contenteditable', editable: '#editor', text: innerText('#editor') },
  { name: 'shadow', editable: '#host textarea', text: (p) => p.evaluate(() => document.querySelector('#host')!.shadowRoot!.querySelector('textarea')!.value) },
  { name: 'iframe', editable: '#editor', frame: '#frame', text: innerText('#editor', '#frame') },
];

/** Line-level comparison that ignores how each editor spells spaces (nbsp) and trailing newlines. */
const norm = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\n+$/, '').split('\n').map((l) => l.trimEnd()).join('\n');

async function bundleInsertModules(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { insertText, findEditable } from './src/content/insert';
        import { createFocusMemory } from './src/content/focus-memory';
        window.__pf = { insertText, findEditable, createFocusMemory };
        if (window === window.top) window.__pfMemory = createFocusMemory(document);`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

/** A fixture page plus evaluation in an isolated world, as the extension's content script runs. */
interface Fixture {
  page: Page;
  content<T>(expression: string): Promise<T>;
}

async function openFixture(name: string): Promise<Fixture> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds = new Map<string, number>(); // frame id -> our world's execution context id
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.name === WORLD) worlds.set((c.auxData as { frameId: string }).frameId, c.id);
  });
  await cdp.send('Page.enable'); // new-document scripts only run for a session with Page enabled
  await cdp.send('Runtime.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: contentScript, worldName: WORLD });
  await page.goto(`${ORIGIN}/${name}.html`);
  // Headless pages all claim focus unless told otherwise; the desk must lose it to the panel.
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  await page.bringToFront();
  if (['ckeditor', 'prosemirror', 'quill', 'lexical'].includes(name)) await page.locator('[data-fixture-ready]').waitFor({ state: 'attached', timeout: 10000 });
  const { frameTree } = await cdp.send('Page.getFrameTree');
  return {
    page,
    async content<T>(expression: string): Promise<T> {
      const contextId = worlds.get(frameTree.frame.id);
      check(contextId !== undefined, 'the isolated world was not created');
      const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`in the isolated world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value as T;
    },
  };
}

function scopeOf(page: Page, c: EditorCase) {
  return c.frame ? page.frameLocator(c.frame).locator(c.editable) : page.locator(c.editable);
}

/** What the content script does on 'editor/insert': the remembered editable, its caret restored. */
function insertRemembered(f: Fixture, text: string): Promise<Result> {
  return f.content(`(async () => {
    const last = __pfMemory.lastEditable();
    if (!last) return { ok: false, reason: 'nothing remembered' };
    return __pf.insertText(last.el, ${JSON.stringify(text)}, { restore: last.restore });
  })()`);
}

/** What the content script does with no remembered caret: the adapter's editor. */
function insertInto(f: Fixture, selector: string, text: string): Promise<Result> {
  return f.content(`__pf.insertText(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(text)})`);
}


function editorTest(c: EditorCase): E2ETest {
  return [`${c.name}: inserts at the remembered caret as two lines, Ctrl+Z removes it`, async () => {
    const f = await openFixture(c.name);
    const { page } = f;
    try {
      const editable = scopeOf(page, c);
      await editable.click();
      await page.keyboard.type(BEFORE);
      for (let i = 0; i < 'world'.length; i++) await page.keyboard.press('ArrowLeft');
      check(norm(await c.text(page)) === BEFORE, `typing did not reach the model: ${JSON.stringify(await c.text(page))}`);
      await page.waitForTimeout(PANEL_PAUSE_MS);
      await page.locator('#away').focus();
      await panel.bringToFront();
      await panel.getByRole('searchbox').click();
      check(!(await page.evaluate(() => document.hasFocus())), 'the desk page still has focus');
      // While the agent is away the page's selection may go elsewhere (a click on the conversation,
      // a re-render): clear it everywhere, so only the focus memory knows where the caret was.
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
      for (const fr of page.frames()) await fr.evaluate(() => document.getSelection()?.removeAllRanges());

      const t0 = Date.now();
      const result = await insertRemembered(f, PHRASE);
      check(result.ok, `insert failed: ${JSON.stringify(result)}`);
      console.log(`# ${c.name}: accepted via ${result.method} (${Date.now() - t0} ms round trip, informational)`);
      const after = norm(await c.text(page));
      check(after === AFTER, `model after insert: ${JSON.stringify(after)}, expected ${JSON.stringify(AFTER)}`);
      await c.data?.(page);

      await page.bringToFront();
      await editable.focus();
      await page.keyboard.press('Control+z');
      let undone = norm(await c.text(page));
      for (let i = 0; i < 50 && undone !== BEFORE; i++) undone = norm(await c.text(page));
      check(undone === BEFORE, `after Ctrl+Z: ${JSON.stringify(undone)}, expected ${JSON.stringify(BEFORE)}`);
    } finally {
      await page.close();
    }
  }];
}

export async function setup(): Promise<void> {
  // The E2E runner builds these first; a standalone run builds them here.
  await import(pathToFileURL(join(EDITORS, 'build.mjs')).href);
  contentScript = await bundleInsertModules();
  browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS });
  context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  // tsx wraps functions passed to page.evaluate in __name(): give pages a no-op.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  panel = await context.newPage();
  await panel.setContent('<input type="search" aria-label="Search phrases">');
  await context.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.slice(1);
    const file = join(EDITORS, path);
    if (!file.startsWith(EDITORS) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

export async function teardown(): Promise<void> {
  await browser?.close();
}

export const tests: E2ETest[] = [
  ...CASES.map(editorTest),
  ['ckeditor: with no remembered caret the text goes to the end, in the model', async () => {
    const f = await openFixture('ckeditor');
    const { page } = f;
    try {
      await page.evaluate(() => (window as unknown as { __fixtureEditors: { editor: { editor: { setData(html: string): void } } } }).__fixtureEditors.editor.editor.setData('<p>Earlier draft.</p>'));
      const result = await insertInto(f, '.ck-editor__editable', PHRASE);
      check(result.ok, `insert failed: ${JSON.stringify(result)}`);
      const text = norm(await modelText(page));
      check(text === `Earlier draft.${PHRASE}`, `model: ${JSON.stringify(text)}`);
      await twoLines(page);
    } finally {
      await page.close();
    }
  }],
  ['markup in the text is inserted as text, never as HTML', async () => {
    const f = await openFixture('contenteditable');
    const { page } = f;
    try {
      const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      const result = await insertInto(f, '#editor', evil);
      check(result.ok, `insert failed: ${JSON.stringify(result)}`);
      const state = await page.$eval('#editor', (el) => ({ text: el.textContent, elements: el.querySelectorAll('img, b').length }));
      check(state.text === evil && state.elements === 0, `inserted as HTML: ${JSON.stringify(state)}`);
    } finally {
      await page.close();
    }
  }],
];
