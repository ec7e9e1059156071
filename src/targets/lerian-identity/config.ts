import { ConfigError } from '../../errors/config-error.ts';
import { parseAllowedHosts } from '../../guards/host-guard.ts';
import { LERIAN_ALLOW_HOST_VARIABLE, LERIAN_DOCUMENTED_HOSTS, isLerianHost } from './hosts.ts';
import { allowsInsecureHttp } from '../../guards/insecure-http-option.ts';
import { refuseForeignHosts, type CredentialTransport } from '../../guards/transport-guard.ts';
import { sourceKind } from '../../config/sources.ts';
import { LERIAN_VARIABLE_RULES } from './variables.ts';
import { createVariableValidator, hasVariableWithPrefix } from '../../config/validate-variables.ts';

/** A username and password, or a client id and secret. */
export interface LerianCredentials {
  readonly id: string;
  readonly secret: string;
}

/** A validated Lerian Identity target. */
export interface LerianConfig {
  readonly target: 'lerian-identity';
  /** Where it came from, for messages. */
  readonly source: string;
  /** Auth plugin base, no trailing slash, no `/v1`. */
  readonly authUrl: string;
  /** Identity plugin base, no trailing slash, no `/v1`. */
  readonly identityUrl: string;
  /** An admin user (password grant); at least one of `adminUser` and `application` is set. */
  readonly adminUser?: LerianCredentials;
  /** An M2M application (client_credentials grant). */
  readonly application?: LerianCredentials;
  /**
   * The target is the idflow emulator: the probes only it can answer run (forced 500s through
   * `X-Idflow-Force-Error`, the disable path it chose); on a real tenant they are named skips.
   */
  readonly idflowEmulator: boolean;
  /** Hosts `--allow-host` or LERIAN_ALLOW_HOST allow besides Lerian's and loopback; absent when none. */
  readonly allowedHosts?: readonly string[];
  /** `--allow-insecure-http`: credentials may go over http:// to a host that is not loopback. */
  readonly allowInsecureHttp?: true;
}

const validateLerian = createVariableValidator(LERIAN_VARIABLE_RULES);

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function noCredentials(source: string): ConfigError {
  const origin = sourceKind(source);
  const file =
    origin.kind === 'dotenv' || origin.kind === 'postman' ? origin.file : LERIAN_VARIABLE_RULES.envFile;
  return new ConfigError({
    code: 'CONFIG_MISSING',
    variable: 'LERIAN_USERNAME',
    file,
    example: 'LERIAN_USERNAME=admin',
    message:
      `No Lerian credentials: set LERIAN_USERNAME and LERIAN_PASSWORD (an admin user), or LERIAN_CLIENT_ID and ` +
      `LERIAN_CLIENT_SECRET (an M2M application), in ${file} (see ${LERIAN_VARIABLE_RULES.exampleFile}), ` +
      `e.g. LERIAN_USERNAME=admin`,
  });
}

/** Where a Lerian configuration sends the admin password or client secret, for the transport guard. */
export function lerianCredentialTransport(config: LerianConfig): CredentialTransport {
  return {
    source: config.source,
    credential: 'the admin password or client secret',
    urls: [
      { variable: 'LERIAN_AUTH_URL', url: config.authUrl },
      { variable: 'LERIAN_IDENTITY_URL', url: config.identityUrl },
    ],
    isVendorHost: isLerianHost,
    vendorHosts: `a host Lerian documents (${LERIAN_DOCUMENTED_HOSTS.join(', ')})`,
    allowVariable: LERIAN_ALLOW_HOST_VARIABLE,
    allowedHosts: config.allowedHosts ?? [],
    allowInsecureHttp: config.allowInsecureHttp === true,
  };
}

/**
 * Returns `undefined` when no LERIAN_* variable is set (the embedded emulator is used);
 * otherwise validates once and returns the config, or throws a ConfigError naming the variable,
 * the file to edit and an example. Secrets are registered for redaction before validation.
 */
export function resolveLerianConfig(
  variables: Record<string, string>,
  source: string,
): LerianConfig | undefined {
  const { [LERIAN_ALLOW_HOST_VARIABLE]: _allowOnly, ...targetVariables } = variables;
  if (!hasVariableWithPrefix(targetVariables, 'LERIAN_')) return undefined;
  const values = validateLerian(variables, source);
  const username = values.get('LERIAN_USERNAME');
  const password = values.get('LERIAN_PASSWORD');
  const clientId = values.get('LERIAN_CLIENT_ID');
  const clientSecret = values.get('LERIAN_CLIENT_SECRET');
  const adminUser = username && password ? { id: username, secret: password } : undefined;
  const application = clientId && clientSecret ? { id: clientId, secret: clientSecret } : undefined;
  if (!adminUser && !application) throw noCredentials(source);
  const allowedHosts = parseAllowedHosts(values.get(LERIAN_ALLOW_HOST_VARIABLE));
  const config: LerianConfig = {
    target: 'lerian-identity',
    source,
    authUrl: withoutTrailingSlash(values.require('LERIAN_AUTH_URL')),
    identityUrl: withoutTrailingSlash(values.require('LERIAN_IDENTITY_URL')),
    ...(adminUser ? { adminUser } : {}),
    ...(application ? { application } : {}),
    idflowEmulator: values.get('LERIAN_IDFLOW_EMULATOR') === 'true',
    ...(allowedHosts.length === 0 ? {} : { allowedHosts }),
    ...(allowsInsecureHttp(variables) ? { allowInsecureHttp: true as const } : {}),
  };
  // The admin password must not follow a typo (or a copied URL) to someone else's host.
  refuseForeignHosts(lerianCredentialTransport(config));
  return config;
}
