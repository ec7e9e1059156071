import { TARGETS } from '../targets/registry.ts';

/** The variables `--allow-host` feeds: each target's allow-host variable. */
export const ALLOW_HOST_VARIABLES: readonly string[] = TARGETS.map((target) => target.allowHostVariable);

/**
 * The variables with `--allow-host` values added to each target's allow-host variable
 * (comma-separated), so the option and the variables allow hosts the same way, in this process
 * and in the suites'.
 */
export function withAllowedHosts(
  variables: Record<string, string>,
  hosts: readonly string[] | undefined,
): Record<string, string> {
  if (!hosts?.length) return variables;
  const added = { ...variables };
  for (const name of ALLOW_HOST_VARIABLES) {
    const given = variables[name];
    added[name] = [...(given ? [given] : []), ...hosts].join(',');
  }
  return added;
}
