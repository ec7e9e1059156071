import { compilePattern, matchPattern, serverScoped } from '../../http/index.ts';
import type { EmulatorRequest, EmulatorResponse } from '../../http/index.ts';

/** What the MFA faults learn by watching traffic: they never read the emulator's state. */
export interface FaultMemory {
  readonly userIdByUsername: Map<string, string>;
  readonly setupByUserId: Map<string, { secret: string; recoveryCodes: string[] }>;
  readonly userIdByMfaToken: Map<string, string>;
}

const MEMORY = Symbol('lerian MFA faults: observed users, setups and challenges');

export const PATHS = {
  users: compilePattern('/v1/users'),
  user: compilePattern('/v1/users/:id'),
  mfaStatus: compilePattern('/v1/users/:id/mfa'),
  disable: compilePattern('/v1/users/:id/mfa/disable'),
  setup: compilePattern('/v1/users/:id/mfa/setup'),
  setupVerify: compilePattern('/v1/users/:id/mfa/verify'),
  enable: compilePattern('/v1/users/:id/mfa/enable'),
  accessToken: compilePattern('/v1/login/oauth/access_token'),
  loginVerify: compilePattern('/v1/login/mfa/verify'),
} as const;

/** The JSON object in a request or response body, or undefined. */
export function jsonObject(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (Buffer.isBuffer(value)) {
    try {
      parsed = JSON.parse(value.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

/** Replaces the request's JSON body (a fault rewriting what the client sent). */
export function rewriteBody(req: EmulatorRequest, body: Record<string, unknown>): void {
  req.rawBody = Buffer.from(JSON.stringify(body), 'utf8');
  req.contentType = 'application/json';
}

export function memoryOf(req: EmulatorRequest): FaultMemory {
  return serverScoped(req, MEMORY, () => ({
    userIdByUsername: new Map(),
    setupByUserId: new Map(),
    userIdByMfaToken: new Map(),
  }));
}

/** Lets the request through and remembers users, setups and challenges from the exchange. */
export async function observed(
  req: EmulatorRequest,
  next: () => Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  const sent = jsonObject(req.rawBody);
  const path = req.path;
  const response = await next();
  const answer = jsonObject(response.body);
  if (response.status >= 300 || !answer) return response;
  const memory = memoryOf(req);
  if (
    req.method === 'POST' &&
    matchPattern(PATHS.users, path) &&
    typeof answer.id === 'string' &&
    typeof sent?.username === 'string'
  ) {
    memory.userIdByUsername.set(sent.username, answer.id);
  }
  const setup = matchPattern(PATHS.setup, path);
  if (setup?.id && typeof answer.secret === 'string' && Array.isArray(answer.recoveryCodes)) {
    memory.setupByUserId.set(setup.id, {
      secret: answer.secret,
      recoveryCodes: answer.recoveryCodes.map(String),
    });
  }
  const userId = typeof sent?.username === 'string' ? memory.userIdByUsername.get(sent.username) : undefined;
  if (matchPattern(PATHS.accessToken, path) && typeof answer.mfaToken === 'string' && userId) {
    memory.userIdByMfaToken.set(answer.mfaToken, userId);
  }
  return response;
}
