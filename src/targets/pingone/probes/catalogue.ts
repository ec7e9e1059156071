import { activationProbes } from './activation-probes.ts';
import { devicePolicyProbes } from './device-policy-probes.ts';
import { emailDeviceProbes, totpDeviceProbes } from './device-probes.ts';
import { mfaSettingsProbes } from './mfa-settings-probes.ts';
import { environmentProbes, licenseProbes, populationProbes } from './setup-probes.ts';
import { tokenProbes } from './token-probes.ts';
import { mfaEnabledProbes, passwordProbes, userProbes } from './user-probes.ts';
import type { ProbeDefinition } from '../../../flow/probe.ts';

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
