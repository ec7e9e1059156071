import type { DevicePolicyRecord, EnvironmentRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/**
 * A device authentication policy as the OAS types it (DeviceAuthenticationPolicy): the stored
 * methods plus the read-only `id`, `environment`, `forSignOnPolicy` (required by the OAS,
 * deprecated) and `updatedAt`.
 */
export function devicePolicyView(
  api: string,
  environment: EnvironmentRecord,
  policy: DevicePolicyRecord,
): HalResource {
  const envPath = `/environments/${environment.id}`;
  return {
    _links: {
      self: link(api, `${envPath}/deviceAuthenticationPolicies/${policy.id}`),
      environment: link(api, envPath),
    },
    id: policy.id,
    environment: { id: environment.id },
    name: policy.name,
    default: policy.default,
    forSignOnPolicy: false,
    ...structuredClone(policy.methods),
    updatedAt: policy.updatedAt,
  };
}
