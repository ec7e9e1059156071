import type { Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { laterTimestamp } from '../tenant/clock.ts';
import { defaultMfaSettings } from '../tenant/mfa-settings-defaults.ts';
import { mfaSettingsView } from '../views/mfa-settings-view.ts';
import { apiBase, hal, noContent } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { environmentFor } from './lookups.ts';
import { readMfaSettings } from './mfa-settings-input.ts';

/** `GET|PUT|DELETE /environments/{envID}/mfaSettings`; DELETE resets to defaults (204). */
export function registerMfaSettingsRoutes(router: Router, ctx: PingOneContext): void {
  const path = '/v1/environments/:envId/mfaSettings';

  router.on('GET', path, async (req) =>
    hal(200, mfaSettingsView(apiBase(req), environmentFor(ctx, req, 'mfaSettings:manage'))),
  );

  router.on('PUT', path, async (req) => {
    const environment = environmentFor(ctx, req, 'mfaSettings:manage');
    requireMediaType(req, [MEDIA.json]);
    const input = readMfaSettings(parseJsonObject(req));
    environment.mfaSettings = { ...input, updatedAt: laterTimestamp(environment.mfaSettings.updatedAt) };
    return hal(200, mfaSettingsView(apiBase(req), environment));
  });

  router.on('DELETE', path, async (req) => {
    const environment = environmentFor(ctx, req, 'mfaSettings:manage');
    environment.mfaSettings = defaultMfaSettings(laterTimestamp(environment.mfaSettings.updatedAt));
    return noContent();
  });
}
