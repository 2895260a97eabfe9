// Before any group: a browser must be there (one clear line if not), dist/ must be built, and the
// editor fixtures are bundled from the real editors' packages.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path';
import { DIST, ROOT } from './harness';

export default function globalSetup(): void {
  chromiumPath();
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build:e2e` first (the E2E build carries the test hook).');
  const editorsBuild = join(ROOT, 'tests/e2e/fixtures/editors/build.mjs');
  if (existsSync(editorsBuild)) execFileSync(process.execPath, [editorsBuild], { stdio: 'inherit', cwd: ROOT });
}
