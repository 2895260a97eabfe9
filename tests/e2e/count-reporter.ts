// Prints the plain closing line CI reads ("N passed, N failed"); a test that did not run because an
// earlier one in its group failed counts as failed, so a broken group never looks green.
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class CountReporter implements Reporter {
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'passed') this.passed++;
    else this.failed++;
  }

  onEnd(result: FullResult): void {
    if (result.status !== 'passed' && this.failed === 0) this.failed = 1;
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}
