import type { EmulatorRequest } from '../../http/index.ts';
import type { WorkerAppRecord } from '../tenant/model.ts';

/** Who is calling: the worker app whose bearer token the request carried. */
export interface Actor {
  readonly app: WorkerAppRecord;
  readonly tokenId: string;
}

const actors = new WeakMap<EmulatorRequest, Actor>();

/** Records the authenticated actor of `req` (done once, by the bearer middleware). */
export function setActor(req: EmulatorRequest, actor: Actor): void {
  actors.set(req, actor);
}

/** The authenticated actor; a route reached without the bearer middleware is a wiring bug. */
export function actorOf(req: EmulatorRequest): Actor {
  const actor = actors.get(req);
  if (!actor) throw new Error(`No authenticated actor for ${req.method} ${req.path}.`);
  return actor;
}
