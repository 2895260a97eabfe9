// The panel's first useful render: from navigation start to the ticket, its phrases and the
// checklist on screen (the panel sets a performance mark when the phrase list first has items).
import { launch, openDesk, openPanelTab, routeDesk } from '../e2e/harness';
import { summary } from './stats';

export async function panelFirstRender(samples = 10) {
  const h = await launch();
  try {
    await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
    const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
    await desk.locator('[data-is-active="true"]').waitFor();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const panel = await openPanelTab(h, desk);
      const at = await panel.waitForFunction(() => performance.getEntriesByName('person-first:first-render')[0]?.startTime, null, { timeout: 15000 });
      times.push((await at.jsonValue()) as number);
      await panel.close();
    }
    return { firstRenderMs: summary(times) };
  } finally {
    await h.close();
  }
}
