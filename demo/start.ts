// `npm start`: opens Chromium with the built extension on an offline demo Zendesk ticket.
// With a display it opens a real window; without one it runs headless and saves a screenshot
// of the desk beside the panel.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activateTab, launch, openDesk, openPanelTab, ROOT, routeDesk } from '../tests/e2e/harness';

const DEMO_URL = 'https://acme.zendesk.com/agent/tickets/42';
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const editorsBuild = join(ROOT, 'tests/e2e/fixtures/editors/build.mjs');
if (existsSync(editorsBuild)) execFileSync(process.execPath, [editorsBuild], { stdio: 'inherit', cwd: ROOT });

const h = await launch({ headless });
await routeDesk(h.context, 'https://acme.zendesk.com', 'zendesk.html');
const desk = await openDesk(h, DEMO_URL);
await desk.locator('[data-is-active="true"]').waitFor();

if (!headless) {
  console.log(`Demo desk open at ${DEMO_URL}. Click the Person First toolbar icon (or press Alt+Shift+P) to open the side panel. Close the browser to stop.`);
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
  process.exit(0);
}

const panel = await openPanelTab(h, desk);
await panel.setViewportSize({ width: 400, height: 800 });
await panel.getByRole('heading').first().waitFor();
// Show the panel as it looks beside the desk (the desk tab in front), with a draft under way.
await activateTab(h, desk);
await desk.locator('[data-pane-for="42"] .ck-editor__editable').click();
await desk.keyboard.type('As I said, you should have received it by now.');
await panel.waitForTimeout(1200);
const deskShot = await desk.screenshot();
const panelShot = await panel.screenshot();

// Compose the two shots side by side, as the agent sees them, using the browser itself.
const composer = await h.context.newPage();
await composer.setViewportSize({ width: 1600, height: 800 });
await composer.setContent(`<body style="margin:0;display:flex;background:#ccc">
  <img src="data:image/png;base64,${deskShot.toString('base64')}" width="1200" height="800">
  <img src="data:image/png;base64,${panelShot.toString('base64')}" width="400" height="800" style="border-left:1px solid #999">
</body>`);
const outDir = join(ROOT, 'demo/out');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, 'person-first-demo.png');
writeFileSync(file, await composer.screenshot());
await h.close();
console.log(`Screenshot of the demo desk and the Person First panel: ${file}`);
