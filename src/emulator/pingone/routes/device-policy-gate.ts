import type { DevicePolicyRecord, EnvironmentRecord } from '../tenant/model.ts';
import { asObject } from '../wire/validation.ts';
import { fail, invalidData } from '../wire/p1-error.ts';

/**
 * The policy a new device is paired under: the one `policy.id` names, else the environment's
 * default. An unknown `policy.id` is a 400 (inferred).
 */
export function pairingPolicy(
  environment: EnvironmentRecord,
  body: Record<string, unknown>,
): DevicePolicyRecord | undefined {
  const requested = asObject(body.policy)?.id;
  if (requested === undefined)
    return [...environment.devicePolicies.values()].find((policy) => policy.default);
  const found = typeof requested === 'string' ? environment.devicePolicies.get(requested) : undefined;
  return (
    found ??
    fail(
      invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'policy.id',
          message: 'policy.id must name a device authentication policy of this environment.',
        },
      ]),
    )
  );
}

/**
 * Refuses to pair a TOTP device under a policy whose TOTP method is disabled or closed to
 * pairing. The docs say the method must be enabled; the exact refusal is not documented, so this
 * 400 INVALID_DATA on `type` is the emulator's choice (see the README).
 */
export function ensureTotpPairable(policy: DevicePolicyRecord | undefined): void {
  const totp = asObject(policy?.methods.totp);
  if (policy === undefined || (totp?.enabled === true && totp.pairingDisabled !== true)) return;
  fail(
    invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'type',
        message:
          `The TOTP method is not enabled in the device authentication policy ${policy.id} ` +
          `("${policy.name}"); enable totp in that policy, or name one that enables it in ` +
          `policy.id.`,
      },
    ]),
  );
}
