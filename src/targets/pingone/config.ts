import { configErrorFor } from '../../config/config-problem.ts';
import { parseAllowedHosts } from '../../guards/host-guard.ts';
import { PINGONE_ALLOW_HOST_VARIABLE, isPingOneHost } from './hosts.ts';
import { allowsInsecureHttp } from '../../guards/insecure-http-option.ts';
import { refuseForeignHosts, type CredentialTransport } from '../../guards/transport-guard.ts';
import { PINGONE_VARIABLE_RULES } from './variables.ts';
import { DEFAULT_REGION, REGIONS, isRegion, regionOfUrl } from './regions.ts';
import type { Region } from './regions.ts';
import { createVariableValidator, hasVariableWithPrefix } from '../../config/validate-variables.ts';
import type { ValidatedVariables } from '../../config/validate-variables.ts';

/** A worker app's client credentials. */
export interface Actor {
  clientId: string;
  clientSecret: string;
}

/** A validated PingOne target. */
export interface PingOneConfig {
  target: 'pingone';
  /** Where it came from, for messages: `env/pingone.env`, `process environment`, … */
  source: string;
  /** Management API base: no trailing slash, ends with `/v1`. */
  apiUrl: string;
  /** Auth server base: no trailing slash. */
  authUrl: string;
  /** When given, or derivable from the API host. */
  region?: Region;
  adminEnvId: string;
  admin: Actor;
  orgId?: string;
  licenseId?: string;
  /** An existing environment to use instead of creating one. */
  environmentId?: string;
  /** A canary user in that environment whose MFA state `--smoke` reads (PINGONE_SMOKE_USER_ID). */
  smokeUserId?: string;
  /** A TOTP-enabled device policy there, for `--smoke --write-population` (PINGONE_SMOKE_DEVICE_POLICY_ID). */
  smokeDevicePolicyId?: string;
  /** Extra actors for troubleshooting probes; a probe whose actor is absent is skipped. */
  actors: { identityDataAdmin?: Actor; noRole?: Actor };
  /** Hosts `--allow-host` or PINGONE_ALLOW_HOST allow besides PingOne's and loopback; absent when none. */
  allowedHosts?: readonly string[];
  /** `--allow-insecure-http`: the client secret may go over http:// to a host that is not loopback. */
  allowInsecureHttp?: true;
}

const validatePingOne = createVariableValidator(PINGONE_VARIABLE_RULES);

function withoutTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

function actorOf(values: ValidatedVariables, prefix: string): Actor | undefined {
  const clientId = values.get(`${prefix}_CLIENT_ID`);
  const clientSecret = values.get(`${prefix}_CLIENT_SECRET`);
  return clientId === undefined || clientSecret === undefined ? undefined : { clientId, clientSecret };
}

function specNamed(name: string) {
  const spec = PINGONE_VARIABLE_RULES.variables.find((candidate) => candidate.name === name);
  if (spec === undefined) throw new RangeError(`no PingOne variable ${name}`);
  return spec;
}

/** URLs from the overrides or the region; a region that contradicts a PingOne API host is an error. */
function endpoints(values: ValidatedVariables, source: string) {
  const given = values.get('PINGONE_REGION');
  const givenRegion = given !== undefined && isRegion(given) ? given : undefined;
  const apiOverride = values.get('PINGONE_API_URL');
  const authOverride = values.get('PINGONE_AUTH_URL');
  if (apiOverride === undefined || authOverride === undefined) {
    const info = REGIONS[givenRegion ?? DEFAULT_REGION];
    return { apiUrl: info.apiUrl, authUrl: info.authUrl, region: givenRegion ?? DEFAULT_REGION };
  }
  const apiUrl = withoutTrailingSlash(apiOverride);
  const hostRegion = regionOfUrl(apiUrl);
  if (givenRegion !== undefined && hostRegion !== undefined && hostRegion !== givenRegion) {
    const problem = {
      kind: 'invalid' as const,
      spec: specNamed('PINGONE_REGION'),
      given: givenRegion,
      rule:
        `disagrees with PINGONE_API_URL, whose host is in region ${hostRegion}; remove one of them ` +
        `or make them agree`,
    };
    throw configErrorFor([problem], PINGONE_VARIABLE_RULES, source);
  }
  return { apiUrl, authUrl: withoutTrailingSlash(authOverride), region: givenRegion ?? hostRegion };
}

