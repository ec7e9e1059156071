import { redact } from '../redact/secrets.ts';
import { replaceFile } from '../files/replace-file.ts';
import { FAILURE_CODES, type BaselineFile, type KnownDeviation } from './known-deviation.ts';
import { isFailureCode, observedOn } from './observed-meta.ts';
import type { ModuleView } from '../flow/run/check-view.ts';

/** What `--write-baseline` found: the file's content, and the failures it cannot record. */
export interface ObservedBaseline {
  readonly baseline: BaselineFile;
  /** Checks that ended in something no baseline can accept (a guard, a crash): named, not recorded. */
  readonly unrecordable: readonly string[];
}

const COMMENT =
  'Known deviations of a configured tenant from the docs, recorded by idflow run --write-baseline. ' +
  'Review every entry: replace each reason with why your team accepts it (a ticket, a vendor answer), or ' +
  'fix the tenant and delete the entry.';

/**
 * The known-deviations file a run's observations make for `target`: every check that failed, as
 * it failed, and every inferred expectation reported unconfirmed (so the file also holds under
 * --strict), each with a reason to review (or the reason of the deviation the active baseline
 * already accepted, kept). Only reads results.
 */
export function observedBaseline(
  target: string,
  modules: readonly ModuleView[],
  recordedOn: string,
  tenant?: string,
): ObservedBaseline {
  const deviations: KnownDeviation[] = [];
  const unrecordable: string[] = [];
  for (const module of modules) {
    if (module.project.name !== target) continue;
    for (const test of module.children.allTests()) {
      const observed = observedOn(test);
      if (!observed) continue;
      const { code, check, given } = observed.outcome;
      if (!isFailureCode(code, FAILURE_CODES)) {
        unrecordable.push(`${observed.check} (${code})`);
        continue;
      }
      const recordedTenant = observed.tenant ?? tenant;
      deviations.push({
        check: observed.check,
        outcome: {
          code,
          ...(check === undefined ? {} : { check }),
          ...(given === undefined ? {} : { given }),
        },
        reason:
          observed.reason ??
          `TODO review: observed by idflow run --write-baseline on ${recordedOn}; say why this is accepted`,
        ...(recordedTenant === undefined ? {} : { tenant: recordedTenant }),
      });
    }
  }
  return { baseline: { target, deviations }, unrecordable };
}

/**
 * Writes the file (0644, replacing it; a symbolic link is refused), masking any secret this process knows.
 */
export function writeObservedBaseline(file: string, baseline: BaselineFile): void {
  const text = `${JSON.stringify({ $comment: COMMENT, ...baseline }, null, 2)}\n`;
  replaceFile(file, redact(text), { mode: 0o644, option: '--write-baseline', what: 'known deviations' });
}
