import { environmentTarget, type EnvironmentTarget } from './environment-path.ts';
import { GuardError } from '../../guards/guard-error.ts';
import { pathProblem } from '../../guards/path-problem.ts';
import { ID_FORM, isWellFormedId, quoteUntrusted } from '../../flow/step/id-format.ts';
import { displayUrl } from '../../redact/display-url.ts';
import { recording } from '../../http/recording.ts';
import { RUN_PREFIX } from '../../flow/run/run-id.ts';
import type { HttpRequest, HttpResponse, Middleware } from '../../http/types.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{id, type}` of every environment a response body shows (one, or a collection page). */
function environmentsIn(body: unknown): Array<{ id: string; type: string; name?: string }> {
  if (!isRecord(body)) return [];
  const embedded =
    isRecord(body._embedded) && Array.isArray(body._embedded.environments)
      ? body._embedded.environments
      : [body];
  const found: Array<{ id: string; type: string; name?: string }> = [];
  for (const item of embedded) {
    if (isRecord(item) && typeof item.id === 'string' && typeof item.type === 'string') {
      found.push({
        id: item.id,
        type: item.type,
        ...(typeof item.name === 'string' ? { name: item.name } : {}),
      });
    }
  }
  return found;
}

/** Why a write must not be sent to this URL, or undefined: it has to name a well-formed environment. */
function writeProblem(request: HttpRequest, target: EnvironmentTarget): string | undefined {
  const problem = pathProblem(request.url);
  if (problem !== undefined) return problem;
  if ((target.kind === 'environment' || target.kind === 'inside') && !isWellFormedId(target.id))
    return `the environment id ${quoteUntrusted(target.id)} is not ${ID_FORM}`;
  if (request.method === 'DELETE' && target.kind !== 'environment' && target.kind !== 'inside')
    return 'it names no environment (idflow deletes only environments and what is inside them)';
  return undefined;
}

function bodyType(request: HttpRequest): unknown {
  if (request.body === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(request.body);
    return isRecord(parsed) ? parsed.type : undefined;
  } catch {
    return undefined;
  }
}

/**
 * HTTP middleware that keeps a run away from what it must not touch, whatever step, probe,
 * teardown or sweep sends the request:
 * - a POST that would create a PRODUCTION environment is refused;
 * - a DELETE of an environment first reads it, and is refused when it is PRODUCTION, is not
 *   named `idflow-…` as every environment a run creates is, or was declared not ours (`protect`,
 *   for the environment `PINGONE_ENV_ID` names);
 * - a write inside an environment last seen as PRODUCTION is refused;
 * - a write whose path is not well-formed (traversal, `//`, encoded slashes) or names an
 *   environment id that is not a UUID, and a DELETE that names no environment, are refused
 *   before anything is sent: a tenant's value must never steer a write elsewhere.
 * Types are learned from every environment a response shows. A refusal throws GuardError.
 */
export class ProductionGuard {
  readonly #types = new Map<string, string>();
  readonly #notOurs = new Map<string, string>();
  #confined: ((request: HttpRequest) => boolean) | undefined;

  /**
   * Lets the writes `permits` names into a PRODUCTION environment (the user lifecycle of
   * `--smoke --write-population`, which its own guard confines); every other write stays refused.
   */
  allowConfinedWrites(permits: (request: HttpRequest) => boolean): void {
    this.#confined = permits;
  }

  /** Declares an environment the run must never delete, with the reason for the message. */
  protect(id: string, reason: string): void {
    this.#notOurs.set(id, reason);
  }

  /** The type last seen for an environment, if any response showed it. */
  typeOf(id: string): string | undefined {
    return this.#types.get(id);
  }

  readonly middleware: Middleware = async (request, next) => {
    const target = environmentTarget(request.url);
    const malformed = WRITES.has(request.method) ? writeProblem(request, target) : undefined;
    if (malformed !== undefined) {
      throw new GuardError(
        'MALFORMED_PATH_REFUSED',
        `refusing ${request.method} ${quoteUntrusted(displayUrl(request.url))}: ${malformed}. idflow ` +
          `sends writes only to paths it built from well-formed ids; the id came from the tenant or a ` +
          `ledger and was not used.`,
      );
    }
    if (request.method === 'POST' && target.kind === 'collection' && bodyType(request) === 'PRODUCTION') {
      throw new GuardError(
        'PRODUCTION_REFUSED',
        'refusing to create a PRODUCTION environment: idflow only ever creates SANDBOX environments of ' +
          'its own.',
      );
    }
    if (request.method === 'DELETE' && target.kind === 'environment')
      await this.#checkDelete(request, target.id, next);
    if (
      WRITES.has(request.method) &&
      target.kind === 'inside' &&
      this.#types.get(target.id) === 'PRODUCTION' &&
      this.#confined?.(request) !== true
    ) {
      throw new GuardError(
        'PRODUCTION_REFUSED',
        `refusing ${request.method} inside environment ${target.id}: it is a PRODUCTION environment, and ` +
          `idflow never changes one. Name a SANDBOX environment in PINGONE_ENV_ID, or unset it so the run ` +
          `creates its own.`,
      );
    }
    const response = await next(request);
    if (target.kind === 'collection' || target.kind === 'environment') this.#learn(response);
    return response;
  };

  async #checkDelete(
    request: HttpRequest,
    id: string,
    next: (request: HttpRequest) => Promise<HttpResponse>,
  ): Promise<void> {
    const reason = this.#notOurs.get(id);
    if (reason !== undefined)
      throw new GuardError('NOT_OURS_REFUSED', `refusing to delete environment ${id}: ${reason}.`);
    // Read the type now, not from memory: it is the last moment before an irreversible request.
    // Part of the delete it guards: a teardown's read is exempt from the run deadline like the delete.
    // A request of its own on the tenant, so the reports list it as one (before the DELETE).
    const read = await recording()(
      {
        method: 'GET',
        url: request.url,
        headers: request.headers,
        ...(request.teardown ? { teardown: true } : {}),
      },
      next,
    );
    this.#learn(read);
    const type = this.#types.get(id);
    if (read.status === 200 && type === 'PRODUCTION') {
      throw new GuardError(
        'PRODUCTION_REFUSED',
        `refusing to delete environment ${id}: it is a PRODUCTION environment. idflow deletes only ` +
          `SANDBOX environments it created.`,
      );
    }
    // Every environment idflow creates is named `idflow-…`: one named otherwise is not the run's,
    // whatever id the tenant answered its create with (or a ledger holds).
    const name = (read.json as { name?: unknown } | undefined)?.name;
    if (read.status === 200 && !(typeof name === 'string' && name.startsWith(`${RUN_PREFIX}-`))) {
      throw new GuardError(
        'NOT_OURS_REFUSED',
        `refusing to delete environment ${id}: it is named ${quoteUntrusted(name)}, and idflow names ` +
          `every environment it creates ${RUN_PREFIX}-…; it did not create this one.`,
      );
    }
  }

  #learn(response: HttpResponse): void {
    if (response.status < 200 || response.status > 299) return;
    for (const environment of environmentsIn(response.json))
      this.#types.set(environment.id, environment.type);
  }
}
