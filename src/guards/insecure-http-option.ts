/** The option that lets credentials go over plain http:// to a host that is not loopback. */
export const ALLOW_INSECURE_HTTP_OPTION = '--allow-insecure-http';
/**
 * The variable that carries {@link ALLOW_INSECURE_HTTP_OPTION} to the test process (and lets a
 * user set it once): `true` or `1`.
 */
export const ALLOW_INSECURE_HTTP_VARIABLE = 'IDFLOW_ALLOW_INSECURE_HTTP';

/** True when the variables opt in to cleartext credentials. */
export function allowsInsecureHttp(variables: Record<string, string | undefined>): boolean {
  return /^(?:true|1)$/i.test(variables[ALLOW_INSECURE_HTTP_VARIABLE]?.trim() ?? '');
}

/** The variables with the option's choice recorded, so every process decides the same way. */
export function withInsecureHttp(
  variables: Record<string, string>,
  given: boolean | undefined,
): Record<string, string> {
  return given ? { ...variables, [ALLOW_INSECURE_HTTP_VARIABLE]: 'true' } : variables;
}
