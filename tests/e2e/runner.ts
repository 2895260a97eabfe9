// A minimal test runner for E2E files: each file exports `tests` as [name, fn] pairs.
// It prints TAP-like lines and the plain closing line CI reads ("N passed, N failed").
export type E2ETest = [name: string, fn: () => Promise<void>];

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export async function runTests(groups: { file: string; tests: E2ETest[]; setup?: () => Promise<void>; teardown?: () => Promise<void> }[], filter?: string): Promise<{ passed: number; failed: number }> {
  let passed = 0;
  let failed = 0;
  for (const g of groups) {
    const tests = g.tests.filter(([name]) => !filter || `${g.file} ${name}`.includes(filter));
    if (!tests.length) continue;
    try {
      await g.setup?.();
    } catch (err) {
      failed += tests.length;
      console.log(`not ok - ${g.file}: setup failed: ${(err as Error).stack ?? err}`);
      continue;
    }
    for (const [name, fn] of tests) {
      const t0 = Date.now();
      try {
        await fn();
        passed++;
        console.log(`ok - ${g.file}: ${name} (${Date.now() - t0} ms)`);
      } catch (err) {
        failed++;
        console.log(`not ok - ${g.file}: ${name}\n  ${((err as Error).stack ?? String(err)).split('\n').slice(0, 6).join('\n  ')}`);
      }
    }
    await g.teardown?.().catch((err) => console.log(`# teardown of ${g.file} failed: ${err}`));
  }
  return { passed, failed };
}
