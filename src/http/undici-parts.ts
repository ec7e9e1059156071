import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.ts';
import type * as Undici from 'undici';

/** The parts of undici idflow sends with. */
export interface UndiciParts {
  readonly Agent: typeof Undici.Agent;
  readonly Pool: typeof Undici.Pool;
  readonly ProxyAgent: typeof Undici.ProxyAgent;
  readonly buildConnector: typeof Undici.buildConnector;
  /** `dispatcher.request(options)`: undici's request API called on a dispatcher of ours. */
  readonly request: (
    dispatcher: Undici.Dispatcher,
    options: Undici.Dispatcher.RequestOptions,
  ) => Promise<Undici.Dispatcher.ResponseData>;
}

const requireFromPackage = createRequire(join(PACKAGE_ROOT, 'package.json'));

/** Where undici 7 keeps each part (its package has no `exports` map: these paths may be required). */
const FILES = {
  Agent: 'undici/lib/dispatcher/agent.js',
  Pool: 'undici/lib/dispatcher/pool.js',
  buildConnector: 'undici/lib/core/connect.js',
  request: 'undici/lib/api/api-request.js',
} as const;

type Request = (
  this: Undici.Dispatcher,
  options: Undici.Dispatcher.RequestOptions,
) => Promise<Undici.Dispatcher.ResponseData>;

/**
 * The parts from their own files: the dispatchers and the request API only. A proxy's tunnel
 * (CONNECT) is an API the entry attaches to every dispatcher, so `ProxyAgent` loads the entry
 * when first used: only runs through a proxy pay for it.
 */
export function partsFromFiles(): UndiciParts {
  const request = requireFromPackage(FILES.request) as Request;
  return {
    Agent: requireFromPackage(FILES.Agent) as typeof Undici.Agent,
    Pool: requireFromPackage(FILES.Pool) as typeof Undici.Pool,
    get ProxyAgent() {
      return (requireFromPackage('undici') as typeof Undici).ProxyAgent;
    },
    buildConnector: requireFromPackage(FILES.buildConnector) as typeof Undici.buildConnector,
    request: (dispatcher, options) => request.call(dispatcher, options),
  };
}

/** The parts from undici's entry, which also loads fetch, WebSocket, caches and mocks. */
export function partsFromEntry(): UndiciParts {
  const undici = requireFromPackage('undici') as typeof Undici;
  return {
    Agent: undici.Agent,
    Pool: undici.Pool,
    ProxyAgent: undici.ProxyAgent,
    buildConnector: undici.buildConnector,
    request: (dispatcher, options) => dispatcher.request(options),
  };
}

let parts: UndiciParts | undefined;

/**
 * undici's dispatchers and request API, loaded on first use from their own files: the package's
 * entry loads everything else it offers too, ~100 ms of every launch (twice per `idflow run`,
 * supervisor and child) for APIs idflow never calls. Should a release move a file, the entry is
 * loaded instead (test/http/undici-parts.test.ts fails then, so the paths get updated).
 */
export function undici(): UndiciParts {
  if (parts === undefined) {
    try {
      parts = partsFromFiles();
    } catch {
      parts = partsFromEntry();
    }
  }
  return parts;
}
