import {writeFileSync, writeSync} from 'node:fs';

/**
 * Ends the run with one plain line, "tests: N passed, N failed", that CI and people can
 * read without parsing the progress bar. With CIVIC_ACTION_TEST_REPORT set to a path, also
 * writes there, as JSON, which tests failed and with what message (the mutation script,
 * scripts/mutations/, reads it to say which test caught each bug).
 */
export function summaryReporter() {
  return {
    stop({sessions}) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const failures = [];
      const count = (suite, path, file) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else {
            failed += 1;
            failures.push({file, test: [...path, test.name].join(' › '), message: test.error?.message ?? ''});
          }
        }
        for (const inner of suite.suites) count(inner, [...path, inner.name], file);
      };
      for (const session of sessions) {
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        if (session.testResults) count(session.testResults, [], file);
        // A file that failed to load has no results: count it as a failure so it is not lost.
        else if (!session.passed) {
          failed += 1;
          failures.push({file, test: '(the file did not run)', message: session.errors?.map((e) => e.message).join('; ') ?? '', loadError: true});
        }
      }
      writeSync(1, `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
      const report = process.env.CIVIC_ACTION_TEST_REPORT;
      if (report) writeFileSync(report, `${JSON.stringify({passed, failed, skipped, failures}, null, 2)}\n`);
    },
  };
}
