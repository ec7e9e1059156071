import { randomUUID } from 'node:crypto';
import type { EmulatorRequest, Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { laterTimestamp, timestamp } from '../tenant/clock.ts';
import type { DevicePolicyRecord, EnvironmentRecord } from '../tenant/model.ts';
import { devicePolicyView } from '../views/device-policy-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, created, hal, noContent } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { fail, invalidData, notFound } from '../wire/p1-error.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { readDevicePolicy } from './device-policy-input.ts';
import { environmentFor } from './lookups.ts';

function policyFor(req: EmulatorRequest, environment: EnvironmentRecord): DevicePolicyRecord {
  return environment.devicePolicies.get(req.params.policyId ?? '') ?? fail(notFound());
}

/** One default per environment: a policy written with `default: true` takes the flag from the others. */
function becomeDefault(environment: EnvironmentRecord, policy: DevicePolicyRecord): void {
  for (const other of environment.devicePolicies.values()) if (other.id !== policy.id) other.default = false;
  policy.default = true;
}

/**
 * `…/deviceAuthenticationPolicies`: list, create (201 + Location), read, update (PUT replaces),
 * delete (204). The default policy cannot lose its flag or be deleted (the answer is inferred).
 */
export function registerDevicePolicyRoutes(router: Router, ctx: PingOneContext): void {
  const base = '/v1/environments/:envId/deviceAuthenticationPolicies';
  const one = `${base}/:policyId`;

  router.on('GET', base, async (req) => {
    const environment = environmentFor(ctx, req, 'devicePolicies:manage');
    return collection(req, {
      name: 'deviceAuthenticationPolicies',
      records: [...environment.devicePolicies.values()],
      render: (policy) => devicePolicyView(apiBase(req), environment, policy),
    });
  });

  router.on('POST', base, async (req) => {
    const environment = environmentFor(ctx, req, 'devicePolicies:manage');
    requireMediaType(req, [MEDIA.json]);
    const input = readDevicePolicy(parseJsonObject(req));
    const policy: DevicePolicyRecord = { id: randomUUID(), ...input, default: false, updatedAt: timestamp() };
    environment.devicePolicies.set(policy.id, policy);
    if (input.default) becomeDefault(environment, policy);
    return created(devicePolicyView(apiBase(req), environment, policy));
  });

  router.on('GET', one, async (req) => {
    const environment = environmentFor(ctx, req, 'devicePolicies:manage');
    return hal(200, devicePolicyView(apiBase(req), environment, policyFor(req, environment)));
  });

  router.on('PUT', one, async (req) => {
    const environment = environmentFor(ctx, req, 'devicePolicies:manage');
    const policy = policyFor(req, environment);
    requireMediaType(req, [MEDIA.json]);
    const input = readDevicePolicy(parseJsonObject(req));
    if (policy.default && !input.default) {
      fail(
        invalidData([
          {
            code: 'INVALID_VALUE',
            target: 'default',
            message: 'The default policy must be updated with default set to true.',
          },
        ]),
      );
    }
    policy.name = input.name;
    policy.methods = input.methods;
    policy.updatedAt = laterTimestamp(policy.updatedAt);
    if (input.default) becomeDefault(environment, policy);
    return hal(200, devicePolicyView(apiBase(req), environment, policy));
  });

  router.on('DELETE', one, async (req) => {
    const environment = environmentFor(ctx, req, 'devicePolicies:manage');
    const policy = policyFor(req, environment);
    if (policy.default) {
      fail(
        invalidData([
          {
            code: 'INVALID_VALUE',
            target: 'default',
            message: 'The default device authentication policy cannot be deleted.',
          },
        ]),
      );
    }
    environment.devicePolicies.delete(policy.id);
    return noContent();
  });
}
