import type { EmulatorLeftover } from '../../http/leftover.ts';
import type { PingOneTenant } from './tenant.ts';

/**
 * What runs left in the tenant: environments named with `prefix`, and populations and users
 * named with it inside other environments (a configured `PINGONE_ENV_ID`).
 */
export function tenantLeftovers(tenant: PingOneTenant, prefix: string): EmulatorLeftover[] {
  const found: EmulatorLeftover[] = [];
  for (const environment of tenant.environments()) {
    if (environment.name.startsWith(prefix)) {
      found.push({
        description: `environment ${environment.name}`,
        id: environment.id,
        name: environment.name,
      });
      continue;
    }
    for (const population of environment.populations.values()) {
      if (population.name.startsWith(prefix))
        found.push({
          description: `population ${population.name} in ${environment.name}`,
          id: population.id,
          name: population.name,
        });
    }
    for (const user of environment.users.values()) {
      if (user.username.startsWith(prefix))
        found.push({
          description: `user ${user.username} in ${environment.name}`,
          id: user.id,
          name: user.username,
        });
    }
  }
  return found;
}
