import { startPingOneEmulator } from '../../../../src/emulator/pingone/index.ts';
import type {
  PingOneEmulatorOptions,
  RunningPingOneEmulator,
} from '../../../../src/emulator/pingone/index.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or `undefined` when empty or not JSON. */
  body: unknown;
}

export interface CallOptions {
  token?: string;
  /** Serialized as JSON; Content-Type defaults to application/json. */
  json?: unknown;
  /** Sent verbatim. */
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Actor = 'admin' | 'identityAdmin' | 'noRole';

/** A running emulator plus the calls every test file needs. */
export interface Harness {
  readonly emulator: RunningPingOneEmulator;
  readonly env: Record<string, string>;
  /** `<url>/v1` */
  readonly api: string;
  /** Calls `<api><path>` (or an absolute URL). */
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
  /** Requests a token with client_secret_basic; returns the raw response. */
  requestToken(clientId: string, clientSecret: string, form?: string): Promise<ApiResponse>;
  /** An access token for one of the seeded worker apps. */
  token(actor?: Actor): Promise<string>;
  close(): Promise<void>;
}

async function toApiResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Starts an emulator on an ephemeral port. */
export async function startHarness(options: PingOneEmulatorOptions = {}): Promise<Harness> {
  const emulator = await startPingOneEmulator(options);
  const env = emulator.env();
  const api = env.PINGONE_API_URL ?? '';
  const credentials: Record<Actor, [string, string]> = {
    admin: [env.PINGONE_CLIENT_ID ?? '', env.PINGONE_CLIENT_SECRET ?? ''],
    identityAdmin: [
      env.PINGONE_IDENTITY_ADMIN_CLIENT_ID ?? '',
      env.PINGONE_IDENTITY_ADMIN_CLIENT_SECRET ?? '',
    ],
    noRole: [env.PINGONE_NO_ROLE_CLIENT_ID ?? '', env.PINGONE_NO_ROLE_CLIENT_SECRET ?? ''],
  };

  const call = async (method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.contentType !== undefined) {
      headers['content-type'] = options.contentType;
    }
    const url = path.startsWith('http') ? path : `${api}${path}`;
    return toApiResponse(await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) }));
  };

  const requestToken = async (
    clientId: string,
    clientSecret: string,
    form = 'grant_type=client_credentials',
  ) =>
    toApiResponse(
      await fetch(`${env.PINGONE_AUTH_URL}/${env.PINGONE_ADMIN_ENV_ID}/as/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form,
      }),
    );

  const token = async (actor: Actor = 'admin'): Promise<string> => {
    const [id, secret] = credentials[actor];
    const response = await requestToken(id, secret);
    const body = response.body as { access_token?: string } | undefined;
    if (response.status !== 200 || !body?.access_token)
      throw new Error(`no token for ${actor}: ${response.text}`);
    return body.access_token;
  };

  return { emulator, env, api, call, requestToken, token, close: () => emulator.close() };
}

/** Reads `body` as the given shape (tests then assert on it). */
export function json<T>(response: ApiResponse): T {
  return response.body as T;
}

export interface P1ErrorBody {
  id: string;
  code: string;
  message: string;
  details?: { code: string; target?: string; message: string; innerError?: Record<string, unknown> }[];
}

/** The license id a suite would pick: the first ACTIVE one. */
export async function activeLicenseId(h: Harness, token: string): Promise<string> {
  const org = h.emulator.tenant.organization.id;
  const response = await h.call('GET', `/organizations/${org}/licenses`, { token });
  const licenses = json<{ _embedded: { licenses: { id: string; status: string }[] } }>(response)._embedded
    .licenses;
  const active = licenses.find((license) => license.status === 'ACTIVE');
  if (!active) throw new Error('no ACTIVE license');
  return active.id;
}

let environmentCounter = 0;

/**
 * Turns TOTP on in the environment's default device authentication policy (a new environment has
 * it off, and refuses TOTP pairing until it is on), with a PUT of the policy as read.
 */
export async function enableTotpInDefaultPolicy(h: Harness, token: string, envId: string): Promise<void> {
  const path = `/environments/${envId}/deviceAuthenticationPolicies`;
  const list = json<{
    _embedded: { deviceAuthenticationPolicies: { id: string; default: boolean; totp: object }[] };
  }>(await h.call('GET', path, { token }));
  const policy = list._embedded.deviceAuthenticationPolicies.find((each) => each.default);
  if (!policy) throw new Error('no default device authentication policy');
  const response = await h.call('PUT', `${path}/${policy.id}`, {
    token,
    json: { ...policy, totp: { ...policy.totp, enabled: true } },
  });
  if (response.status !== 200) throw new Error(`enable TOTP: ${response.status} ${response.text}`);
}

/**
 * Creates a SANDBOX environment and returns its id. With `totp: true`, TOTP is then enabled in its
 * default device authentication policy, so device tests can pair TOTP devices without a policy id.
 */
export async function createEnvironment(
  h: Harness,
  token: string,
  name?: string,
  options: { totp?: boolean } = {},
): Promise<string> {
  environmentCounter += 1;
  const response = await h.call('POST', '/environments', {
    token,
    json: {
      name: name ?? `test-env-${environmentCounter}-${Date.now()}`,
      type: 'SANDBOX',
      region: 'NA',
      license: { id: await activeLicenseId(h, token) },
    },
  });
  if (response.status !== 201) throw new Error(`create environment: ${response.status} ${response.text}`);
  const envId = json<{ id: string }>(response).id;
  if (options.totp === true) await enableTotpInDefaultPolicy(h, token, envId);
  return envId;
}

/** The id of the environment's default population. */
export async function defaultPopulationId(h: Harness, token: string, envId: string): Promise<string> {
  const response = await h.call('GET', `/environments/${envId}/populations`, { token });
  const populations = json<{ _embedded: { populations: { id: string; default: boolean }[] } }>(response)
    ._embedded.populations;
  const found = populations.find((population) => population.default);
  if (!found) throw new Error('no default population');
  return found.id;
}

/** Creates a user in the default population and returns its id. */
export async function createUser(
  h: Harness,
  token: string,
  envId: string,
  username = `user${Date.now()}`,
): Promise<string> {
  const response = await h.call('POST', `/environments/${envId}/users`, {
    token,
    json: {
      username,
      email: `${username}@example.com`,
      population: { id: await defaultPopulationId(h, token, envId) },
    },
  });
  if (response.status !== 201) throw new Error(`create user: ${response.status} ${response.text}`);
  return json<{ id: string }>(response).id;
}

/** What most emulator test files start from: a harness, an admin token and a fresh environment. */
export interface EnvironmentHarness {
  readonly h: Harness;
  readonly token: string;
  readonly envId: string;
}

/** A harness with an admin token and a fresh SANDBOX environment (TOTP enabled when asked). */
export async function environmentHarness(options: { totp?: boolean } = {}): Promise<EnvironmentHarness> {
  const h = await startHarness();
  const token = await h.token();
  const envId = await createEnvironment(h, token, undefined, options);
  return { h, token, envId };
}
