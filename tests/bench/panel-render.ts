// The panel's first useful render: from navigation start to the ticket and its phrases on screen
// (the panel sets a performance mark when the phrase list first has items), with where the time
// went. Cold: the first open after a browser restart, on a profile where the extension is already
// installed (as an agent's browser is each morning). Warm: the panel opened again in that browser.
import type { Page } from 'playwright-core';
import { launch, openDesk, openPanelTab, routeDesk, type Harness } from '../e2e/harness';
import { summary } from './stats';

const MARKS = {
  scriptEvaluated: 'person-first:script-evaluated',
  ticketRead: 'person-first:ticket-read',
  packsRead: 'person-first:packs-read',
  idbOpen: 'person-first:idb-open',
  packMerged: 'person-first:pack-merged',
  firstRender: 'person-first:first-render',
} as const;

type Sample = Record<keyof typeof MARKS | 'firstPaint' | 'htmlLoaded', number | null>;

async function openDeskAndWait(h: Harness): Promise<Page> {
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-is-active="true"]').waitFor();
  return desk;
}

/** Opens the panel and reads, from navigation start, when each step finished. */
async function sample(h: Harness, desk: Page): Promise<Sample> {
  const panel = await openPanelTab(h, desk);
  await panel.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MARKS.firstRender, { timeout: 15000 });
  const times = await panel.evaluate((marks) => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
    return {
      ...Object.fromEntries(Object.entries(marks).map(([k, name]) => [k, at(name)])),
      htmlLoaded: nav ? nav.responseEnd : null,
      firstPaint: paint ? paint.startTime : null,
    };
  }, MARKS);
  await panel.close();
  return times as Sample;
}

function describe(samples: Sample[]) {
  const col = (k: keyof Sample) => samples.map((s) => s[k]).filter((v): v is number => typeof v === 'number');
  return {
    firstRenderMs: summary(col('firstRender')),
    // Each figure is "finished at, from navigation start" (medians); they overlap, since the reads
    // run side by side from the moment the first script runs.
    breakdownMedianMs: Object.fromEntries((['htmlLoaded', 'scriptEvaluated', 'ticketRead', 'packsRead', 'idbOpen', 'packMerged', 'firstPaint', 'firstRender'] as const)
      .map((k) => [k, col(k).length ? summary(col(k)).median : null])),
  };
}

export async function panelFirstRender(coldSamples = 7, warmSamples = 10) {
  let h = await launch();
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  try {
    // First run: the service worker installs the built-in pack; not what an agent opens each day.
    let desk = await openDeskAndWait(h);
    await sample(h, desk);
    for (let i = 0; i < warmSamples; i++) warm.push(await sample(h, desk));
    for (let i = 0; i < coldSamples; i++) {
      h = await h.restart();
      desk = await openDeskAndWait(h);
      cold.push(await sample(h, desk));
    }
  } finally {
    await h.close();
  }
  return { goalMs: { coldMedian: 120, warmMedian: 60 }, cold: describe(cold), warm: describe(warm) };
}
