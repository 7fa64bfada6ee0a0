/**
 * Ends the run with one line `N passed, N failed`, the count CI reads. Vitest's own summary
 * stays above it for people.
 *
 * A file whose setup fails (a beforeAll that throws, a module that cannot load) leaves its
 * tests skipped rather than failed; those count as failed here, so a broken build or a
 * missing browser can never read as a clean run.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    for (const mod of modules) {
      const tests = [...mod.children.allTests()];
      const states = tests.map((t) => t.result().state);
      const modulePassed = states.filter((s) => s === 'passed').length;
      let moduleFailed = states.filter((s) => s === 'failed').length;
      if (mod.state() === 'failed' && moduleFailed === 0)
        moduleFailed = Math.max(1, states.filter((s) => s === 'skipped' || s === 'pending').length);
      passed += modulePassed;
      failed += moduleFailed;
    }
    failed += unhandledErrors.length;
    // After Vitest's summary, so the count is the last line of the run.
    setImmediate(() => process.stdout.write(`\n${passed} passed, ${failed} failed\n`));
  }
}
