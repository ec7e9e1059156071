import { serverScoped } from '../../http/index.ts';
import type { EmulatorFault, EmulatorRequest, EmulatorResponse } from '../../http/index.ts';
import { HAL_JSON } from '../wire/media-types.ts';
import { P1_MESSAGES, p1Error } from '../wire/p1-error.ts';
import { matchPath, objectBody } from './fault-support.ts';

/** How long each side of the lag lasts, in ms. */
export interface PropagationLagOptions {
  /** Calls into a new environment's sub-resources answer 403 this long after its creation; default 1500. */
  readonly afterCreateMs?: number;
  /** GET of a deleted environment answers 200 and 403 in turn this long after the DELETE; default 1500. */
  readonly afterDeleteMs?: number;
}

const MEMORY = Symbol('environment-propagation-lag');
const SUB_RESOURCE = /^\/v1\/environments\/([^/]+)\/[^/]/;

/** The vendor's answer while access to a new environment propagates (the message Terraform retries on). */
const stillPropagating = (): EmulatorResponse =>
  p1Error(403, 'ACCESS_FAILED', P1_MESSAGES.ACCESS_FAILED_TOKEN);

/** What the fault remembers per server: when each environment was created or deleted, and its last body. */
class LagMemory {
  readonly #createdAt = new Map<string, number>();
  readonly #deleted = new Map<string, { readonly at: number; asks: number }>();
  readonly #bodies = new Map<string, Record<string, unknown>>();

  /** Keeps an environment's body from a create or read answer, to serve it after the delete. */
  remember(response: EmulatorResponse, created: boolean): void {
    const body = objectBody(response);
    if (!body || typeof body.id !== 'string') return;
    this.#bodies.set(body.id, structuredClone(body));
    if (created) this.#createdAt.set(body.id, Date.now());
  }

  deleted(envId: string): void {
    this.#deleted.set(envId, { at: Date.now(), asks: 0 });
  }

  /** Whether `envId` was created less than `lagMs` ago. */
  isNew(envId: string, lagMs: number): boolean {
    const createdAt = this.#createdAt.get(envId);
    return createdAt !== undefined && Date.now() - createdAt < lagMs;
  }

  /** For a GET of an environment deleted less than `lagMs` ago: its last body and 403, in turn. */
  staleRead(envId: string, lagMs: number): EmulatorResponse | undefined {
    const deleted = this.#deleted.get(envId);
    if (!deleted || Date.now() - deleted.at >= lagMs) return undefined;
    deleted.asks += 1;
    const body = this.#bodies.get(envId);
    return body && deleted.asks % 2 === 1
      ? { status: 200, headers: { 'content-type': HAL_JSON }, body: structuredClone(body) }
      : stillPropagating();
  }
}

/** Serves a call to `/v1/environments/{envId}` itself, remembering creations, reads and deletes. */
async function environmentCall(
  req: EmulatorRequest,
  next: () => Promise<EmulatorResponse>,
  lag: { readonly memory: LagMemory; readonly envId: string; readonly afterDeleteMs: number },
): Promise<EmulatorResponse> {
  const stale = req.method === 'GET' ? lag.memory.staleRead(lag.envId, lag.afterDeleteMs) : undefined;
  if (stale) return stale;
  const response = await next();
  if (req.method === 'GET' && response.status === 200) lag.memory.remember(response, false);
  if (req.method === 'DELETE' && response.status === 204) lag.memory.deleted(lag.envId);
  return response;
}

/**
 * Benign: PingOne's documented eventual consistency around environments. For `afterCreateMs`
 * after `POST /environments`, every authenticated call into the new environment's sub-resources
 * answers 403 `ACCESS_FAILED` without being processed; for `afterDeleteMs` after a DELETE, a GET
 * of the environment answers 200 (its last body) and 403 in turn before the real 404. Requests
 * without `Authorization` pass untouched, so they still get the emulator's 401.
 */
export function environmentPropagationLag(options: PropagationLagOptions = {}): EmulatorFault {
  const afterCreateMs = options.afterCreateMs ?? 1500;
  const afterDeleteMs = options.afterDeleteMs ?? 1500;
  return {
    name: 'environment-propagation-lag',
    description:
      `For ${afterCreateMs} ms after an environment is created, calls into its sub-resources answer 403 ACCESS_FAILED; ` +
      `for ${afterDeleteMs} ms after it is deleted, GET of it answers 200 and 403 in turn before 404.`,
    harmful: false,
    intercept: async (req, next) => {
      if (!req.headers.authorization) return next();
      const memory = serverScoped(req, MEMORY, () => new LagMemory());
      if (req.method === 'POST' && req.path === '/v1/environments') {
        const response = await next();
        if (response.status === 201) memory.remember(response, true);
        return response;
      }
      const envId = matchPath(req, 'environment')?.envId;
      if (envId !== undefined) return environmentCall(req, next, { memory, envId, afterDeleteMs });
      const inside = SUB_RESOURCE.exec(req.path)?.[1];
      return inside !== undefined && memory.isNew(inside, afterCreateMs) ? stillPropagating() : next();
    },
  };
}
