import { inject } from 'vitest';
import { createPingOneSession } from '../targets/pingone/session.ts';
import type { FlowSession } from '../flow/session.ts';

let session: FlowSession | undefined;

/**
 * The one PingOne session of this run. Suite files run in one worker without isolation, so
 * every file sees the same session: step 05 reads what step 03 captured.
 */
export function pingOneSession(): FlowSession {
  session ??= createPingOneSession(inject('pingone').config);
  return session;
}
