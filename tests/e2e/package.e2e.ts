// Issue #15: the store zip is what ships, so it is what this group loads. `npm test` builds dist/
// with the E2E hook, so the group makes the package itself (a production build in a directory of
// its own, dist/ untouched), unzips it into a temporary directory and runs THAT in Chromium.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { makePackage, packageVersion, type PackageResult } from '../../scripts/package';
import { TEST_ONLY } from '../../scripts/check-release';
import { launch, openDesk, openPanelTab, routeDesk, type Harness } from './harness';
import { check, type E2ETest } from './runner';

export const file = 'package';

let tmp: string;
let pkg: PackageResult;
let entries: Record<string, Uint8Array>;
let unpacked: string;
let h: Harness;
let desk: Page;
let panel: Page;

export async function setup() {
  tmp = mkdtempSync(join(tmpdir(), 'person-first-package-'));
  pkg = makePackage({ outDir: tmp });
  entries = unzipSync(readFileSync(pkg.zip));
  unpacked = join(tmp, 'unpacked');
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(unpacked, name)), { recursive: true });
    writeFileSync(join(unpacked, name), data);
  }
}

export async function teardown() {
  await h?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

const text = (name: string) => Buffer.from(entries[name]!).toString('utf8');

export const tests: E2ETest[] = [
  ['the zip is named for package.json\'s version and its manifest says the same, without the key the store refuses', async () => {
    const version = packageVersion();
    check(pkg.zip.endsWith(`person-first-${version}.zip`), `zip name ${pkg.zip}`);
    const manifest = JSON.parse(text('manifest.json')) as { version: string; key?: string; manifest_version: number };
    check(manifest.version === version, `manifest version ${manifest.version}, package.json ${version}`);
    check(manifest.manifest_version === 3 && !('key' in manifest), 'manifest is not MV3 or still has "key"');
  }],
  ['the panel page loads its first screen from a few files; the options page and the service worker load none of the panel\'s own code or styles', async () => {
    // Each extension file costs a round trip to the browser process before the panel's first line runs.
    const jsOf = (html: string) => [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
    const panelHtml = text('src/panel/index.html');
    const scripts = jsOf(panelHtml);
    check(scripts.length <= 4 && scripts.some((s) => /panel-first-screen/.test(s)), `the panel page loads ${scripts.join(', ')}`);
    const optionsHtml = text('src/options/index.html');
    check(!jsOf(optionsHtml).some((s) => /panel-first-screen/.test(s)), `the options page loads the panel's own chunk: ${jsOf(optionsHtml).join(', ')}`);
    for (const css of [...panelHtml.matchAll(/href="\/?([^"]+\.css)"/g)].map((m) => m[1]!)) check(!optionsHtml.includes(css), `the options page loads the panel's ${css}`);
    // The service worker's modules, followed through their imports: never the panel's own code.
    const worker = /['"]\.?\/?(assets\/[^'"]+\.js)['"]/.exec(text('service-worker-loader.js'))?.[1];
    check(!!worker, 'no service worker module named in its loader');
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || !entries[name]) return;
      seen.add(name);
      for (const m of text(name).matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
    };
    visit(worker!);
    const panelOwn = [...seen].filter((n) => /panel-first-screen|panel-and-options/.test(n));
    check(seen.size > 1 && !panelOwn.length, `the service worker loads ${[...seen].join(', ')}`);
  }],
  ['the zip holds no source maps and no test hook', async () => {
    const names = Object.keys(entries);
    check(names.some((n) => n.endsWith('.js')), `no scripts in the zip: ${names.join(', ')}`);
    for (const name of names) {
      check(!name.endsWith('.map'), `source map in the zip: ${name}`);
      if (!/\.(js|html|json|css)$/.test(name)) continue;
      const body = text(name);
      check(!/[#@] sourceMappingURL=/.test(body), `source map reference in ${name}`);
      for (const hook of TEST_ONLY) check(!body.includes(hook), `test hook ${hook} in ${name}`);
    }
  }],
  ['Chromium loads the unzipped package and its panel shows the demo desk\'s ticket', async () => {
    h = await launch({ extensionDir: unpacked });
    await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
    desk = await openDesk(h, 'https://acme.zendesk.com/agent/tickets/42');
    await desk.locator('[data-pane-for="42"] [data-fixture-ready]').waitFor({ state: 'attached', timeout: 20000 });
    panel = await openPanelTab(h, desk);
    check(panel.url().startsWith(`chrome-extension://${h.extensionId}/`), `panel from another extension: ${panel.url()}`);
    await panel.getByRole('heading', { name: 'Refund for order #1042 still missing', exact: true }).waitFor({ timeout: 15000 });
    await panel.getByText('Maria Garcia').first().waitFor();
    await panel.getByRole('list', { name: 'Suggested phrases' }).waitFor({ timeout: 10000 });
  }],
  ['the options page of the package refuses a pack with an unknown placeholder, saying where', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/src/options/index.html#for-leads`);
    await options.getByRole('heading', { name: 'Phrase packs' }).waitFor();
    const pack = (text: string) => Buffer.from(JSON.stringify({ schema: 1, id: 'typo-pack', name: 'Typo pack', version: '1.0.0', locale: 'en', phrases: [{ id: 'g1', step: 'greet', text }] }, null, 2));
    await options.getByLabel('Import pack').setInputFiles({ name: 'typo.json', mimeType: 'application/json', buffer: pack('Hi {{custmer.firstName|there}}, thanks for writing.') });
    await options.getByRole('alert').filter({ hasText: 'line 11, column 15 at /phrases/0/text: Unknown placeholder {{custmer.firstName|there}}' }).waitFor();
    check((await options.locator('tr[data-pack-id="typo-pack"]').count()) === 0, 'the pack with the unknown placeholder was installed');
    await options.close();
  }],
  ['the options page of the package imports a valid pack and shows what lint says about it', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/src/options/index.html#for-leads`);
    await options.getByRole('heading', { name: 'Phrase packs' }).waitFor();
    const body = JSON.stringify({ schema: 1, id: 'lint-pack', name: 'Lint pack', version: '1.0.0', locale: 'en', phrases: [{ id: 'g1', step: 'greet', text: 'As I said, you should have read the manual.' }] }, null, 2);
    await options.getByLabel('Import pack').setInputFiles({ name: 'lint.json', mimeType: 'application/json', buffer: Buffer.from(body) });
    const status = options.getByRole('status').filter({ hasText: 'Imported “Lint pack” 1.0.0' });
    await status.waitFor();
    await status.getByRole('list', { name: 'Pack lint findings' }).getByText('line 11, column 15 at /phrases/0/text: "as i said" puts the blame on the customer').waitFor();
    await options.locator('tr[data-pack-id="lint-pack"]').waitFor();
    await options.close();
  }],
  ['the packaged service worker carries no test hook', async () => {
    const hooks = await h.worker.evaluate((names) => names.filter((n) => n in globalThis), TEST_ONLY);
    check(hooks.length === 0, `test hook present in the packaged worker: ${hooks.join(', ')}`);
  }],
];
