import { ALLOW_HOST_VARIABLE } from './host-guard.ts';

/**
 * The variables with `--allow-host` values added to `PINGONE_ALLOW_HOST` (comma-separated), so
 * the option and the variable allow hosts the same way, in this process and in the suites'.
 */
export function withAllowedHosts(
  variables: Record<string, string>,
  hosts: readonly string[] | undefined,
): Record<string, string> {
  if (!hosts?.length) return variables;
  const given = variables[ALLOW_HOST_VARIABLE];
  return { ...variables, [ALLOW_HOST_VARIABLE]: [...(given ? [given] : []), ...hosts].join(',') };
}
