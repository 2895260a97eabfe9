// Loads the built extension into real headless Chromium and serves fixture pages at the desks'
// real URLs (page routing), so the production match patterns are what is tested.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from './chromium-path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests/e2e/fixtures');
export const EXTENSION_ID = 'kmkpgmmlenagfleidgaokjleckhnobak';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

export interface Harness {
  context: BrowserContext;
  worker: Worker;
  /** EXTENSION_ID for dist/ (its manifest has the key); Chrome's id from the path for a build without one. */
  extensionId: string;
  userDataDir: string;
  /** Closes Chromium and opens it again on the same profile, as an agent's browser restart would. */
  restart(): Promise<Harness>;
  /** Closes Chromium and deletes its profile. */
  close(): Promise<void>;
}

const live = new Set<BrowserContext>();

/** The browsers E2E groups have open now (the runner screenshots their pages when a test fails). */
export function liveContexts(): BrowserContext[] {
  return [...live];
}

/**
 * `extensionDir` loads another build than dist/ (the unzipped store package); one without a manifest
 * `key` gets an id from its path. `lang`: the browser's UI language (default en-US, so the suite
 * reads the same whatever the machine's locale). Chromium on Linux takes it from --lang for
 * extension messages and from LANGUAGE for the rest; both are set.
 */
const LAUNCH_TIMEOUT_MS = 45_000;

/** Runs `fn`; after `ms` fails with what it was waiting for, instead of hanging until a hook's timeout. */
export async function within<T>(what: string, ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([fn(), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function launch(opts: { userDataDir?: string; headless?: boolean; extensionDir?: string; lang?: string } = {}): Promise<Harness> {
  const dir = opts.extensionDir ?? DIST;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir === DIST ? 'dist/' : dir} is missing: run \`npm run build\` first.`);
  const keyed = 'key' in (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as object);
  let userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'person-first-'));
  const start = (profile: string) =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: opts.headless ?? true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...QUIET_FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, `--lang=${opts.lang ?? 'en-US'}`],
      env: { ...process.env, LANGUAGE: (opts.lang ?? 'en-US').replace('-', '_') },
      viewport: { width: 1200, height: 800 },
      // Bounded: a browser that has not started by then is killed with a message, not a group's
      // whole setup timing out in silence.
      timeout: LAUNCH_TIMEOUT_MS,
    });
  let context: BrowserContext;
  try {
    context = await start(userDataDir);
  } catch (err) {
    // Starting the browser is the test machine's part, not the product's: a fresh profile gets one
    // more try (a kept profile may still be locked by the browser that did not start).
    if (opts.userDataDir) throw err;
    console.warn(`[e2e] Chromium did not start (${(err as Error).message.split('\n')[0]}); once more with a new profile`);
    rmSync(userDataDir, { recursive: true, force: true });
    userDataDir = mkdtempSync(join(tmpdir(), 'person-first-'));
    context = await start(userDataDir);
  }
  live.add(context);
  context.on('close', () => live.delete(context));
  // tsx compiles with keepNames, wrapping functions we pass to page.evaluate in __name(): give pages a no-op.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const ours = (w: Worker) => w.url().startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15000 }));
  if (keyed && !worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`)) throw new Error(`unexpected extension id in ${worker.url()}`);
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    userDataDir,
    async restart() {
      await context.close();
      return launch({ ...opts, userDataDir });
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves a desk fixture for every page path of `origin`, and fixture assets under /__fixtures/. */
export async function routeDesk(context: BrowserContext, origin: string, fixtureHtml: string): Promise<void> {
  await context.route(`${origin}/**`, (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/__fixtures/')) {
      const rel = url.pathname.slice('/__fixtures/'.length);
      const file = rel.startsWith('editors/') ? join(FIXTURES, 'editors/dist', rel.slice('editors/'.length)) : join(FIXTURES, rel);
      if (!file.startsWith(FIXTURES) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    }
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 204 });
    return route.fulfill({ status: 200, contentType: 'text/html', body: readFileSync(join(FIXTURES, 'desks', fixtureHtml)) });
  });
}

/** Opens the side panel's page as a tab in the desk tab's window, as DESIGN.md's test rule says. */
export async function openPanelTab(h: Harness, deskPage: Page): Promise<Page> {
  const deskUrl = deskPage.url();
  const pagePromise = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/panel/index.html'), timeout: 30_000 });
  await within('the service worker opening the panel as a tab', 30_000, () =>
    h.worker.evaluate(async (url: string) => {
      const tabs = await chrome.tabs.query({});
      const desk = tabs.find((t) => t.url === url) ?? tabs.find((t) => t.url?.startsWith(new URL(url).origin));
      await chrome.tabs.create({ url: chrome.runtime.getURL('src/panel/index.html'), windowId: desk?.windowId, active: true });
    }, deskUrl));
  const panel = await pagePromise;
  await panel.waitForLoadState('domcontentloaded');
  return panel;
}

export async function openDesk(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

/** Brings a tab to the front through the extension API (a real tab activation, as a click on the tab strip would). */
export async function activateTab(h: Harness, page: Page): Promise<void> {
  const url = page.url();
  await h.worker.evaluate(async (u: string) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    if (tab?.id !== undefined) await chrome.tabs.update(tab.id, { active: true });
  }, url);
}

/** Chromium with the extension, the Zendesk fixture's ticket 42 rendered, and the panel beside it. */
export async function zendeskTicket42(): Promise<{ h: Harness; desk: Page; panel: Page }> {
  const h = await launch();
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
  return { h, desk, panel: await openPanelTab(h, desk) };
}

/** What a lead does on chrome://extensions → Person First → Site access → "Add a site". */
export async function allowSiteInChrome(h: Harness, origin: string): Promise<void> {
  const page = await h.context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${EXTENSION_ID}`);
    const result = await page.evaluate(({ id, site }) => new Promise<string>((resolve) => {
      const dp = (chrome as unknown as { developerPrivate: { addHostPermission(id: string, host: string, cb: () => void): void } }).developerPrivate;
      dp.addHostPermission(id, site, () => resolve(chrome.runtime.lastError?.message ?? 'ok'));
    }), { id: EXTENSION_ID, site: `${origin}/*` });
    if (result !== 'ok') throw new Error(`chrome://extensions refused the site: ${result}`);
  } finally {
    await page.close();
  }
}

/** The ids of the content scripts the service worker has registered at runtime (custom desks). */
export function registeredScripts(h: Harness): Promise<string[]> {
  return h.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
}

/** The service worker's follow state (what each window's desks reported), as JSON: tests wait on it. */
export function followState(h: Harness): Promise<string> {
  return h.worker.evaluate(async () => JSON.stringify((await chrome.storage.session.get('follow')).follow ?? {}));
}

/**
 * Why a panel may not show what a test waits for: the service worker's follow state, every tab (id,
 * window, active, URL) and the panel's text. Attached to a failure instead of a bare timeout.
 */
export async function panelEvidence(h: Harness, panel: Page): Promise<string> {
  const follow = await followState(h).catch((e: Error) => `unreadable: ${e.message}`);
  const tabs = await h.worker
    .evaluate(async () => JSON.stringify((await chrome.tabs.query({})).map((t) => [t.id, t.windowId, t.active, t.url ?? t.pendingUrl])))
    .catch((e: Error) => `unreadable: ${e.message}`);
  const text = await panel.evaluate(() => document.body.innerText.slice(0, 600)).catch((e: Error) => `unreadable: ${e.message}`);
  return `follow: ${follow}\ntabs: ${tabs}\npanel: ${text}`;
}
