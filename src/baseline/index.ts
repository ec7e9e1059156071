export {
  FAILURE_CODES,
  type ActiveBaseline,
  type BaselineFile,
  type FailureCode,
  type KnownDeviation,
  type RecordedOutcome,
} from './known-deviation.ts';
export { BASELINE_SCHEMA } from './baseline-schema.ts';
export { parseBaseline, type ParseBaselineOptions } from './parse-baseline.ts';
export { selectBaseline, type SelectBaselineOptions, type SelectedBaseline } from './select-baseline.ts';
export { defaultBaselineFile, displayPath } from './baseline-files.ts';
export { judgeOutcome, deviationFor, type Judgement, type Observed } from './judge-outcome.ts';
export { observedOutcome, outcomeMatches, describeOutcome } from './observed-outcome.ts';
export { BaselineMismatchError, type BaselineMismatchCode } from './baseline-mismatch-error.ts';
export { acceptedDeviationLines, DEVIATION_ANNOTATION } from './accepted-deviations.ts';
