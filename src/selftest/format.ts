import { ratio, type SelfTestScore } from './score.ts';
import type { FaultResult } from './verdict.ts';

const GOOD = new Set(['caught', 'survived']);

/**
 * How a result reads: `caught`, `MISSED`, `survived`, `BROKE THE SUITE`, `ERRORED`, or the control's
 * `passed`.
 */
function outcomeText(result: FaultResult): string {
  if (result.fault === undefined)
    return result.verdict === 'survived' ? 'passed' : result.verdict === 'errored' ? 'ERRORED' : 'FAILED';
  switch (result.verdict) {
    case 'caught':
      return 'caught';
    case 'survived':
      return 'survived';
    case 'missed':
      return 'MISSED';
    case 'broken':
      return 'BROKE THE SUITE';
    case 'errored':
      return 'ERRORED';
  }
}

/**
 * One line per run: mark, target, fault, harmful/benign, outcome, seconds, and why (the first
 * failing check of a caught fault, or what went wrong).
 */
export function formatResult(result: FaultResult): string {
  const mark = GOOD.has(result.verdict) ? '✓' : '✗';
  const kind = result.fault === undefined ? 'control' : result.harmful ? 'harmful' : 'benign';
  const seconds = `${(result.durationMs / 1000).toFixed(1)} s`;
  const head = `${mark} ${result.target.padEnd(15)} ${(result.fault ?? '(no fault)').padEnd(36)} ${kind.padEnd(7)} ${outcomeText(result).padEnd(15)} ${seconds.padStart(7)}`;
  return result.detail ? `${head}  ${result.detail}` : head;
}

/** The two counts as one line, prefixed with `label` (a target name, or "total"). */
export function formatScore(label: string, score: SelfTestScore): string {
  const controls =
    score.controlsPassed === score.controls
      ? ''
      : `; control runs passed ${score.controlsPassed}/${score.controls}: scores are meaningless until the suite is green`;
  return (
    `${label.padEnd(15)} caught ${ratio(score.caught, score.harmful)} harmful, survived ` +
    `${ratio(score.survived, score.benign)} benign${controls}`
  );
}
