import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { createEmailDevice, readEmailDevice } from '../steps/index.ts';
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

const email = { stepId: createEmailDevice.id, from: createEmailDevice } as const;

/** Step 9: an EMAIL device without an email, a type outside the enum, unknown ids. */
export const emailDeviceProbes: readonly ProbeDefinition[] = [
  ...authProbes(email),
  unknownEnvironment(email),
  unknownUser(email),
  deriveProbe({
    ...email,
    slug: 'missing-email',
    bullet: BULLETS.requestModel('email is required for an EMAIL device'),
    provoked: '{"type":"EMAIL"} without email',
    changes: [withJsonBody({ type: 'EMAIL' })],
    answer: invalidData('REQUIRED_VALUE', 'email'),
  }),
  deriveProbe({
    ...email,
    slug: 'type-outside-enum',
    bullet: BULLETS.requestModel('type is one of the device types'),
    provoked: 'type "PIGEON"',
    changes: [withJsonBody({ type: 'PIGEON', email: '{{email}}' })],
    answer: invalidData('INVALID_VALUE', 'type'),
  }),
  unknownId({
    stepId: createEmailDevice.id,
    from: readEmailDevice,
    slug: 'unknown-device',
    bullet: BULLETS.device,
    variable: 'emailDeviceID',
  }),
  roleSuffices({ stepId: createEmailDevice.id, from: readEmailDevice, roles: DEVICE_ROLES }),
];
