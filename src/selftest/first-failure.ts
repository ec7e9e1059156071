import { readFileSync } from 'node:fs';

/** A check of an idflow results file (`--report json`), as far as the self-test reads it. */
interface ReportedCheck {
  readonly id?: string;
  readonly status?: string;
  readonly failure?: { readonly message?: string };
}

const MAX_LENGTH = 320;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_LENGTH ? `${flat.slice(0, MAX_LENGTH - 1)}…` : flat;
}

/**
 * The failed check of a step's message (`✗ status: expected 201, given 200`) with its first
 * detail line (a schema problem: `- /status: required`), else the message's first line.
 */
function checkOf(message: string): string {
  const lines = message.split('\n');
  const at = lines.findIndex((line) => /^\s*✗/.test(line));
  if (at < 0) return lines.find((line) => line.trim() !== '') ?? '';
  const check = (lines[at] ?? '').replace(/^\s*✗\s*/, '');
  const detail = lines[at + 1];
  return detail !== undefined && /^\s*-\s/.test(detail) ? `${check} ${detail.trim()}` : check;
}

/** The run's checks in run order (files in name order); undefined when unreadable. */
function reportedChecks(resultsFile: string): ReportedCheck[] | undefined {
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as {
      targets?: Array<{ checks?: ReportedCheck[] }>;
    };
    return (results.targets ?? []).flatMap((target) => target.checks ?? []);
  } catch {
    return undefined;
  }
}

/** One failed step or probe of a run: its id and its whole failure message. */
export interface FailedTest {
  readonly step: string;
  readonly message: string;
}

/** Every failed step and probe of a run, in run order, from its results file; [] without one. */
export function failedTestsIn(resultsFile: string): FailedTest[] {
  return (reportedChecks(resultsFile) ?? [])
    .filter((check) => check.status === 'failed')
    .map((check) => ({ step: check.id ?? '?', message: check.failure?.message ?? '' }));
}

/**
 * The first failing check of a run, from the results file it wrote (`--report json`): checks
 * in run order (files in name order), the first failed one, its first failed check. `undefined`
 * when nothing failed or there is no readable file.
 */
export function firstFailureIn(resultsFile: string): string | undefined {
  const failed = failedTestsIn(resultsFile)[0];
  return failed && clip(`${failed.step}: ${checkOf(failed.message)}`);
}
