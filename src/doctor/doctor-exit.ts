import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import type { DoctorFinding } from './finding.ts';

/**
 * The contract's exit code for a preflight: 3 when the tenant could not be reached, else 2 when
 * the configuration is wrong, else 1 when the tenant answered against its docs, else 0. The
 * order puts first what the user must fix before anything else can be judged.
 */
export function doctorExitCode(findings: readonly DoctorFinding[]): ExitCode {
  const verdicts = new Set(findings.map((finding) => finding.verdict));
  if (verdicts.has('unreachable')) return EXIT.unreachable;
  if (verdicts.has('config')) return EXIT.usage;
  if (verdicts.has('conformance')) return EXIT.failed;
  return EXIT.passed;
}
