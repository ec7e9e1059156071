import { compose, latency, startServer } from '../http/index.ts';
import type { EmulatorFault, EmulatorMiddleware, EmulatorTls } from '../http/index.ts';
import { bearerAuth } from './auth/bearer-auth.ts';
import { TokenSigner } from './auth/token-signer.ts';
import type { PingOneContext } from './context.ts';
import { createPingOneRouter } from './routes/pingone-router.ts';
import { createSeededTenant } from './tenant/seed.ts';
import type { PingOneTenant } from './tenant/tenant.ts';
import { tenantLeftovers } from './tenant/leftovers.ts';
import type { EmulatorLeftover } from '../http/leftover.ts';
import { correlationHeaders } from './wire/correlation.ts';
import { errorMapping } from './wire/error-mapping.ts';
import { P1_MESSAGES, p1Error } from './wire/p1-error.ts';

export interface PingOneEmulatorOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port; default 0 (ephemeral). */
  port?: number;
  /** Lifetime of issued access tokens; default 3600. */
  tokenTtlSeconds?: number;
  /** Secret of the normal admin worker app; default random. */
  clientSecret?: string;
  /** Added delay per request in ms; default 0. */
  latencyMs?: number;
  /** Misbehaviours to inject, outermost first (see `pingOneFaults`). */
  faults?: readonly EmulatorFault[];
  /**
   * `environments.max` of the ACTIVE license; default 20. The admin environment already counts
   * against it, so 1 leaves no room for another environment.
   */
  environmentQuota?: number;
  /** Serve https:// with this certificate (and, with `clientCa`, require client certificates). */
  tls?: EmulatorTls;
}

export interface RunningPingOneEmulator {
  /** `http://127.0.0.1:N` (`https://` with `tls`): auth server and management API share this origin. */
  readonly url: string;
  /** Live state, for tests to inspect (environments, issued tokens, …). */
  readonly tenant: PingOneTenant;
  /** Variables a suite needs, written by `idflow emulator --env-out` and used in-process. */
  env(): Record<string, string>;
  /** What a run left: environments, and populations and users in other environments, named with `prefix`. */
  leftovers(prefix: string): EmulatorLeftover[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts an offline PingOne tenant: a seeded organization, licenses, a PRODUCTION admin
 * environment with three worker apps, and the management API and auth server on one origin.
 */
export async function startPingOneEmulator(
  options: PingOneEmulatorOptions = {},
): Promise<RunningPingOneEmulator> {
  const tenant = createSeededTenant(
    options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret },
  );
  if (options.environmentQuota !== undefined) {
    for (const license of tenant.licenses)
      if (license.status === 'ACTIVE') license.environments.max = options.environmentQuota;
  }
  const ctx: PingOneContext = {
    tenant,
    signer: await TokenSigner.create(),
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  };
  // Faults sit inside the correlation and latency layers and outside error mapping and auth, so
  // they can answer alone, rewrite the request before auth, or rewrite any response.
  const middlewares: EmulatorMiddleware[] = [
    correlationHeaders,
    latency(options.latencyMs ?? 0),
    ...(options.faults ?? []).map((fault) => fault.intercept),
    errorMapping,
    bearerAuth(ctx),
  ];
  const server = await startServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxBodyBytes: MAX_BODY_BYTES,
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    onBodyTooLarge: () =>
      p1Error(413, 'INVALID_REQUEST', P1_MESSAGES.INVALID_REQUEST, [
        {
          code: 'SIZE_LIMIT_EXCEEDED',
          target: 'body',
          message: `The request body exceeds ${MAX_BODY_BYTES} bytes.`,
        },
      ]),
    handler: compose(middlewares, createPingOneRouter(ctx).handle),
  });
  const { admin, identityAdmin, noRole } = tenant.actors;
  return {
    url: server.url,
    tenant,
    env: () => ({
      PINGONE_API_URL: `${server.url}/v1`,
      PINGONE_AUTH_URL: server.url,
      PINGONE_ADMIN_ENV_ID: tenant.adminEnvironmentId,
      PINGONE_CLIENT_ID: admin.id,
      PINGONE_CLIENT_SECRET: admin.clientSecret,
      PINGONE_IDENTITY_ADMIN_CLIENT_ID: identityAdmin.id,
      PINGONE_IDENTITY_ADMIN_CLIENT_SECRET: identityAdmin.clientSecret,
      PINGONE_NO_ROLE_CLIENT_ID: noRole.id,
      PINGONE_NO_ROLE_CLIENT_SECRET: noRole.clientSecret,
    }),
    leftovers: (prefix) => tenantLeftovers(tenant, prefix),
    close: () => server.close(),
  };
}
