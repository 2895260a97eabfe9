// What the content script costs during a live chat: a Zendesk-like page receives 1,000 chat
// messages (5 per frame) while the agent types 200 keys into the reply box. Each sample is a fresh
// Chromium, with the extension or without it (same page, same URL), in alternating order, so one
// browser's warm caches or clean-up never land on the other side. Script time is Chromium's own
// ScriptDuration for the tab's main thread, which runs the page's and the content script's
// JavaScript alike; "with minus without" is paired per round. On a shared 2-core machine that
// difference swings by hundreds of ms between identical runs (the page's own script, CKEditor
// included, is over a second), so the report also gives the content script's own cost measured
// directly: every call into the content script (its listeners, observers, timers, frames) from a
// trace of the tab, as main-thread CPU time, which a busy machine inflates far less than wall time.
// With the extension, the side panel's page is open beside the desk (as a tab in its window, the desk
// in front), showing the ticket: the content script reads the draft only while a panel listens, and an
// agent chatting has the panel open.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, QUIET_FLAGS } from '../e2e/chromium-path';
import { activateTab, DIST, launch, openPanelTab, routeDesk, ROOT, type Harness } from '../e2e/harness';
import { quantile } from '../../src/core/measure';
import { round } from './stats';

const URL = 'https://acme.zendesk.com/agent/tickets/42';
const DRAFT = 'Hi Maria, thank you for your patience with this. I can see the return arrived on the 12th, and I have asked our payments team to release the refund today. You will get an email as soon as it is on its way. ';

interface Sample {
  /** During the workload (and a quiet second after it, so deferred work is counted), seconds. */
  task: number;
  script: number;
  /** JS heap after a forced GC at the end, bytes (the page's and the content script's worlds share it). */
  heap: number;
  /** The content script's own calls during the workload: count, CPU (thread) time and wall time, seconds. */
  own: { calls: number; cpu: number; wall: number };
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; args?: { data?: { url?: string } } }

/** Top-level calls into the content script files: a call inside another of ours is already counted. */
function ownCalls(events: TraceEvent[], files: string[]) {
  const ours = events
    .filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && files.some((f) => e.args?.data?.url?.endsWith(`/${f}`)))
    .sort((a, b) => a.ts - b.ts);
  let end = -Infinity;
  const own = { calls: 0, cpu: 0, wall: 0 };
  for (const e of ours) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    own.calls++;
    own.cpu += (e.tdur ?? e.dur ?? 0) / 1e6;
    own.wall += (e.dur ?? 0) / 1e6;
  }
  return own;
}

async function withBrowser<T>(extension: boolean, use: (context: BrowserContext, h?: Harness) => Promise<T>): Promise<T> {
  if (extension) {
    const h = await launch();
    try {
      return await use(h.context, h);
    } finally {
      await h.close();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'person-first-plain-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), headless: true, args: QUIET_FLAGS, viewport: { width: 1200, height: 800 } });
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  try {
    return await use(context);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sample(context: BrowserContext, messages: number, keys: number, h?: Harness): Promise<Sample> {
  await routeDesk(context, 'https://acme.zendesk.com', 'zendesk.html');
  const page: Page = await context.newPage();
  await page.goto(URL);
  const editable = page.locator('[data-pane-for="42"] .ck-editor__editable');
  await editable.waitFor();
  const panel = h && (await openPanelTab(h, page));
  if (h && panel) {
    await panel.getByRole('heading', { name: 'Refund for order #1042 still missing' }).waitFor();
    await activateTab(h, page);
    await page.bringToFront();
  }
  await editable.click();
  // Let start-up settle (extension: its first read and report) before the counters are read.
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const m = (await cdp.send('Performance.getMetrics')).metrics;
    const v = (name: string) => m.find((x) => x.name === name)?.value ?? 0;
    return { task: v('TaskDuration'), script: v('ScriptDuration'), heap: v('JSHeapUsedSize') };
  };
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  const before = await read();
  const chat = page.evaluate((n) => new Promise<void>((resolve) => {
    const d = (window as any).__desk;
    let i = 0;
    // A live chat delivers in bursts: five messages per frame.
    const frame = () => {
      for (let k = 0; k < 5 && i < n; k++, i++) d.append(42, i % 2 ? 'Sam (ACME)' : 'Maria Garcia', `Chat line ${i}: could you check the delivery status for order #${1000 + i}?`);
      if (i < n) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  }), messages);
  const text = DRAFT.repeat(Math.ceil(keys / DRAFT.length)).slice(0, keys);
  await page.keyboard.type(text, { delay: 15 });
  await chat;
  await page.waitForTimeout(1000);
  const after = await read();
  await cdp.send('Tracing.end');
  await traced;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await read()).heap;
  await cdp.detach();
  await page.close();
  await panel?.close();
  return { task: after.task - before.task, script: after.script - before.script, heap, own: ownCalls(events, contentFiles()) };
}

const contentFiles = () => (JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] }).content_scripts?.flatMap((c) => c.js ?? []) ?? [];

const ms = (s: number) => round(s * 1000, 1);
const spread = (v: number[], digits = 1) => ({ median: round(quantile(v, 0.5), digits), q1: round(quantile(v, 0.25), digits), q3: round(quantile(v, 0.75), digits) });

export async function chatOverhead(messages = 1000, keys = 200, rounds = 10) {
  // The reply box is the real CKEditor 5 bundle the E2E fixtures use.
  const editors = join(ROOT, 'tests/e2e/fixtures/editors/build.mjs');
  if (existsSync(editors)) execFileSync(process.execPath, [editors], { stdio: 'inherit', cwd: ROOT });
  const withExt: Sample[] = [];
  const without: Sample[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [false, true] : [true, false];
    for (const ext of order) {
      const s = await withBrowser(ext, (c, h) => sample(c, messages, keys, h));
      (ext ? withExt : without).push(s);
    }
  }
  const pair = (f: (s: Sample) => number) => withExt.map((s, i) => f(s) - f(without[i]!));
  const own = withExt.map((s) => ms(s.own.cpu));
  const difference = pair((s) => s.script).map(ms);
  const baseTask = quantile(without.map((s) => s.task), 0.5) * 1000;
  return {
    workload: `${messages} chat messages, 5 per frame, while the agent types ${keys} keys into the reply box`,
    panelOpen: 'with the extension, the side panel page shows the ticket beside the desk (so drafts are read and sent)',
    rounds,
    extraScriptMs: spread(own),
    extraScriptShareOfTask: round(quantile(own, 0.5) / baseTask, 4),
    extraScriptMethod: 'the content script\'s own calls in a trace of the tab, main-thread CPU time',
    contentScriptCalls: spread(withExt.map((s) => s.own.calls), 0),
    contentScriptWallMs: spread(withExt.map((s) => ms(s.own.wall))),
    withMinusWithoutScriptMs: spread(difference),
    withMinusWithoutShareOfTask: round(quantile(difference, 0.5) / baseTask, 4),
    pageTaskMs: { withExtension: spread(withExt.map((s) => ms(s.task))), withoutExtension: spread(without.map((s) => ms(s.task))) },
    pageScriptMs: { withExtension: spread(withExt.map((s) => ms(s.script))), withoutExtension: spread(without.map((s) => ms(s.script))) },
    extraHeapAfterGcMiB: spread(pair((s) => s.heap / 2 ** 20), 2),
    goalExtraScriptMs: 9,
    goalShareOfTask: 0.007,
  };
}
