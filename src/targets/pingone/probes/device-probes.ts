import { deriveProbe } from '../../../flow/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe-request.ts';
import { ROLES } from '../conventions.ts';
import { createEmailDevice, createTotpDevice, readEmailDevice, readTotpDevice } from '../steps/index.ts';
import { invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, roleSuffices, unknownEnvironment, unknownId, unknownUser } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe.ts';

const DEVICE_ROLES = [ROLES.environmentAdmin, 'Identity Admin'];
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
