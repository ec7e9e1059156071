import { GuardError } from '../../guards/guard-error.ts';
import { displayUrl } from '../../redact/display-url.ts';
import type { HttpRequest, Middleware } from '../../http/types.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function pathOf(url: string): string[] {
  try {
    return new URL(url).pathname.split('/').filter((segment) => segment !== '');
  } catch {
    return [];
  }
}

function populationOf(request: HttpRequest): unknown {
  try {
    const body = JSON.parse(request.body ?? '') as { population?: { id?: unknown } };
    return body.population?.id;
  } catch {
    return undefined;
  }
}

/**
 * The writes `idflow run --smoke --write-population ID` may send in an existing environment:
 * the creation of a user in that one population (`POST …/environments/{env}/users` whose body
 * names it), and writes to or under a user this run created there (password, MFA flag, devices,
 * its deletion). Reads and the OAuth token request always go through; every other write is
 * refused before it is sent, whatever step, probe or teardown asks. The production guard lets
 * these (and only these) into a PRODUCTION environment.
 */
export class PopulationWriteConfinement {
  readonly #ours = new Set<string>();

  constructor(
    readonly environmentId: string,
    readonly populationId: string,
  ) {}

  /** Why `request` must not be sent, or undefined when it is a read or one of the confined writes. */
  refusal(request: HttpRequest): string | undefined {
    if (READS.has(request.method)) return undefined;
    const path = pathOf(request.url);
    if (request.method === 'POST' && path.at(-2) === 'as' && path.at(-1) === 'token') return undefined;
    const at = path.indexOf('environments');
    const [environment, collection, userId] = at < 0 ? [] : path.slice(at + 1);
    if (environment !== this.environmentId || collection !== 'users')
      return 'this request is not about a user of that environment';
    if (userId === undefined)
      return request.method === 'POST' && populationOf(request) === this.populationId
        ? undefined
        : 'this user would not be created in that population';
    return this.#ours.has(userId) ? undefined : `user ${userId} was not created by this run`;
  }

  /** Whether `request` is one of the confined writes (not a read): the production guard's question. */
  permitsWrite(request: HttpRequest): boolean {
    return !READS.has(request.method) && this.refusal(request) === undefined;
  }

  readonly middleware: Middleware = async (request, next) => {
    const why = this.refusal(request);
    if (why !== undefined)
      throw new GuardError(
        'READ_ONLY_REFUSED',
        `${request.method} ${displayUrl(request.url)} was not sent: --write-population confines this smoke's ` +
          `writes to users it creates in population ${this.populationId} of environment ` +
          `${this.environmentId}, and ${why}.`,
      );
    const response = await next(request);
    const id = (response.json as { id?: unknown } | undefined)?.id;
    if (
      request.method === 'POST' &&
      response.status === 201 &&
      typeof id === 'string' &&
      pathOf(request.url).at(-1) === 'users'
    )
      this.#ours.add(id);
    return response;
  };
}
