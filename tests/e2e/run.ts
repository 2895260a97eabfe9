// `npm run test:e2e`: builds the editor fixtures, then runs every *.e2e.ts group in real Chromium.
// Usage: node --import tsx tests/e2e/run.ts [filter]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from './chromium-path';
import { ROOT } from './harness';
import { runTests, type E2ETest } from './runner';

chromiumPath(); // fail fast, in one line, when no browser is installed

const editorsBuild = join(ROOT, 'tests/e2e/fixtures/editors/build.mjs');
if (existsSync(editorsBuild)) execFileSync(process.execPath, [editorsBuild], { stdio: 'inherit', cwd: ROOT });

const dir = join(ROOT, 'tests/e2e');
const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort();
const groups = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { file?: string; tests?: E2ETest[]; setup?: () => Promise<void>; teardown?: () => Promise<void> };
  if (!mod.tests) continue;
  groups.push({ file: mod.file ?? f, tests: mod.tests, setup: mod.setup, teardown: mod.teardown });
}
const { passed, failed } = await runTests(groups, process.argv[2]);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
