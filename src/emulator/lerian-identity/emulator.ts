import { compose, latency, startServer } from '../http/index.ts';
import type { EmulatorFault, EmulatorMiddleware, EmulatorTls, RunningServer } from '../http/index.ts';
import { bearerAuth } from './auth/bearer-auth.ts';
import { TokenIssuer } from './auth/token-issuer.ts';
import type { LerianContext } from './context.ts';
import { forcedErrors } from './faults/forced-errors.ts';
import { createLerianRouter } from './routes/lerian-router.ts';
import type { LerianDirectory } from './state/directory.ts';
import type { EmulatorLeftover } from '../http/leftover.ts';
import { createSeededDirectory } from './state/seed.ts';
import type { SeededActors } from './state/seed.ts';
import { randomHex } from './state/ids.ts';
import { errorMapping } from './wire/error-mapping.ts';
import { identityError } from './wire/lerian-error.ts';
import type { LerianService } from './wire/services.ts';

export interface LerianIdentityEmulatorOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Port of the (first) origin; default 0 (ephemeral). */
  port?: number;
  /** Serve Auth and Identity on two origins, as a real deployment does; default one origin. */
  separateOrigins?: boolean;
  /** Lifetime of access tokens; default 3600, as Lerian documents. */
  tokenTtlSeconds?: number;
  /** Client secret of the seeded M2M application; default random. */
  clientSecret?: string;
  /** Password of the seeded `admin` user; default random. */
  adminPassword?: string;
  /** Added delay per request in ms; default 0. */
  latencyMs?: number;
  /** Misbehaviours to inject, outermost first (see `lerianIdentityFaults`). */
  faults?: readonly EmulatorFault[];
  /** Serve https:// with this certificate (and, with `clientCa`, require client certificates). */
  tls?: EmulatorTls;
}

export interface RunningLerianIdentityEmulator {
  /** The Auth origin (also the Identity origin unless `separateOrigins`). */
  readonly url: string;
  readonly authUrl: string;
  readonly identityUrl: string;
  /** Live state, for tests to inspect (users, issued tokens, MFA logins, …). */
  readonly directory: LerianDirectory;
  readonly actors: SeededActors;
  /** Variables a suite needs, written by `idflow emulator --env-out` and used in-process. */
  env(): Record<string, string>;
  /** Users named with `prefix`: what a run left. */
  leftovers(prefix: string): EmulatorLeftover[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const REFRESH_TTL_SECONDS = 24 * 3600;

/**
 * Starts an offline Lerian Access Manager (Auth and Identity plugins): a seeded admin user and
 * M2M application, users with MFA setup/verify/enable/status/preferred/disable, password and
 * client-credentials login with the MFA challenge, and Lerian's `{code, title, message}` errors.
 */
export async function startLerianIdentityEmulator(
  options: LerianIdentityEmulatorOptions = {},
): Promise<RunningLerianIdentityEmulator> {
  const { directory, actors } = createSeededDirectory({
    ...(options.clientSecret === undefined ? {} : { clientSecret: options.clientSecret }),
    ...(options.adminPassword === undefined ? {} : { adminPassword: options.adminPassword }),
  });
  const ctx: LerianContext = {
    directory,
    issuer: await TokenIssuer.create(options.tokenTtlSeconds ?? 3600),
    audience: randomHex(10),
    refreshTtlSeconds: REFRESH_TTL_SECONDS,
    mfaLogin: { sessionTtlSeconds: 300, maxAttempts: 5 },
  };
  // Faults sit outside error mapping and auth, so they can rewrite requests and any response;
  // forced errors sit inside auth, so even a forced 500 needs a valid token.
  const middlewares: EmulatorMiddleware[] = [
    latency(options.latencyMs ?? 0),
    ...(options.faults ?? []).map((fault) => fault.intercept),
    errorMapping,
    bearerAuth(ctx),
    forcedErrors,
  ];
  const serve = (services: readonly LerianService[], port: number): Promise<RunningServer> =>
    startServer({
      host: options.host ?? '127.0.0.1',
      port,
      maxBodyBytes: MAX_BODY_BYTES,
      ...(options.tls === undefined ? {} : { tls: options.tls }),
      onBodyTooLarge: () =>
        identityError('0007', { fields: { body: `larger than ${MAX_BODY_BYTES} bytes` } }),
      handler: compose(middlewares, createLerianRouter(ctx, services).handle),
    });
  const servers = options.separateOrigins
    ? [await serve(['auth'], options.port ?? 0), await serve(['identity'], 0)]
    : [await serve(['auth', 'identity'], options.port ?? 0)];
  const authUrl = servers[0]?.url ?? '';
  const identityUrl = servers[1]?.url ?? authUrl;
  return {
    url: authUrl,
    authUrl,
    identityUrl,
    directory,
    actors,
    env: () => ({
      LERIAN_AUTH_URL: authUrl,
      LERIAN_IDENTITY_URL: identityUrl,
      LERIAN_USERNAME: actors.admin.username,
      LERIAN_PASSWORD: actors.admin.password,
      LERIAN_CLIENT_ID: actors.application.clientId,
      LERIAN_CLIENT_SECRET: actors.application.clientSecret,
      LERIAN_IDFLOW_EMULATOR: 'true',
    }),
    leftovers: (prefix) =>
      [...directory.users.values()]
        .filter((user) => user.username.startsWith(prefix))
        .map((user) => ({ description: `user ${user.username}`, id: user.id, name: user.username })),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
