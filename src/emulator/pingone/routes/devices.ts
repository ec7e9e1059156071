import type { Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { deviceView } from '../views/device-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, created, hal, noContent } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { activateDevice } from './device-activation.ts';
import { readNewDevice } from './device-input.ts';
import { ensureTotpPairable, pairingPolicy } from './device-policy-gate.ts';
import { ensureDeviceCapacity } from './device-limit.ts';
import { deviceFor, environmentFor, userFor } from './lookups.ts';
import { enrollTotp } from '../../../otp/totp.ts';

/**
 * MFA devices of a user: create (a TOTP device only under a policy that enables TOTP), list, read,
 * activate (`device.activate+json`), delete.
 */
export function registerDeviceRoutes(router: Router, ctx: PingOneContext): void {
  const base = '/v1/environments/:envId/users/:userId/devices';

  router.on('POST', base, async (req) => {
    const environment = environmentFor(ctx, req, 'devices:manage');
    const user = userFor(req, environment);
    requireMediaType(req, [MEDIA.json]);
    const body = parseJsonObject(req);
    const device = readNewDevice(body);
    const policy = pairingPolicy(environment, body);
    if (device.type === 'TOTP') ensureTotpPairable(policy);
    if (policy) device.policyId = policy.id;
    if (device.status === 'ACTIVE') ensureDeviceCapacity(environment, user);
    const enrollment = device.type === 'TOTP' ? enrollTotp(environment.name, user.username) : undefined;
    if (enrollment) device.secret = enrollment.secret;
    user.devices.set(device.id, device);
    const view = deviceView(apiBase(req), environment, user, device);
    // The shared secret is shown once, in this response, and never again.
    return created(enrollment ? { ...view, secret: enrollment.secret, keyUri: enrollment.keyUri } : view);
  });

  router.on('GET', base, async (req) => {
    const environment = environmentFor(ctx, req, 'devices:manage');
    const user = userFor(req, environment);
    return collection(req, {
      name: 'devices',
      records: [...user.devices.values()],
      render: (device) => deviceView(apiBase(req), environment, user, device),
    });
  });

  router.on('GET', `${base}/:deviceId`, async (req) => {
    const environment = environmentFor(ctx, req, 'devices:manage');
    const user = userFor(req, environment);
    return hal(200, deviceView(apiBase(req), environment, user, deviceFor(req, user)));
  });

  router.on('POST', `${base}/:deviceId`, async (req) => {
    const environment = environmentFor(ctx, req, 'devices:manage');
    const user = userFor(req, environment);
    const device = deviceFor(req, user);
    requireMediaType(req, [MEDIA.deviceActivate]);
    activateDevice(environment, user, device, parseJsonObject(req));
    return hal(200, deviceView(apiBase(req), environment, user, device));
  });

  router.on('DELETE', `${base}/:deviceId`, async (req) => {
    const environment = environmentFor(ctx, req, 'devices:manage');
    const user = userFor(req, environment);
    user.devices.delete(deviceFor(req, user).id);
    return noContent();
  });
}
