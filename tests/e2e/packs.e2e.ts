// Issue #6: phrase packs a team lead writes and distributes: file import, URL subscription against
// a local server, personal phrases, usage export, and (when Chromium's policy folder is writable)
// enterprise policy delivery.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, rmSync, writeFileSync, accessSync, constants } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_ID, FIXTURES, ROOT, launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'packs';

const PACKS = join(FIXTURES, 'packs');
const fixture = (name: string) => readFileSync(join(PACKS, name), 'utf8');
const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/src/options/index.html`;

let h: Harness;
let options: Page;
let panel: Page;
let server: Server;
let base = '';
/** What the local pack server answers for /team.json. */
let teamMode: 'v1' | 'v2' | '404' | 'html' | 'other-id' = 'v1';

const FR_POLICY_PACK = JSON.stringify({ schema: 1, id: 'e2e-policy-url', name: 'Politique par URL', version: '1.0.0', locale: 'fr', phrases: [{ id: 'a', step: 'greet', text: 'Bonjour, merci de votre message.' }] });

function startServer(): Promise<void> {
  server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'accept, if-none-match, if-modified-since', 'access-control-expose-headers': 'etag, last-modified' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, HEAD' }).end();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (body: string, etag: string) => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ...cors, etag }).end();
      res.writeHead(200, { ...cors, 'content-type': 'application/json', etag }).end(req.method === 'HEAD' ? undefined : body);
    };
    if (path === '/team.json') {
      if (teamMode === 'v1') return json(fixture('team-1.0.0.json'), '"v1"');
      if (teamMode === 'v2') return json(fixture('team-1.1.0.json'), '"v2"');
      if (teamMode === 'other-id') return json(fixture('locked.json'), '"other"');
      if (teamMode === 'html') return void res.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title><p>Please sign in</p>');
      return void res.writeHead(404, 'Not Found', cors).end('not found');
    }
    if (path === '/policy-fr.json') return json(FR_POLICY_PACK, '"fr1"');
    // A server that sends no CORS headers: the extension needs the agent to allow its origin.
    if (path === '/no-cors.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(fixture('team-1.0.0.json'));
    res.writeHead(404, cors).end();
  });
  // Never keeps the test process alive, whatever happens to teardown.
  server.unref();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    resolve();
  }));
}

export async function setup() {
  await startServer();
  h = await launch();
  await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
  options = await h.context.newPage();
  await options.goto(OPTIONS_URL);
  await options.getByRole('heading', { name: 'Phrase packs' }).waitFor();
  const desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
  await desk.locator('[data-is-active="true"]').waitFor();
  panel = await openPanelTab(h, desk);
  await panel.getByRole('searchbox', { name: 'Search phrases' }).waitFor({ timeout: 10000 });
}

export async function teardown() {
  await h?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  removePolicyFile();
}

const importFile = (name: string, body = fixture(name)) =>
  options.getByLabel('Import pack').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
const packRow = (id: string, page = options) => page.locator(`tr[data-pack-id="${id}"]`);
const subRow = (url: string) => options.locator(`tr[data-url="${url}"]`);

async function searchPanel(query: string): Promise<void> {
  await panel.bringToFront();
  await panel.getByRole('searchbox', { name: 'Search phrases' }).fill(query);
}
const panelResult = (text: string) => panel.getByRole('list', { name: 'Suggested phrases' }).getByText(text, { exact: false });

async function waitForText(locator: ReturnType<Page['locator']>, text: string, timeout = 15000): Promise<void> {
  await locator.filter({ hasText: text }).waitFor({ timeout });
}

// ---- enterprise policy (only when this process may write Chromium's policy folder) -------------

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'person-first-e2e-packs.json');
let createdDirs: string[] = [];

function policyWritable(): boolean {
  try {
    let dir = POLICY_DIR;
    while (!existsSync(dir)) dir = join(dir, '..');
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function writePolicyFile(policy: Record<string, unknown>): void {
  createdDirs = [];
  for (const dir of ['/etc/chromium', '/etc/chromium/policies', POLICY_DIR]) {
    if (!existsSync(dir)) {
      mkdirSync(dir);
      createdDirs.push(dir);
    }
  }
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
}

function removePolicyFile(): void {
  rmSync(POLICY_FILE, { force: true });
  // Only the folders this test made, and only when nothing else was put in them meanwhile.
  for (const dir of [...createdDirs].reverse()) if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  createdDirs = [];
}

export const tests: E2ETest[] = [
  ['the built-in pack is listed with its name and version', async () => {
    await waitForText(packRow('person-first-default'), 'Person First (default)');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'public/packs/default.en.json'), 'utf8')) as { version: string };
    await waitForText(packRow('person-first-default'), version);
  }],
  ['importing a pack file lists it with name and version, and its phrases appear in panel search', async () => {
    await importFile('acme-voice.json');
    await options.getByRole('status').filter({ hasText: 'Imported “ACME voice” 1.2.0' }).waitFor();
    await waitForText(packRow('acme-voice'), 'ACME voice');
    await waitForText(packRow('acme-voice'), '1.2.0');
    await waitForText(packRow('acme-voice'), 'Imported file');
    await waitForText(packRow('acme-voice'), 'Added with 2 phrases.');
    await searchPanel('Zanzibar');
    await panelResult('Welcome to the Zanzibar desk').waitFor({ timeout: 5000 });
  }],
  ['markup in pack phrase text is shown as text in the panel, never run', async () => {
    await panelResult('<img src=x onerror="document.title=\'pwned\'"><b>Zanzibar</b> waiting twice').waitFor({ timeout: 5000 });
    check((await panel.locator('main img, main b').count()) === 0, 'pack text was rendered as HTML');
    check((await panel.title()) !== 'pwned', 'pack text ran as script');
  }],
  ['a stored pack that breaks cue detection ("toString" signal) is left out by name; the rest of the panel works', async () => {
    // Stored as an older version, without today's checks, would have kept it.
    const hostile = {
      schema: 1, id: 'hostile-cues', name: 'Hostile cues', version: '1.0.0', locale: 'en',
      phrases: [{ id: 'h1', step: 'greet', text: 'Hostile hello' }],
      cues: { happy: { signals: { toString: { reason: 'x', patterns: ['thanks'] } } } },
    };
    const setPacks = (fn: string, p?: unknown) => h.worker.evaluate(async ([f, arg]) => {
      const packs = ((await chrome.storage.local.get('packs')).packs as { pack: { id: string } }[] | undefined) ?? [];
      const next = f === 'add' ? [...packs, { pack: arg, source: 'imported', installedAt: Date.now(), updatedAt: Date.now() }] : packs.filter((e) => e.pack.id !== 'hostile-cues');
      await chrome.storage.local.set({ packs: next });
    }, [fn, p] as const);
    await setPacks('add', hostile);
    await panel.getByRole('alert').filter({ hasText: 'The pack “Hostile cues” was left out' }).waitFor({ timeout: 10000 });
    await searchPanel('Zanzibar');
    await panelResult('Welcome to the Zanzibar desk').waitFor({ timeout: 5000 });
    await setPacks('remove');
    await panel.getByRole('alert').filter({ hasText: 'Hostile cues' }).waitFor({ state: 'detached', timeout: 10000 });
  }],
  ['a pack file dropped onto the section imports like a picked one', async () => {
    const body = fixture('acme-voice.json').replace(/acme-voice/g, 'dropped-voice').replace('ACME voice', 'Dropped voice');
    const dataTransfer = await options.evaluateHandle((text: string) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, body);
    await options.locator('section[aria-labelledby="packs-title"]').dispatchEvent('drop', { dataTransfer });
    await waitForText(packRow('dropped-voice'), 'Dropped voice');
    await options.getByRole('button', { name: 'Remove Dropped voice' }).click();
    await packRow('dropped-voice').waitFor({ state: 'detached' });
  }],
  ['a malformed pack file shows the line and column, and changes nothing', async () => {
    await importFile('broken.json');
    const alert = options.getByRole('alert').filter({ hasText: '“broken.json” was not imported' });
    await alert.waitFor();
    await alert.getByText('line 5, column 22', { exact: false }).waitFor();
    check((await packRow('broken-pack').count()) === 0, 'broken pack was listed');
  }],
  ['an invalid pack file shows the JSON path with its line and column', async () => {
    await importFile('wrong-step.json');
    const alert = options.getByRole('alert').filter({ hasText: '“wrong-step.json” was not imported' });
    await alert.getByText('line 9, column 26 at /phrases/1/step: Unknown step "dance"', { exact: false }).waitFor();
  }],
  ['a lower version from a file is refused with the reason', async () => {
    const older = fixture('acme-voice.json').replace('"1.2.0"', '"1.1.0"');
    await importFile('acme-old.json', older);
    await options.getByRole('alert').filter({ hasText: 'Version 1.1.0 is older than the installed 1.2.0' }).waitFor();
    await waitForText(packRow('acme-voice'), '1.2.0');
  }],
  ['an unlocked pack can be turned off and on; off, its phrases leave the panel', async () => {
    await options.getByRole('button', { name: 'Turn off ACME voice' }).click();
    await waitForText(packRow('acme-voice'), 'Off');
    await searchPanel('Zanzibar desk');
    await panel.getByText('No phrase matches').waitFor({ timeout: 5000 });
    await options.getByRole('button', { name: 'Turn on ACME voice' }).click();
    await searchPanel('Zanzibar');
    await panelResult('Welcome to the Zanzibar desk').waitFor({ timeout: 5000 });
  }],
  ['a file that marks itself locked stays removable by the agent who imported it', async () => {
    // Only policy (and a published subscription) locks a pack against the agent; the unit tests cover those.
    await importFile('locked.json');
    await waitForText(packRow('locked-voice'), 'Imported file');
    check(!(await packRow('locked-voice').innerText()).includes('Locked by'), 'a self-locked file says it is locked');
    await packRow('locked-voice').getByRole('button', { name: 'Remove Locked voice' }).click();
    await packRow('locked-voice').waitFor({ state: 'detached', timeout: 5000 });
  }],
  ['plain http to another host is refused with the reason', async () => {
    await options.getByLabel('Pack URL').fill('http://packs.example.com/team.json');
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await options.getByRole('alert').filter({ hasText: 'only allowed for localhost and 127.0.0.1' }).waitFor();
  }],
  ['subscribing to a local URL installs the pack at once and shows the check', async () => {
    teamMode = 'v1';
    const url = `${base}/team.json`;
    await options.getByLabel('Pack URL').fill(url);
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await waitForText(packRow('team-voice'), '1.0.0');
    await waitForText(packRow('team-voice'), 'Subscribed URL');
    await waitForText(subRow(url), 'Installed 1.0.0.');
    check(!(await subRow(url).getByText('never').isVisible()), 'last check time not shown');
    await searchPanel('Kestrel');
    await panelResult('Hi, Kestrel team here').waitFor({ timeout: 5000 });
  }],
  ['subscriptions are checked again every 6 hours by an alarm', async () => {
    const alarm = await h.worker.evaluate(() => chrome.alarms.get('pack-subscriptions'));
    check(alarm?.periodInMinutes === 360, `alarm: ${JSON.stringify(alarm)}`);
  }],
  ['a server without CORS headers makes the page ask for access to its origin', async () => {
    const url = `${base}/no-cors.json`;
    // Its own tab: headless Chromium cannot answer the browser's permission prompt, and closing the tab dismisses it.
    const page = await h.context.newPage();
    try {
      await page.goto(OPTIONS_URL);
      await page.getByLabel('Pack URL').fill(url);
      await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await page.getByRole('status').filter({ hasText: `${base} sends no CORS headers` }).or(page.getByRole('button', { name: `Allow access to ${base}` })).first().waitFor({ timeout: 10000 });
      check((await subRow(url).count()) === 0, 'subscribed without access');
    } finally {
      await page.close();
    }
  }],
  ['"check now" picks up a later version and shows what changed', async () => {
    teamMode = 'v2';
    const url = `${base}/team.json`;
    await options.getByRole('button', { name: `Check now: ${url}` }).click();
    await waitForText(packRow('team-voice'), '1.1.0');
    await waitForText(packRow('team-voice'), 'Updated from 1.0.0 to 1.1.0: 1 new phrase.');
    await waitForText(subRow(url), 'Updated from 1.0.0 to 1.1.0.');
    await searchPanel('Kestrel plan');
    await panelResult('So the Kestrel plan is').waitFor({ timeout: 5000 });
  }],
  ['a 404 keeps the last good version and says so', async () => {
    teamMode = '404';
    const url = `${base}/team.json`;
    await options.getByRole('button', { name: `Check now: ${url}` }).click();
    await waitForText(subRow(url), 'The server answered 404');
    await waitForText(subRow(url), 'Still using “Team voice” 1.1.0.');
    await waitForText(packRow('team-voice'), '1.1.0');
    await searchPanel('Kestrel plan');
    await panelResult('So the Kestrel plan is').waitFor({ timeout: 5000 });
  }],
  ['an HTML page instead of JSON keeps the last good version and says so', async () => {
    teamMode = 'html';
    const url = `${base}/team.json`;
    await options.getByRole('button', { name: `Check now: ${url}` }).click();
    await waitForText(subRow(url), 'returned a web page (HTML), not a JSON pack');
    await waitForText(packRow('team-voice'), '1.1.0');
  }],
  ['a different pack id from the same URL is refused, keeping the last good version', async () => {
    teamMode = 'other-id';
    const url = `${base}/team.json`;
    await options.getByRole('button', { name: `Check now: ${url}` }).click();
    await waitForText(subRow(url), 'now serves "locked-voice"');
    await waitForText(packRow('team-voice'), '1.1.0');
    teamMode = 'v2';
  }],
  ['personal phrases can be added, edited and deleted, are shown as text, and appear in the panel', async () => {
    await options.getByLabel('New phrase').fill('Ocelot check: I will sort this <b>today</b>.');
    await options.getByRole('button', { name: 'Add phrase' }).click();
    const mine = options.getByRole('list', { name: 'My phrases' });
    await mine.getByText('Ocelot check: I will sort this <b>today</b>.').waitFor();
    check((await mine.locator('b').count()) === 0, 'personal phrase rendered as HTML');
    await searchPanel('Ocelot');
    await panelResult('Ocelot check: I will sort this').waitFor({ timeout: 5000 });

    await mine.getByRole('button', { name: /^Edit phrase: Ocelot/ }).click();
    await options.getByLabel('Edited text').fill('Ocelot check: sorted by noon, I promise.');
    await options.getByRole('button', { name: 'Save phrase' }).click();
    await mine.getByText('Ocelot check: sorted by noon, I promise.').waitFor();
    await searchPanel('Ocelot');
    await panelResult('sorted by noon').waitFor({ timeout: 5000 });

    await options.getByLabel('New phrase').fill('   ');
    await options.getByRole('button', { name: 'Add phrase' }).click();
    await options.getByRole('alert').filter({ hasText: 'Phrase 2:' }).waitFor();

    await mine.getByRole('button', { name: /^Delete phrase: Ocelot/ }).click();
    await mine.waitFor({ state: 'detached' });
    await searchPanel('Ocelot');
    await panel.getByText('No phrase matches').waitFor({ timeout: 5000 });
  }],
  ['an inserted phrase is counted, and usage exports as CSV', async () => {
    await searchPanel('Kestrel team here');
    await panelResult('Hi, Kestrel team here').click();
    await panel.getByRole('status').filter({ hasText: /Inserted|Copied|Could not/ }).waitFor();
    await options.reload();
    const table = options.getByRole('table', { name: 'Phrase usage' });
    await table.getByText('Hi, Kestrel team here', { exact: false }).waitFor({ timeout: 10000 });
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export usage (CSV)' }).click();
    const path = await (await download).path();
    const csv = readFileSync(path, 'utf8');
    check(csv.startsWith('pack_id,pack_name,phrase_id,step,title,text,times_inserted,last_used\r\n'), `unexpected CSV header: ${csv.slice(0, 80)}`);
    check(/team-voice,Team voice,greet-kestrel,greet,,"?Hi, Kestrel team here, thanks for getting in touch\."?,1,\d{4}-/.test(csv), `usage row missing: ${csv}`);
  }],
  ['an unlocked subscribed pack can be removed, which also ends the subscription', async () => {
    const url = `${base}/team.json`;
    await options.getByRole('button', { name: 'Remove Team voice' }).click();
    await packRow('team-voice').waitFor({ state: 'detached' });
    await subRow(url).waitFor({ state: 'detached' });
  }],
  ['policy delivers a locked inline pack and a pack URL; removing the policy removes them', async () => {
    if (!policyWritable()) {
      console.log(`# skipped: ${POLICY_DIR} is not writable`);
      return;
    }
    const inline = { schema: 1, id: 'e2e-policy-inline', name: 'Équipe (politique)', version: '2.0.0', locale: 'fr', phrases: [{ id: 'a', step: 'greet', text: 'Bonjour et merci pour votre patience.' }] };
    // French packs, so any other Chromium started meanwhile on this machine keeps its English phrases.
    writePolicyFile({ packs: [JSON.stringify(inline)], packUrls: [`${base}/policy-fr.json`], lockedPackIds: ['e2e-policy-url'], allowPersonalPhrases: 'no' });
    const p = await launch();
    try {
      const page = await p.context.newPage();
      await page.goto(OPTIONS_URL);
      const row = packRow('e2e-policy-inline', page);
      await waitForText(row, 'Équipe (politique)', 20000).catch(async (err: Error) => {
        // Say what the extension saw: the policy as Chromium delivered it, and what is stored.
        const seen = await p.worker.evaluate(async () => ({ managed: await chrome.storage.managed.get(null), stored: Object.keys(await chrome.storage.local.get(null)) }));
        throw new Error(`${err.message}\n${JSON.stringify(seen).slice(0, 800)}`);
      });
      await waitForText(row, 'Your organisation (policy)');
      await waitForText(row, 'Installed by your organisation’s policy');
      check((await row.getByRole('button').count()) === 0, 'a policy pack has buttons');
      await waitForText(packRow('e2e-policy-url', page), 'Politique par URL');
      await waitForText(page.locator(`tr[data-url="${base}/policy-fr.json"]`), 'From your organisation’s policy');
      // The wrongly typed value is dropped; the rest of the policy still applies.
      await page.getByRole('heading', { name: 'My phrases' }).waitFor();
      removePolicyFile();
      // Chromium notices the folder change by itself and the extension reacts to storage.managed.
      await packRow('e2e-policy-inline', page).waitFor({ state: 'detached', timeout: 45000 });
      await packRow('e2e-policy-url', page).waitFor({ state: 'detached', timeout: 5000 });
    } finally {
      removePolicyFile();
      await p.close();
    }
  }],
];
