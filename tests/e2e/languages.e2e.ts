// Issue #15 part 3 (packs): a customer who writes in Spanish gets the Spanish built-in phrases, detected
// on the device by Chromium's own detector; switching to English is one click that the ticket keeps
// through a panel reload (written inside the click, like checklist ticks); cues and draft tips say in
// one line that they read English only. An English ticket stays English, with no switch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Harness, ROOT, zendeskTicket42 } from './harness';
import { check, until, type E2ETest } from './runner';

export const file = 'languages';
let h: Harness;
let desk: Page;
let panel: Page;

const SUBJECT_42 = 'Refund for order #1042 still missing';
const SUBJECT_45 = 'Reembolso del pedido #2087 pendiente';
const KEY_45 = 'zendesk:acme.zendesk.com:45';
/** Ticket 42's Spanish twin: same shape, the customer writes in Spanish. */
const TICKET_45 = {
  subject: SUBJECT_45,
  name: 'Lucía Fernández',
  email: 'lucia@example.es',
  channel: 'Messaging',
  log: [
    ['Lucía Fernández', 'Hola, devolví la batidora hace dos semanas y todavía no me han hecho el reembolso.'],
    ['Sam (ACME)', 'Gracias Lucía, lo reviso.'],
    ['Lucía Fernández', 'Ya es la tercera vez que escribo por esto. ¿Dónde está mi dinero?'],
  ],
};

const heading = (subject: string) => panel.getByRole('heading', { name: subject, exact: true });
const languageSwitch = () => panel.getByRole('group', { name: 'Phrase language' });
const languageButton = (name: string) => languageSwitch().getByRole('button', { name, exact: true });
const greetPhrases = async () => panel.getByRole('button', { name: 'Show Greet phrases' }).click();
const phrase = (text: RegExp) => panel.getByRole('list', { name: 'Suggested phrases' }).getByRole('button', { name: text });
const editorHas = (id: number, text: string) =>
  desk.waitForFunction(([i, t]) => ((window as any).__fixtureEditors?.[`editor-${i}`]?.getData() as string | undefined)?.includes(t), [id, text] as const, { timeout: 10000 });

async function openTicket(id: number, subject: string): Promise<void> {
  await desk.evaluate((i) => (window as any).__desk.open(i), id);
  await heading(subject).waitFor({ timeout: 10000 });
}

/** The stored progress record of a ticket, read from the extension's database by the test. */
function storedProgress(key: string): Promise<{ phraseLocale?: string } | undefined> {
  return panel.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const req = indexedDB.open('person-first');
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    try {
      return await new Promise<{ phraseLocale?: string } | undefined>((res, rej) => {
        const req = db.transaction('progress').objectStore('progress').get(k);
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
    } finally {
      db.close();
    }
  }, key);
}

/** Clicks `target` and reloads the panel in the same page task: nothing of the page runs after the click. */
async function clickThenReload(target: Locator): Promise<void> {
  await target.evaluate((el) => {
    (el as HTMLElement).click();
    location.reload();
  }).catch(() => undefined);
  await panel.waitForLoadState('domcontentloaded');
  await heading(SUBJECT_45).waitFor({ timeout: 15000 });
}

async function pressed(name: string): Promise<boolean> {
  return (await languageButton(name).getAttribute('aria-pressed')) === 'true';
}

export async function setup() {
  ({ h, desk, panel } = await zendeskTicket42());
  await heading(SUBJECT_42).waitFor({ timeout: 15000 });
  await desk.evaluate((t) => (window as any).__desk.addTicket(45, t), TICKET_45);
}

export async function teardown() {
  await h?.close();
}

