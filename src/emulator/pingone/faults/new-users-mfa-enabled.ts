import type { EmulatorFault, EmulatorMiddleware } from '../../http/index.ts';
import { matchPath, requestObject } from './fault-support.ts';

/**
 * A tenant whose new users start with `mfaEnabled: true`: a create-user body that does not set
 * the flag is given `true` before the router sees it. The environment's MFA setting decides it
 * (MFA OpenAPI, `MFASettings_users.mfaEnabled`: "Set `mfaEnabled` to `true` if you want MFA to be
 * enabled by default for new users."), and that setting is `true` unless changed (the Terraform
 * provider's `resource_mfa_settings_test.go`), while the docs' Create User example shows
 * `false`. A client must cope with either; the emulator's own default stays `false`.
 */
export const newUsersMfaEnabled: EmulatorMiddleware = (req, next) => {
  if (req.method !== 'POST' || !matchPath(req, 'users')) return next();
  const body = requestObject(req);
  if (body && body.mfaEnabled === undefined)
    req.rawBody = Buffer.from(JSON.stringify({ ...body, mfaEnabled: true }));
  return next();
};

/** Benign: new users default to MFA enabled; the suite must pass all the same. */
export const newUsersMfaEnabledFault: EmulatorFault = {
  name: 'new-users-mfa-enabled',
  description:
    'New users start with mfaEnabled true (a create body without mfaEnabled gets true), as an ' +
    'environment whose MFA setting users.mfaEnabled is true.',
  harmful: false,
  intercept: newUsersMfaEnabled,
};
