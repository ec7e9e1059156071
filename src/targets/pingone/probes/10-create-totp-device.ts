import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { createTotpDevice, readTotpDevice } from '../steps/index.ts';
import { invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import {
  authProbes,
  roleSuffices,
  unknownEnvironment,
  unknownId,
  unknownUser,
  DEVICE_ROLES,
} from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const totp = { stepId: createTotpDevice.id, from: createTotpDevice } as const;

/** Step 10: a device without a type, unknown ids. */
export const totpDeviceProbes: readonly ProbeDefinition[] = [
  ...authProbes(totp),
  unknownEnvironment(totp),
  unknownUser(totp),
  deriveProbe({
    ...totp,
    slug: 'missing-type',
    bullet: BULLETS.requestModel('type is required'),
    provoked: 'an empty body {}',
    changes: [withJsonBody({})],
    answer: invalidData('REQUIRED_VALUE', 'type'),
  }),
  unknownId({
    stepId: createTotpDevice.id,
    from: readTotpDevice,
    slug: 'unknown-device',
    bullet: BULLETS.device,
    variable: 'totpDeviceID',
  }),
  roleSuffices({ stepId: createTotpDevice.id, from: readTotpDevice, roles: DEVICE_ROLES }),
];
