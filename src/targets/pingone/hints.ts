import type { HintVocabulary } from '../../flow/step/hints.ts';

/** PingOne's words in hints: its collections, one-hour tokens, worker apps and environment roles. */
export const pingOneHints: HintVocabulary = {
  resources: {
    environments: 'environment',
    populations: 'population',
    users: 'user',
    devices: 'device',
    organizations: 'organization',
    licenses: 'license',
    applications: 'application',
    roleAssignments: 'role assignment',
    deviceAuthenticationPolicies: 'device authentication policy',
  },
  tokenLifetime: 'tokens live one hour',
  tokenRefusal: 'PingOne INVALID_TOKEN',
  missingRole: (roles) =>
    `the worker app lacks ${roles} for this environment (the token is valid but not allowed this call); ` +
    `assign the role, or check that envID is an environment it has a role in.`,
};