export const tests: E2ETest[] = [
  ['Chromium detects a message’s language on the device (chrome.i18n.detectLanguage)', async () => {
    const found = await panel.evaluate(() => chrome.i18n.detectLanguage('Hola, devolví la batidora hace dos semanas y todavía no me han hecho el reembolso.'));
    check(found.isReliable && found.languages[0]?.language === 'es', `detectLanguage answered ${JSON.stringify(found)}`);
  }],
  ['an English ticket gets English phrases and no language switch', async () => {
    await greetPhrases();
    await phrase(/^Hi Maria, thanks for getting in touch/).waitFor();
    check((await languageSwitch().count()) === 0, 'an English ticket offers a language switch');
    check((await panel.getByText(/read English messages only/).count()) === 0, 'the cues say they cannot read an English message');
  }],
  ['a customer who writes in Spanish gets Spanish phrases, and one click puts Spanish text in the editor', async () => {
    await openTicket(45, SUBJECT_45);
    await languageSwitch().waitFor();
    check(await pressed('Español'), 'Español is not the language shown');
    check(!(await pressed('English')), 'English is marked as shown too');
    await panel.getByText('Cues read English messages only; this one looks Spanish.').waitFor();
    await greetPhrases();
    await phrase(/^Hola Lucía, gracias por escribirnos/).click();
    await panel.getByText('Inserted into the reply.').waitFor();
    await editorHas(45, 'Hola Lucía, gracias por escribirnos. ¿En qué puedo ayudarle hoy?');
  }],
  ['draft tips say in one line that they do not read a Spanish reply', async () => {
    await desk.bringToFront();
    const editable = desk.locator('[data-pane-for="45"] .ck-editor__editable');
    await editable.click();
    await desk.keyboard.press('Control+End');
    await desk.keyboard.type(' Como le dije, voy a revisar su pedido ahora mismo.');
    await panel.bringToFront();
    const tips = panel.getByRole('region', { name: 'Draft tips' });
    await until(() => tips.textContent().catch(() => ''), (t) => t === 'Draft tips read English replies only; this one looks Spanish.', 'the draft tips line', 15000);
  }],
  ['switching to English is one click, and the ticket keeps it through a panel reload', async () => {
    await languageButton('English').click();
    await until(() => pressed('English'), (p) => p, 'English marked as shown');
    await greetPhrases();
    await phrase(/^Hi Lucía, thanks for getting in touch/).waitFor();
    await until(() => storedProgress(KEY_45), (p) => p?.phraseLocale === 'en', 'the stored phrase language of ticket 45');
    await panel.reload();
    await heading(SUBJECT_45).waitFor({ timeout: 15000 });
    await until(() => pressed('English').catch(() => false), (p) => p, 'English still shown after the reload', 10000);
    await greetPhrases();
    await phrase(/^Hi Lucía, thanks for getting in touch/).waitFor();
  }],
  ['the switch survives a reload in the same task as the click', async () => {
    await languageButton('Español').waitFor();
    await clickThenReload(languageButton('Español'));
    check((await storedProgress(KEY_45))?.phraseLocale === 'es', `stored: ${JSON.stringify(await storedProgress(KEY_45))}`);
    await until(() => pressed('Español').catch(() => false), (p) => p, 'Español shown after the reload', 10000);
    await greetPhrases();
    await phrase(/^Hola Lucía, gracias por escribirnos/).waitFor();
  }],
  ['the reset line before a Spanish customer is in the agent’s language: it is for the agent, not the reply', async () => {
    const selfTalk = (file: string) =>
      (JSON.parse(readFileSync(join(ROOT, 'public/packs', file), 'utf8')) as { phrases: { text: string; tags?: string[] }[] }).phrases
        .filter((p) => p.tags?.includes('self'))
        .map((p) => p.text);
    const english = selfTalk('default.en.json');
    const spanish = selfTalk('default.es.json');
    await h.worker.evaluate(async () => {
      const got = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(got.settings as object), resetCard: true } });
    });
    try {
      await desk.evaluate((t) => (window as any).__desk.addTicket(46, t), { ...TICKET_45, subject: 'Pedido #2090 sin entregar' });
      await openTicket(46, 'Pedido #2090 sin entregar');
      const reset = panel.getByRole('region', { name: 'Reset before this customer' });
      await reset.waitFor({ timeout: 10000 });
      const text = (await reset.textContent()) ?? '';
      check(english.some((line) => text.includes(line)), `the reset card shows no English line: ${text}`);
      check(!spanish.some((line) => text.includes(line)), `the reset card shows a Spanish line: ${text}`);
      check(await pressed('Español'), 'the phrases for ticket 46 are not in Spanish');
    } finally {
      await h.worker.evaluate(async () => {
        const got = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(got.settings as object), resetCard: false } });
      });
    }
  }],
  ['back on the English ticket: English phrases, no switch', async () => {
    await openTicket(42, SUBJECT_42);
    await greetPhrases();
    await phrase(/^Hi Maria, thanks for getting in touch/).waitFor();
    check((await languageSwitch().count()) === 0, 'ticket 42 offers a language switch');
  }],
];
