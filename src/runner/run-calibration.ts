import type { Calibration } from '../flow/step/source.ts';
import type { TargetRunSetup } from './global-setup.ts';

/**
 * How a target's sessions treat inferred expectations: against the embedded emulator there is no
 * calibration (every expectation strict); against a configured tenant (`--env` or the target's
 * variables, a standalone emulator included) they are reported, and fail only under `--strict`.
 */
export function calibrationOf(setup: TargetRunSetup<unknown>): Calibration | undefined {
  return setup.emulated ? undefined : { lenient: !setup.strict };
}
