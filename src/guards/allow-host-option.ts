import { ALLOW_HOST_VARIABLE, LERIAN_ALLOW_HOST_VARIABLE } from './host-guard.ts';

/** The variables `--allow-host` feeds: one per target. */
export const ALLOW_HOST_VARIABLES: readonly string[] = [ALLOW_HOST_VARIABLE, LERIAN_ALLOW_HOST_VARIABLE];

/**
 * The variables with `--allow-host` values added to `PINGONE_ALLOW_HOST` and `LERIAN_ALLOW_HOST`
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
