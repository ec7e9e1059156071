/**
 * The getting-started pages' troubleshooting bullets (step 7's page words them so; every step
 * has the same list with its own ids and roles), and the request-model rules the probes check.
 */
export const BULLETS = {
  envID: 'Verify that {{envID}} is the ID for the new test environment you created.',
  role: (roles: readonly string[]): string =>
    `Verify that you've assigned the ${roles.join(' or ')} role to your Worker app.`,
  sharedUserID:
    'Verify that the {{sharedUserID}} value is the user ID value returned by the step to create a user.',
  bearer: "Verify that you're using Bearer authorization for this request (and all {{apiPath}} requests).",
  expired:
    'If you get a 401 Unauthorized message, this is likely due to the access token expiring (a 1 hour ' +
    'expiry time).',
  apiPath: 'Verify that {{apiPath}} is correct for your geographic domain.',
  authPath: 'Verify that {{authPath}} is correct for your geographic domain.',
  adminEnvID: 'Verify that {{adminEnvID}} is the ID of the environment holding your Worker app.',
  credentials: 'Verify that {{adminAppID}} and {{adminAppSecret}} are the Worker app’s client ID and secret.',
  noRole: 'A Worker app needs a role assignment before it can get a token.',
  orgID: 'Verify that {{orgID}} is your organization ID (Settings > Environment Properties).',
  licenseID: 'Verify that {{licenseID}} is an ACTIVE license returned by the step to read all licenses.',
  population: 'Verify that {{sharedPopID}} is the population ID returned by the step to create a population.',
  device: 'Verify that the device ID is the one returned when the device was created.',
  mediaType: (type: string): string => `This call needs Content-Type ${type}.`,
  requestModel: (rule: string): string => `Request model: ${rule}.`,
} as const;
