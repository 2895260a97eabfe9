// Issue #15, languages (UI half): Chromium started in German shows the panel, the options page and
// the toolbar in German, with dates in German form; started in English, everything is English.
// Step names and phrases come from the pack, so they stay in the pack's language here.
import type { Page } from 'playwright-core';
import { EXTENSION_ID, launch, openDesk, openPanelTab, panelEvidence, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'i18n';
const SUBJECT_42 = 'Refund for order #1042 still missing';
let h: Harness | undefined;
let panel: Page;

async function openTicket42(lang?: string): Promise<void> {
  await h?.close();
  h = await launch(lang ? { lang } : {});
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  panel = await openPanelTab(h, desk);
  try {
    await panel.getByRole('heading', { name: SUBJECT_42, exact: true }).waitFor({ timeout: 15000 });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${await panelEvidence(h, panel)}`);
  }
}

async function openOptions(): Promise<Page> {
  const options = await h!.context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
  return options;
}

/** The desk-health row for Zendesk: desk, when (a date and time the page formatted), found, missing. */
async function zendeskRead(options: Page, table: string): Promise<string[]> {
  const row = options.getByRole('table', { name: table }).getByRole('row').filter({ hasText: 'Zendesk' });
  await row.waitFor({ timeout: 10000 });
  return (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['started with --lang=de, the panel is in German', async () => {
    await openTicket42('de');
    await panel.getByRole('heading', { name: 'Erst der Mensch, dann das Problem', exact: true }).waitFor({ timeout: 10000 });
    await panel.getByRole('searchbox', { name: 'Sätze suchen' }).waitFor();
    await panel.getByRole('list', { name: 'Vorgeschlagene Sätze' }).getByRole('button').first().waitFor({ timeout: 10000 });
    await panel.getByRole('heading', { name: 'Notizen', exact: true }).waitFor();
    await panel.getByText(/^Jetzt: /).waitFor();
    check((await panel.getByRole('region', { name: 'Aktuelles Ticket' }).count()) === 1, 'the ticket card is not named in German');
    check((await panel.evaluate(() => document.documentElement.lang)) === 'de', 'the panel page is not marked lang=de');
    check(!(await panel.getByText('Person first, then the problem').count()), 'English heading still shown');
  }],
  ['started with --lang=de, the options page and the toolbar are in German, dates in German form', async () => {
    const options = await openOptions();
    await options.getByRole('heading', { name: 'Einstellungen von Person First', exact: true }).waitFor({ timeout: 10000 });
    await options.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Für dich' }).first().waitFor();
    await options.getByRole('heading', { name: 'Satzpakete', exact: true }).waitFor();
    check((await options.title()) === 'Person First – Optionen', `title: ${await options.title()}`);
    // The read of ticket 42 above, as "30.11.2026, 13:55".
    const [, when, found, missing] = await zendeskRead(options, 'Zuletzt gelesen, je Helpdesk');
    check(/^\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}$/.test(when ?? ''), `a German date and time: ${when}`);
    check(found === 'Betreff, Kundenname, Kunden-E-Mail, Kanal, letzte Nachricht', `found, in German: ${found}`);
    check(missing === 'nichts', `missing, in German: ${missing}`);
    const title = await h!.worker.evaluate(() => chrome.action.getTitle({}));
    check(title === 'Person First öffnen', `toolbar title: ${title}`);
  }],
  ['started in English, the panel and options page are English, dates in English form', async () => {
    await openTicket42();
    await panel.getByRole('heading', { name: 'Person first, then the problem', exact: true }).waitFor({ timeout: 10000 });
    await panel.getByRole('searchbox', { name: 'Search phrases' }).waitFor();
    check((await panel.evaluate(() => document.documentElement.lang)).startsWith('en'), 'the panel page is not marked English');
    const options = await openOptions();
    await options.getByRole('heading', { name: 'Person First settings', exact: true }).waitFor({ timeout: 10000 });
    const [, when, , missing] = await zendeskRead(options, 'Last read on each desk');
    check(/[A-Z][a-z]{2} \d{1,2}, \d{4}/.test(when ?? ''), `an English date: ${when}`);
    check(missing === 'nothing', `missing: ${missing}`);
    const title = await h!.worker.evaluate(() => chrome.action.getTitle({}));
    check(title === 'Open Person First', `toolbar title: ${title}`);
  }],
];
