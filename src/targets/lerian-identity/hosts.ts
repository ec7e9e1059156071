/** The variable that allows more hosts for Lerian Identity credentials, like `--allow-host`. */
export const LERIAN_ALLOW_HOST_VARIABLE = 'LERIAN_ALLOW_HOST';

/**
 * The hosts Lerian documents (its sandbox). Lerian Identity is mostly self-hosted under the
 * customer's own domain, so no wildcard: any other host needs `--allow-host`.
 */
export const LERIAN_DOCUMENTED_HOSTS: readonly string[] = [
  'auth.sandbox.lerian.net',
  'identity.sandbox.lerian.net',
];

/** True for a host Lerian documents for its Access Manager. */
export function isLerianHost(host: string): boolean {
  return LERIAN_DOCUMENTED_HOSTS.includes(host);
}
