import type { Reporter, TestCase } from 'vitest/node';
import type { CheckView } from '../flow/run/check-view.ts';
import { INFERRED_HELD } from './calibration.ts';
import { redact } from '../redact/secrets.ts';

const MARK = { passed: '✓', failed: '×', skipped: '↓', pending: '·' } as const;
const LINE_LIMIT = 220;
/** Notes are idflow's own sentences (a deviation's reason, a drift path): kept whole up to this. */
const NOTE_LIMIT = 1000;

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > LINE_LIMIT ? `${line.slice(0, LINE_LIMIT - 1)}…` : line;
}

/** One line for a finished step or probe: mark, HTTP status, time, project and id, and why. */
export function progressLine(test: CheckView): string {
  const result = test.result();
  const state = result.state;
  const status = test.meta().httpStatus;
  const ms = Math.round(test.diagnostic()?.duration ?? 0);
  const id = test.name.split(':')[0] ?? test.name;
  const head =
    `  ${MARK[state]} ${state === 'skipped' ? 'skip' : String(status ?? '---')}` +
    ` ${`${ms} ms`.padStart(8)}  ${test.project.name} ${id}`;
  if (state === 'failed') {
    const error = result.errors?.[0] as { message?: string } | undefined;
    return redact(`${head}: ${firstLine(error?.message ?? 'failed')}`);
  }
  if (state === 'skipped' && result.note) return redact(`${head}: ${firstLine(result.note)}`);
  return redact(head);
}

/**
 * A finished check's progress line, then each note it left (a known deviation accepted, an
 * inferred expectation, drift, a settle wait), indented: what vitest's own reporters show under
 * a test, for runs idflow schedules itself.
 */
export function progressLines(test: CheckView): string[] {
  return [
    progressLine(test),
    ...test
      .annotations()
      // An inferred expectation that held is good news; the closing calibration summary counts them.
      .filter((annotation) => annotation.type !== INFERRED_HELD)
      .map((annotation) => redact(`      ↳ ${annotation.message.slice(0, NOTE_LIMIT)}`)),
  ];
}

/**
 * Writes one line per step and probe as it finishes, on stderr (a JSON or JUnit reporter on
 * stdout stays parseable): a run shows it is alive and where it is, and a failure that stops the
 * run (`--bail`) is on screen before vitest cancels the rest. Only reads results.
 */
export class ProgressReporter implements Reporter {
  readonly #write: (line: string) => void;

  constructor(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
    this.#write = write;
  }

  onTestCaseResult(test: TestCase): void {
    this.#write(progressLine(test));
  }
}
