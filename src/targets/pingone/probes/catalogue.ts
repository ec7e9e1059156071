import { tokenProbes } from './01-get-access-token.ts';
import { licenseProbes } from './02-read-all-licenses.ts';
import { environmentProbes } from './03-create-environment.ts';
import { populationProbes } from './04-create-population.ts';
import { devicePolicyProbes } from './04c-enable-totp-policy.ts';
import { userProbes } from './05-create-user.ts';
import { passwordProbes } from './06-set-user-password.ts';
import { mfaEnabledProbes } from './07-enable-user-mfa.ts';
import { mfaSettingsProbes } from './08-update-mfa-settings.ts';
import { emailDeviceProbes } from './09-create-email-device.ts';
import { totpDeviceProbes } from './10-create-totp-device.ts';
import { activationProbes } from './11-activate-totp-device.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

/** Every PingOne probe, by documented step, in flow order: what the suites run and the README table lists. */
export const pingOneProbesByStep: ReadonlyArray<
  readonly [stepId: string, probes: readonly ProbeDefinition[]]
> = [
  ['01-get-access-token', tokenProbes],
  ['02-read-all-licenses', licenseProbes],
  ['03-create-environment', environmentProbes],
  ['04-create-population', populationProbes],
  ['04d-create-totp-policy', devicePolicyProbes],
  ['05-create-user', userProbes],
  ['06-set-user-password', passwordProbes],
  ['07-enable-user-mfa', mfaEnabledProbes],
  ['08-update-mfa-settings', mfaSettingsProbes],
  ['09-create-email-device', emailDeviceProbes],
  ['10-create-totp-device', totpDeviceProbes],
  ['11-activate-totp-device', activationProbes],
];

/** All probes, flattened. */
export const pingOneProbes: readonly ProbeDefinition[] = pingOneProbesByStep.flatMap(([, probes]) => probes);
