// Time from a ticket's pane rendering in the desk to the panel showing it, over many SPA switches.
// Both clocks are epoch-based (timeOrigin + now), so the two pages' times compare directly.
import { activateTab, launch, openDesk, openPanelTab, routeDesk } from '../e2e/harness';
import { summary } from './stats';

export async function ticketSwitchLatency(switches = 40) {
  const h = await launch();
  try {
    await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
    const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
    await desk.locator('[data-is-active="true"]').waitFor();
    const panel = await openPanelTab(h, desk);
    await panel.getByRole('heading').first().waitFor();
    await desk.evaluate((n) => {
      const d = (window as any).__desk;
      for (let i = 0; i < n; i++) d.addTicket(1000 + i, { subject: `Bench ticket ${1000 + i}`, name: 'Bench Customer', email: 'b@example.com', channel: 'Chat', log: [['Bench Customer', `Message for ${1000 + i}`]] });
    }, switches);

    const measure = async (mode: 'desk-visible' | 'panel-visible') => {
      await activateTab(h, mode === 'desk-visible' ? desk : panel);
      const samples: number[] = [];
      for (let i = 0; i < switches; i++) {
        const subject = `Bench ticket ${1000 + i}`;
        const shown = panel.evaluate((s) => new Promise<number>((resolve) => {
          const done = () => resolve(performance.timeOrigin + performance.now());
          const has = () => [...document.querySelectorAll('h1')].some((h) => h.textContent === s);
          if (has()) return done();
          const mo = new MutationObserver(() => { if (has()) { mo.disconnect(); done(); } });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true });
        }), subject);
        const rendered = await desk.evaluate(async (id) => {
          const d = (window as any).__desk;
          await d.open(id, { delay: 30 });
          return performance.timeOrigin + d.renderedAt;
        }, 1000 + i);
        samples.push((await shown) - rendered);
        // Reset to a known ticket so every sample is a real switch.
        await desk.evaluate(() => (window as any).__desk.open(42, { delay: 0 }));
        await panel.waitForFunction(() => [...document.querySelectorAll('h1')].some((h) => h.textContent?.startsWith('Refund')));
      }
      return summary(samples);
    };
    // The side panel sits beside a desk that is in front, so 'desk-visible' is the figure the goal is
    // about. 'panel-visible' shows the panel page as the front tab and pushes the desk into a background
    // tab, where Chromium throttles the desk's own timers (its render delay and our debounce) to ~1 s:
    // it measures Chromium's throttling, kept only to show the difference.
    return {
      deskVisibleMs: await measure('desk-visible'),
      panelVisibleMs: await measure('panel-visible'),
      goalMedianMs: 50, // issue 16: being quiet must not make the panel late
      goalAppliesTo: 'deskVisibleMs',
      note: 'panelVisibleMs puts the desk in a background tab, throttled by Chromium; a real side panel never hides the desk',
    };
  } finally {
    await h.close();
  }
}
