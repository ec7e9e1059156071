import type { FaultCatch } from '../targets/fault-catch.ts';
import type { FaultResult, RunObservation, Verdict } from './verdict.ts';

/** What a self-test run was about: a fault of a target, or (no fault) the control run. */
export interface RunSubject {
  readonly target: string;
  readonly fault?: {
    readonly name: string;
    readonly description: string;
    readonly harmful: boolean;
    /** Where the suites must catch it; a run that fails elsewhere only has not caught it. */
    readonly catches?: readonly FaultCatch[];
  };
}

/** The declared catches the run did not make: the step did not fail, or not at that check. */
function catchesMissing(subject: RunSubject, run: RunObservation): string {
  const missing = (subject.fault?.catches ?? []).filter(
    ({ step, check }) =>
      !(run.failures ?? []).some((failure) => failure.step === step && failure.message.includes(check)),
  );
  return missing.map(({ step, check }) => `${step} did not fail at "${check}"`).join('; ');
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}

function erroredReason(run: RunObservation): string {
  if (run.timedOut) return `timed out after ${Math.round(run.durationMs / 1000)} s`;
  const why = run.firstFailure ?? lastLine(run.stderrTail);
  const exit =
    run.code === 2
      ? 'exit 2 (configuration or usage, not a conformance failure)'
      : `crashed (exit ${run.code ?? 'killed'})`;
  return why ? `${exit}: ${why}` : exit;
}

/**
 * What the run left in the tenant and did not name: a leftover the run named at the end by id
 * (a tenant that keeps what it was asked to delete), or by name (a tenant that never said its
 * id), is reported to the user, not hidden.
 */
function unnamedLeftovers(run: RunObservation): string {
  const named = (leftover: { id: string; name: string }): boolean =>
    run.stderrTail.includes(leftover.id) || run.stderrTail.includes(leftover.name);
  const unnamed = (run.leftovers ?? []).filter((leftover) => !named(leftover));
  return unnamed.map((leftover) => `${leftover.description} (${leftover.id})`).join('; ');
}

/**
 * The verdict on one run: exit 1 catches a harmful fault and breaks on a benign one, exit 0
 * misses a harmful fault and survives a benign one, and so does exit 1 without a catch the
 * fault declares (the suite failed, but not by the check meant for this defect); anything else (exit 2, a
 * crash, a timeout)
 * is `errored` with the reason, and counts as neither caught nor survived. A run that left
 * something in the tenant without naming it neither catches nor survives: a harmful fault is
 * then missed, a benign one (or the control) broke the run.
 */
export function judgeRun(subject: RunSubject, run: RunObservation): FaultResult {
  const harmful = subject.fault?.harmful ?? false;
  let verdict: Verdict;
  let detail = '';
  const left = unnamedLeftovers(run);
  if (left && (run.code === 0 || run.code === 1) && !run.timedOut) {
    verdict = harmful ? 'missed' : 'broken';
    detail = `the run left behind ${left}`;
  } else if (run.code === 1 && !run.timedOut && harmful && catchesMissing(subject, run)) {
    verdict = 'missed';
    const first = run.firstFailure ?? lastLine(run.stderrTail);
    detail = `exit 1, but ${catchesMissing(subject, run)}${first ? ` (first failure: ${first})` : ''}`;
  } else if (run.code === 1 && !run.timedOut) {
    verdict = harmful ? 'caught' : 'broken';
    detail = run.firstFailure ?? lastLine(run.stderrTail);
  } else if (run.code === 0 && !run.timedOut) {
    verdict = harmful ? 'missed' : 'survived';
    if (harmful) detail = 'the suite passed: no check noticed this fault';
  } else {
    verdict = 'errored';
    detail = erroredReason(run);
  }
  return {
    target: subject.target,
    fault: subject.fault?.name,
    description: subject.fault?.description ?? 'a correct emulator: the suite must pass',
    harmful,
    verdict,
    detail,
    durationMs: run.durationMs,
  };
}
