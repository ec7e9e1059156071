import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { CheckResultView, CheckView, ModuleView } from '../flow/run/check-view.ts';
import type { PlannedCheck } from './plan-checks.ts';

/** The folder of a target's suite files, from its glob (`suites/<target>/**\/*.test.ts`). */
function suitesFolder(glob: string): string {
  const wild = glob.search(/[*?[{]/);
  return resolve(PACKAGE_ROOT, wild < 0 ? glob : glob.slice(0, glob.lastIndexOf('/', wild)));
}

/**
 * A target's checks as one {@link ModuleView} per suite file (the file each would have run in
 * under vitest), in plan order, so summaries, reports and exit codes read them as they read
 * vitest's modules.
 */
export function moduleViews(
  target: { readonly name: string; readonly suites: string },
  checks: readonly PlannedCheck[],
): ModuleView[] {
  const folder = suitesFolder(target.suites);
  const files = new Map<string, CheckView[]>();
  for (const planned of checks) files.set(planned.file, [...(files.get(planned.file) ?? []), planned.check]);
  return [...files].map(([file, tests]) => ({
    moduleId: resolve(folder, `${file}.test.ts`),
    project: { name: target.name },
    children: {
      *allTests(state?: CheckResultView['state']) {
        for (const test of tests) if (state === undefined || test.result().state === state) yield test;
      },
    },
    errors: () => [],
  }));
}