/** Where a PingOne configuration sends the client secret, for the transport guard. */
export function pingOneCredentialTransport(config: PingOneConfig): CredentialTransport {
  return {
    source: config.source,
    credential: 'the client secret',
    urls: [
      { variable: 'PINGONE_API_URL', url: config.apiUrl },
      { variable: 'PINGONE_AUTH_URL', url: config.authUrl },
    ],
    isVendorHost: isPingOneHost,
    vendorHosts: 'a PingOne regional domain (*.pingone.com, .ca, .eu, .com.au, .sg, .asia)',
    allowVariable: PINGONE_ALLOW_HOST_VARIABLE,
    allowedHosts: config.allowedHosts ?? [],
    allowInsecureHttp: config.allowInsecureHttp === true,
  };
}

/**
 * Returns `undefined` when no PINGONE_* variable is set (the embedded emulator is used);
 * otherwise validates once with a JSON schema and returns the config, or throws a ConfigError
 * naming the variable, the file to edit and an example value. Secrets are registered for
 * redaction before validation, and no message ever contains one.
 */
export function resolvePingOneConfig(
  variables: Record<string, string>,
  source: string,
): PingOneConfig | undefined {
  const { [PINGONE_ALLOW_HOST_VARIABLE]: _allowOnly, ...targetVariables } = variables;
  if (!hasVariableWithPrefix(targetVariables, 'PINGONE_')) return undefined;
  const values = validatePingOne(variables, source);
  const { apiUrl, authUrl, region } = endpoints(values, source);
  const allowedHosts = parseAllowedHosts(values.get(PINGONE_ALLOW_HOST_VARIABLE));
  const orgId = values.get('PINGONE_ORG_ID');
  const licenseId = values.get('PINGONE_LICENSE_ID');
  const environmentId = values.get('PINGONE_ENV_ID');
  const smokeUserId = values.get('PINGONE_SMOKE_USER_ID');
  const smokeDevicePolicyId = values.get('PINGONE_SMOKE_DEVICE_POLICY_ID');
  const config: PingOneConfig = {
    target: 'pingone',
    source,
    apiUrl,
    authUrl,
    ...(region === undefined ? {} : { region }),
    adminEnvId: values.require('PINGONE_ADMIN_ENV_ID'),
    admin: {
      clientId: values.require('PINGONE_CLIENT_ID'),
      clientSecret: values.require('PINGONE_CLIENT_SECRET'),
    },
    ...(orgId === undefined ? {} : { orgId }),
    ...(licenseId === undefined ? {} : { licenseId }),
    ...(environmentId === undefined ? {} : { environmentId }),
    ...(smokeUserId === undefined ? {} : { smokeUserId }),
    ...(smokeDevicePolicyId === undefined ? {} : { smokeDevicePolicyId }),
    actors: {},
    ...(allowedHosts.length === 0 ? {} : { allowedHosts }),
    ...(allowsInsecureHttp(variables) ? { allowInsecureHttp: true as const } : {}),
  };
  // A typo in a URL must stop the run before the client secret goes anywhere.
  refuseForeignHosts(pingOneCredentialTransport(config));
  const identityDataAdmin = actorOf(values, 'PINGONE_IDENTITY_ADMIN');
  const noRole = actorOf(values, 'PINGONE_NO_ROLE');
  if (identityDataAdmin) config.actors.identityDataAdmin = identityDataAdmin;
  if (noRole) config.actors.noRole = noRole;
  return config;
}
