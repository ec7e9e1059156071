import { cited, echoes, present } from '../../flow/step/checks.ts';
import { GuardError } from '../../guards/guard-error.ts';
import { BEARER, GETTING_STARTED, ROLES, jsonResource } from './conventions.ts';
import { DOCS, OAS } from './sources.ts';
import type { ProductionGuard } from './production-guard.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { Cleanup, StepDefinition } from '../../flow/step/step.ts';
import type { StepSubstitute } from '../../flow/run/session.ts';

/** Reads the environment `PINGONE_ENV_ID` names, in place of creating one (step 03). */
export const readExistingEnvironment: StepDefinition = {
  id: '03-use-existing-environment',
  title: 'Read the environment PINGONE_ENV_ID names',
  docs: `${GETTING_STARTED}/step-3-create-an-environment.html`,
  roles: [ROLES.organizationAdmin, ROLES.environmentAdmin],
  request: { method: 'GET', url: '{{apiPath}}/environments/{{existingEnvID}}', auth: BEARER },
  expect: jsonResource(200, 'pingone/environment', OAS.readEnvironment),
  checks: cited(
    DOCS.environmentRequired,
    echoes('/id', '{{existingEnvID}}'),
    present('/type'),
    present('/name'),
  ),
};

function field(response: HttpResponse, name: string): string {
  const json = response.json as Record<string, unknown> | undefined;
  const value = json?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Step 03's substitute when the configuration names an existing environment: the run works in
 * it (envID, envName from the answer) unless it is PRODUCTION, which stops the run with exit 2;
 * every later step then lacks envID and is skipped with that reason. A read-only run (the
 * `--smoke` of a live environment, whose every write is refused) reads any type. Teardown never
 * deletes it: nothing enters the ledger for it, and the guard refuses a DELETE of it anyway.
 */
export function existingEnvironmentSubstitute(
  environmentId: string,
  guard: ProductionGuard,
  readOnly = false,
): StepSubstitute {
  guard.protect(environmentId, 'PINGONE_ENV_ID names it, so this run did not create it');
  return {
    step: readExistingEnvironment,
    reason: readOnly
      ? `PINGONE_ENV_ID names an existing environment (${environmentId}); the read-only smoke read it ` +
        '(its id, type and name) and writes nothing in it'
      : `PINGONE_ENV_ID names an existing environment (${environmentId}); the run uses it instead of ` +
        `creating one, and never deletes it`,
    accept: (response) => {
      const type = field(response, 'type');
      if (type !== 'SANDBOX' && !readOnly) {
        throw new GuardError(
          'PRODUCTION_REFUSED',
          `PINGONE_ENV_ID names environment "${field(response, 'name')}" (${environmentId}), of type ` +
            `${type}. idflow creates users, populations, devices and changes MFA settings in the ` +
            `environment it runs in, and refuses to do so outside a SANDBOX. Name a SANDBOX environment in ` +
            `PINGONE_ENV_ID, or unset it so the run creates (and deletes) its own.`,
        );
      }
      return { envID: environmentId, envName: field(response, 'name') };
    },
  };
}

/**
 * In an environment the run did not create, deleting the environment is not an option, so what
 * the flow creates inside it is deleted one by one (newest first: the user, with its devices,
 * then the run's device authentication policy, then the population).
 */
export const EXISTING_ENVIRONMENT_CLEANUPS: Readonly<Record<string, Cleanup>> = {
  '04-create-population': {
    description: 'the population created in step 04 (the environment is not ours to delete)',
    request: {
      method: 'DELETE',
      url: '{{apiPath}}/environments/{{envID}}/populations/{{sharedPopID}}',
      auth: BEARER,
    },
    okStatuses: [204, 404],
    confirmGone: {
      method: 'GET',
      url: '{{apiPath}}/environments/{{envID}}/populations/{{sharedPopID}}',
      auth: BEARER,
    },
  },
  '04d-create-totp-policy': {
    description:
      'the device authentication policy created in step 04d (the environment is not ours to delete)',
    request: {
      method: 'DELETE',
      url: '{{apiPath}}/environments/{{envID}}/deviceAuthenticationPolicies/{{devicePolicyID}}',
      auth: BEARER,
    },
    okStatuses: [204, 404],
    confirmGone: {
      method: 'GET',
      url: '{{apiPath}}/environments/{{envID}}/deviceAuthenticationPolicies/{{devicePolicyID}}',
      auth: BEARER,
    },
  },
  '05-create-user': {
    description: 'the user created in step 05, with its devices (the environment is not ours to delete)',
    request: {
      method: 'DELETE',
      url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}',
      auth: BEARER,
    },
    okStatuses: [204, 404],
    confirmGone: {
      method: 'GET',
      url: '{{apiPath}}/environments/{{envID}}/users/{{sharedUserID}}',
      auth: BEARER,
    },
  },
};
