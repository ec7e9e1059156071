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

/** The test whose title starts with a step id (`07b-read-user-mfa-enabled: …`). */
export function stepResult(tests: readonly ReportedTest[], stepId: string): ReportedTest | undefined {
  return tests.find((test) => test.title.startsWith(`${stepId}:`));
}
