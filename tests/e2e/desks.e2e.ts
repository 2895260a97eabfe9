// Issue #8: the panel follows tickets on every hosted desk, at the desk's real URL (routed to its
// fixture, so the production match patterns are what is tested), and text inserted from the panel
// lands in the desk's reply editor (a real ProseMirror where the desk uses one).
import type { Page } from 'playwright-core';
import { launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'desks';
let h: Harness;

interface DeskCase { name: string; origin: string; path: string; fixture: string; editor: string; prosemirror?: boolean; iframe?: boolean }
const DESKS: DeskCase[] = [
  { name: 'Freshdesk', origin: 'https://acme.freshdesk.com', path: '/a/tickets/42', fixture: 'freshdesk.html', editor: '.fr-element' },
  { name: 'Help Scout', origin: 'https://secure.helpscout.net', path: '/conversation/2900042/42', fixture: 'helpscout.html', editor: '[data-cy="ReplyEditor"] [contenteditable]' },
  { name: 'Intercom', origin: 'https://app.intercom.com', path: '/a/inbox/acme1234/inbox/shared/all/conversation/42', fixture: 'intercom.html', editor: '#editor-42', prosemirror: true },
  { name: 'Front', origin: 'https://app.frontapp.com', path: '/open/cnv_a42', fixture: 'front.html', editor: '#editor-cnv_a42', prosemirror: true },
  { name: 'Gorgias', origin: 'https://acme.gorgias.com', path: '/app/ticket/42', fixture: 'gorgias.html', editor: '.public-DraftEditor-content' },
  { name: 'Zoho Desk', origin: 'https://desk.zoho.eu', path: '/agent/acme/support/tickets/details/42', fixture: 'zoho.html', editor: 'iframe.ze_area', iframe: true },
  { name: 'HubSpot', origin: 'https://app.hubspot.com', path: '/help-desk/12345678/view/987/ticket/42', fixture: 'hubspot.html', editor: '#editor-42', prosemirror: true },
];

export async function setup() {
  h = await launch();
  for (const d of DESKS) await routeDesk(h.context, d.origin, d.fixture);
}

export async function teardown() {
  await h?.close();
}

const heading = (panel: Page, name: string) => panel.getByRole('heading', { name, exact: true });

/** The text the desk's editor holds, read from the editor's own model where there is one. */
function editorText(desk: Page, d: DeskCase): Promise<string> {
  return desk.evaluate(({ sel, pm, iframe }) => {
    const el = document.querySelector(sel) as HTMLElement;
    if (pm) return (window as any).__fixtureEditors[el.id].getText() as string;
    if (iframe) return (el as HTMLIFrameElement).contentDocument!.body.textContent ?? '';
    return el.textContent ?? '';
  }, { sel: d.editor, pm: !!d.prosemirror, iframe: !!d.iframe });
}

export const tests: E2ETest[] = DESKS.flatMap((d): E2ETest[] => {
  let desk: Page;
  let panel: Page;
  return [
    [`${d.name}: the ticket at the desk's real URL shows in the panel`, async () => {
      desk = await openDesk(h, `${d.origin}${d.path}`);
      await desk.getByText('This is the third time I write about this. Where is my money?').first().waitFor({ state: 'attached', timeout: 10000 });
      panel = await openPanelTab(h, desk);
      await heading(panel, 'Refund for order #1042 still missing').waitFor({ timeout: 10000 });
      await panel.getByText('Maria Garcia').first().waitFor();
      await panel.getByText('This is the third time I write about this. Where is my money?').waitFor();
    }],
    [`${d.name}: an SPA switch shows the next ticket and not the old one`, async () => {
      await desk.evaluate(() => (window as any).__desk.open(43));
      await heading(panel, 'Cannot log in after password reset').waitFor({ timeout: 5000 });
      check(!(await heading(panel, 'Refund for order #1042 still missing').isVisible()), 'old subject still shown');
      check(!(await panel.getByText('Where is my money?').isVisible()), 'old message still shown');
      await desk.evaluate(() => (window as any).__desk.open(42));
      await heading(panel, 'Refund for order #1042 still missing').waitFor({ timeout: 5000 });
    }],
    [`${d.name}: text from the panel lands in the desk's reply editor`, async () => {
      if (d.prosemirror) await desk.locator(`${d.editor}[data-fixture-ready]`).waitFor({ state: 'attached', timeout: 20000 });
      const result = (await panel.evaluate(async (origin) => {
        const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
        return chrome.tabs.sendMessage(tab!.id!, { type: 'editor/insert', text: 'Hi Maria, thanks for waiting.' });
      }, d.origin)) as { ok: boolean; reason?: string };
      check(result.ok, `insert failed: ${JSON.stringify(result)}`);
      const text = await editorText(desk, d);
      check(text.includes('Hi Maria, thanks for waiting.'), `editor holds "${text}"`);
      await panel.close();
      await desk.close();
    }],
  ];
});
