// E2E on @playwright/test: each tests/e2e/*.e2e.ts group runs in order in one worker (they share one
// Chromium per group), with a per-test hang guard, no retries (flakiness must show), and on a
// failure a screenshot of every page of the group's browser.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: 'groups.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Hang guards for a busy CI machine, not speed limits (speed lives in `npm run bench`).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results',
  reporter: [['list'], ['./tests/e2e/count-reporter.ts']],
});
