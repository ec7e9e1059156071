import type { EnvironmentRecord, PopulationRecord } from '../tenant/model.ts';
import { link } from '../wire/hal.ts';
import type { HalResource } from '../wire/hal.ts';

/** A population with its live `userCount`. */
export function populationView(
  api: string,
  environment: EnvironmentRecord,
  population: PopulationRecord,
): HalResource {
  const envPath = `/environments/${environment.id}`;
  let userCount = 0;
  for (const user of environment.users.values()) if (user.populationId === population.id) userCount += 1;
  return {
    _links: {
      self: link(api, `${envPath}/populations/${population.id}`),
      environment: link(api, envPath),
      theme: link(api, `${envPath}/themes/${population.themeId}`),
      ...(population.passwordPolicyId === undefined
        ? {}
        : { passwordPolicy: link(api, `${envPath}/passwordPolicies/${population.passwordPolicyId}`) }),
    },
    id: population.id,
    environment: { id: environment.id },
    name: population.name,
    ...(population.description === undefined ? {} : { description: population.description }),
    userCount,
    createdAt: population.createdAt,
    updatedAt: population.updatedAt,
    preferredLanguage: population.preferredLanguage,
    theme: { id: population.themeId },
    ...(population.passwordPolicyId === undefined
      ? {}
      : { passwordPolicy: { id: population.passwordPolicyId } }),
    ...(population.alternativeIdentifiers === undefined
      ? {}
      : { alternativeIdentifiers: [...population.alternativeIdentifiers] }),
    default: population.default,
  };
}
