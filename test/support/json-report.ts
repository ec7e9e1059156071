import { readFileSync } from 'node:fs';

/** One test as vitest's JSON reporter writes it. */
export interface ReportedTest {
  readonly title: string;
  readonly fullName: string;
  readonly status: 'passed' | 'failed' | 'skipped' | 'pending' | 'todo';
  readonly failureMessages: readonly string[];
  /** What idflow put in the test's meta (drift, calibration lines). */
  readonly meta?: { readonly drift?: readonly string[]; readonly calibration?: readonly string[] };
}

/** Every test of a vitest JSON report, in file order. */
export function readJsonReport(file: string): ReportedTest[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    testResults: Array<{ assertionResults: ReportedTest[] }>;
  };
  return report.testResults.flatMap((result) => result.assertionResults);
}

const CALIBRATION_TYPES = new Set(['inferred-held', 'inferred-unconfirmed', 'documented-alternative']);

/**
 * Every check of an idflow results file (`--report json=FILE`), in file order, in the shape of
 * vitest's JSON report: what a run scheduled by idflow itself reports.
 */
export function readResultsReport(file: string): ReportedTest[] {
  const results = JSON.parse(readFileSync(file, 'utf8')) as {
    targets: Array<{
      checks: Array<{
        title: string;
        suite: string;
        status: ReportedTest['status'];
        failure?: { message: string };
        notes: Array<{ type: string; message: string }>;
      }>;
    }>;
  };
  return results.targets.flatMap((target) =>
    target.checks.map((check) => {
      const drift = check.notes.filter((note) => note.type === 'drift').map((note) => note.message);
      const calibration = check.notes
        .filter((note) => CALIBRATION_TYPES.has(note.type))
        .map((note) => `${note.type}: ${note.message}`);
      return {
        title: check.title,
        fullName: `${check.suite} > ${check.title}`,
        status: check.status,
        failureMessages: check.failure ? [check.failure.message] : [],
        meta: {
          ...(drift.length > 0 ? { drift } : {}),
          ...(calibration.length > 0 ? { calibration } : {}),
        },
      };
    }),
  );
}

/** The test whose title starts with a step id (`07b-read-user-mfa-enabled: …`). */
export function stepResult(tests: readonly ReportedTest[], stepId: string): ReportedTest | undefined {
  return tests.find((test) => test.title.startsWith(`${stepId}:`));
}
