import {writeSync} from 'node:fs';

/**
 * Ends the run with one plain line, "tests: N passed, N failed", that CI and people can
 * read without parsing the progress bar.
 */
export function summaryReporter() {
  return {
    stop({sessions}) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        suite.suites.forEach(count);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load has no results: count it as a failure so it is not lost.
        else if (!session.passed) failed += 1;
      }
      writeSync(1, `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    },
  };
}
