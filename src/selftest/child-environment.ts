import { EXTRA_TARGETS_VARIABLE } from '../targets/extra-targets.ts';
import { TARGETS } from '../targets/registry.ts';

/**
 * This process's environment for a child `idflow` process: without any target's variables (so the
 * child sees only its `--env` file or what the caller adds), without idflow's own and vitest's
 * (so a run started from a test runs vitest afresh), without GitHub Actions' (a child's deliberate
 * failures must not become the job's annotations or step summary), and without colour. The extra
 * targets stay: the child must know the same targets.
 */
export function childEnvironment(): NodeJS.ProcessEnv {
  const dropped = [...TARGETS.map((target) => target.variablePrefix), 'IDFLOW_', 'VITEST', 'GITHUB_'];
  const kept = Object.entries(process.env).filter(
    ([name]) => name === EXTRA_TARGETS_VARIABLE || !dropped.some((prefix) => name.startsWith(prefix)),
  );
  return { ...Object.fromEntries(kept), NO_COLOR: '1', FORCE_COLOR: '0' };
}
