// Registers every tests/e2e/*.e2e.ts group with @playwright/test. A group is a file exporting
// `tests` ([name, fn] pairs) and optional `setup`/`teardown`; its tests share one browser and run
// in order, so a failure skips the rest of its group (reported as not run) instead of cascading.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from '@playwright/test';
import { liveContexts } from './harness';
import type { E2ETest } from './runner';

interface Group {
  file?: string;
  tests?: E2ETest[];
  setup?: () => Promise<void>;
  teardown?: () => Promise<void>;
}

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.e2e.ts')).sort();

for (const f of files) {
  const group = (await import(pathToFileURL(join(dir, f)).href)) as Group;
  if (!group.tests) continue;
  test.describe.serial(group.file ?? f, () => {
    if (group.setup) test.beforeAll(group.setup);
    if (group.teardown) test.afterAll(group.teardown);
    test.afterEach(async ({}, info) => {
      if (info.status === info.expectedStatus) return;
      for (const context of liveContexts()) {
        for (const [i, page] of context.pages().entries()) {
          const shot = await page.screenshot({ timeout: 5000 }).catch(() => null);
          if (shot) await info.attach(`page-${i}-${page.url().slice(0, 80)}`, { body: shot, contentType: 'image/png' });
        }
      }
    });
    for (const [name, fn] of group.tests!) test(name, fn);
  });
}
