import { redact } from '../redact/secrets.ts';
import type { CheckView, ModuleView } from '../flow/run/check-view.ts';

/** A failure's text is the tool's own (expected/given, hint, evidence ≤ 1 KB, curl): kept whole up to this. */
const MESSAGE_LIMIT = 8_000;

function details(test: CheckView): string {
  const error = test.result().errors?.[0] as { message?: string } | undefined;
  const message = (error?.message ?? 'failed').slice(0, MESSAGE_LIMIT);
  const id = test.name.split(':', 1)[0] ?? test.name;
  return [`idflow: × ${test.project.name} ${id}`, ...message.split('\n').map((line) => `  ${line}`)].join(
    '\n',
  );
}

/**
 * Every failed check in full, in run order: the step and the first check that failed as
 * expected/given, every check of the step, the hint, the evidence and the `curl` that
 * reproduces it, as the failure carries them. Empty when nothing failed. Only reads results.
 */
export function failureDetails(modules: readonly ModuleView[]): string {
  const failed = modules.flatMap((module) => [...module.children.allTests('failed')]);
  return redact(failed.map(details).join('\n\n'));
}
