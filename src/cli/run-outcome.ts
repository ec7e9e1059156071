import { EXIT, type ExitCode } from '../process/exit-codes.ts';
import { outageFaults } from './outage-faults.ts';
import type { ModuleView } from '../flow/run/check-view.ts';

/** Faults carried by the errors of failed tests (idflow errors keep `fault` when serialized). */
function failureFaults(modules: readonly ModuleView[]): string[] {
  const errors: unknown[] = [];
  for (const module of modules) {
    errors.push(...module.errors());
    for (const test of module.children.allTests('failed')) errors.push(...(test.result().errors ?? []));
  }
  return outageFaults(errors);
}

/**
 * The contract's exit code for a finished run: 0 when nothing failed; 3 when no check failed
 * but the tenant could not be reached (DNS, a refused connection, TLS: a post-deploy outage is
 * not a configuration mistake); 2 when every failure is the configuration's fault, so the user
 * fixes a variable rather than filing a bug against the tenant; 1 otherwise.
 */
export function exitCodeFor(modules: readonly ModuleView[], unhandledErrors: number): ExitCode {
  const faults = failureFaults(modules);
  if (faults.length === 0 && unhandledErrors === 0) return EXIT.passed;
  if (unhandledErrors === 0 && faults.every((fault) => fault === 'config' || fault === 'unreachable'))
    return faults.includes('unreachable') ? EXIT.unreachable : EXIT.usage;
  return EXIT.failed;
}
