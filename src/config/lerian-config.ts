import { ConfigError } from '../errors/config-error.ts';
import { sourceKind } from './sources.ts';
import { LERIAN_VARIABLE_RULES } from './lerian-variables.ts';
import { createVariableValidator, hasVariableWithPrefix } from './validate-variables.ts';

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
}

const validateLerian = createVariableValidator(LERIAN_VARIABLE_RULES);

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function noCredentials(source: string): ConfigError {
  const origin = sourceKind(source);
  const file = origin.kind === 'dotenv' || origin.kind === 'postman' ? origin.file : LERIAN_VARIABLE_RULES.envFile;
  return new ConfigError({
    code: 'CONFIG_MISSING',
    variable: 'LERIAN_USERNAME',
    file,
    example: 'LERIAN_USERNAME=admin',
    message:
      `No Lerian credentials: set LERIAN_USERNAME and LERIAN_PASSWORD (an admin user), or LERIAN_CLIENT_ID and ` +
      `LERIAN_CLIENT_SECRET (an M2M application), in ${file} (see ${LERIAN_VARIABLE_RULES.exampleFile}), e.g. LERIAN_USERNAME=admin`,
  });
}

/**
 * Returns `undefined` when no LERIAN_* variable is set (the embedded emulator is used);
 * otherwise validates once and returns the config, or throws a ConfigError naming the variable,
 * the file to edit and an example. Secrets are registered for redaction before validation.
 */
export function resolveLerianConfig(variables: Record<string, string>, source: string): LerianConfig | undefined {
  if (!hasVariableWithPrefix(variables, 'LERIAN_')) return undefined;
  const values = validateLerian(variables, source);
  const username = values.get('LERIAN_USERNAME');
  const password = values.get('LERIAN_PASSWORD');
  const clientId = values.get('LERIAN_CLIENT_ID');
  const clientSecret = values.get('LERIAN_CLIENT_SECRET');
  const adminUser = username && password ? { id: username, secret: password } : undefined;
  const application = clientId && clientSecret ? { id: clientId, secret: clientSecret } : undefined;
  if (!adminUser && !application) throw noCredentials(source);
  return {
    target: 'lerian-identity',
    source,
    authUrl: withoutTrailingSlash(values.require('LERIAN_AUTH_URL')),
    identityUrl: withoutTrailingSlash(values.require('LERIAN_IDENTITY_URL')),
    ...(adminUser ? { adminUser } : {}),
    ...(application ? { application } : {}),
    idflowEmulator: values.get('LERIAN_IDFLOW_EMULATOR') === 'true',
  };
}
