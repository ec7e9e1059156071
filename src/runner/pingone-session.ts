import { inject } from 'vitest';
import { createPingOneSession } from '../targets/pingone/session.ts';
import { calibrationOf } from './run-calibration.ts';
import type { FlowSession } from '../flow/session.ts';

let session: FlowSession | undefined;

/**
 * The one PingOne session of this run. Suite files run in one worker without isolation, so
 * every file sees the same session: step 05 reads what step 03 captured.
 */
export function pingOneSession(): FlowSession {
  const setup = inject('pingone');
  session ??= createPingOneSession(setup.config, undefined, calibrationOf(setup));
  return session;
}
