import { afterAll, beforeAll } from 'vitest';
import { totpCode } from '../../../../src/otp/totp.ts';
import { startLerianIdentityEmulator } from '../../../../src/emulator/lerian-identity/index.ts';
import type {
  LerianIdentityEmulatorOptions,
  RunningLerianIdentityEmulator,
} from '../../../../src/emulator/lerian-identity/index.ts';

/** One exchange with the emulator: status, headers and the body as JSON (or text). */
export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Record<string, unknown>;
  readonly text: string;
}

export interface Send {
  readonly token?: string;
  readonly json?: unknown;
  /** Sent verbatim as application/json (for malformed bodies). */
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

/** A user of the test, with MFA set up and enabled when `withMfa` made it. */
export interface TestUser {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  readonly secret?: string;
  readonly recoveryCodes?: readonly string[];
}

/** A running Lerian emulator and the calls its tests share. */
export class LerianHarness {
  readonly emulator: RunningLerianIdentityEmulator;
  #counter = 0;

  private constructor(emulator: RunningLerianIdentityEmulator) {
    this.emulator = emulator;
  }

  static async start(options: LerianIdentityEmulatorOptions = {}): Promise<LerianHarness> {
    return new LerianHarness(await startLerianIdentityEmulator(options));
  }

  async send(method: string, path: string, options: Send = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const base =
      path.startsWith('/v1/login') || path === '/v1/userinfo'
        ? this.emulator.authUrl
        : this.emulator.identityUrl;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: tests read `text`.
    }
    return { status: response.status, headers: response.headers, json, text };
  }

  login(username: string, password: string): Promise<Answer> {
    return this.send('POST', '/v1/login/oauth/access_token', {
      json: { grantType: 'password', username, password },
    });
  }

  /** The seeded admin user's access token. */
  async adminToken(): Promise<string> {
    const { admin } = this.emulator.actors;
    return String((await this.login(admin.username, admin.password)).json.accessToken);
  }

  /** Creates a fresh user; with `withMfa`, also sets up, verifies and enables app MFA. */
  async user(token: string, withMfa = false): Promise<TestUser> {
    this.#counter += 1;
    const username = `user-${this.#counter}`;
    const password = 'Correct-Horse-9!';
    const created = await this.send('POST', '/v1/users', {
      token,
      json: { email: `${username}@example.com`, firstName: 'Test', lastName: 'User', password, username },
    });
    const id = String(created.json.id);
    if (!withMfa) return { id, username, password };
    const setup = (await this.send('POST', `/v1/users/${id}/mfa/setup`, { token, json: { mfaType: 'app' } }))
      .json;
    const secret = String(setup.secret);
    const recoveryCodes = (setup.recoveryCodes as string[]).slice();
    await this.send('POST', `/v1/users/${id}/mfa/verify`, {
      token,
      json: { passcode: totpCode(secret), mfaType: 'app', secret },
    });
    await this.send('POST', `/v1/users/${id}/mfa/enable`, {
      token,
      json: { recoveryCode: recoveryCodes[0], mfaType: 'app', secret },
    });
    return { id, username, password, secret, recoveryCodes };
  }

  close(): Promise<void> {
    return this.emulator.close();
  }
}

/** Starts one emulator for the test file (closed after it); `current()` gives it and the admin's token. */
export function useLerianHarness(options: LerianIdentityEmulatorOptions = {}): {
  current(): { h: LerianHarness; token: string };
} {
  let harness: LerianHarness | undefined;
  let token = '';
  beforeAll(async () => {
    harness = await LerianHarness.start(options);
    token = await harness.adminToken();
  });
  afterAll(() => harness?.close());
  return {
    current: () => {
      if (!harness) throw new Error('the harness starts in beforeAll');
      return { h: harness, token };
    },
  };
}
