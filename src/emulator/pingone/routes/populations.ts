import { randomUUID } from 'node:crypto';
import type { Router } from '../../http/index.ts';
import { parseJsonObject } from '../../http/index.ts';
import type { PingOneContext } from '../context.ts';
import { timestamp } from '../tenant/clock.ts';
import type { EnvironmentRecord, PopulationRecord } from '../tenant/model.ts';
import { populationView } from '../views/population-view.ts';
import { collection } from '../wire/collection.ts';
import { apiBase, created, hal, noContent } from '../wire/hal.ts';
import { MEDIA } from '../wire/media-types.ts';
import { fail, invalidData } from '../wire/p1-error.ts';
import { requireMediaType } from '../wire/require-media-type.ts';
import { applyFilter } from '../wire/scim-filter.ts';
import { asObject, readBoolean, readObject, readString, Validation } from '../wire/validation.ts';
import { environmentFor, populationFor } from './lookups.ts';

function readNewPopulation(environment: EnvironmentRecord, body: Record<string, unknown>): PopulationRecord {
  const v = new Validation();
  const name = readString(v, body, 'name', 'name', { required: true, maxLength: 256 });
  const description = readString(v, body, 'description', 'description', { maxLength: 1024 });
  const preferredLanguage = readString(v, body, 'preferredLanguage', 'preferredLanguage');
  const isDefault = readBoolean(v, body, 'default', 'default');
  const theme = readObject(v, body, 'theme', 'theme');
  const themeId = theme ? readString(v, theme, 'id', 'theme.id') : undefined;
  const policy = readObject(v, body, 'passwordPolicy', 'passwordPolicy');
  const passwordPolicyId = policy
    ? readString(v, policy, 'id', 'passwordPolicy.id', { required: true })
    : undefined;
  const alternativeIdentifiers = Array.isArray(body.alternativeIdentifiers)
    ? body.alternativeIdentifiers.filter((item): item is string => typeof item === 'string')
    : undefined;
  if (name !== undefined) {
    const lower = name.toLowerCase();
    if ([...environment.populations.values()].some((population) => population.name.toLowerCase() === lower)) {
      v.add({
        code: 'UNIQUENESS_VIOLATION',
        target: 'name',
        message: `A population named '${name}' already exists in this environment.`,
      });
    }
  }
  v.throwIfInvalid();
  const at = timestamp();
  return {
    id: randomUUID(),
    name: name ?? '',
    ...(description === undefined ? {} : { description }),
    preferredLanguage: preferredLanguage ?? 'en',
    default: isDefault ?? false,
    themeId: themeId ?? environment.themeId,
    ...(passwordPolicyId === undefined ? {} : { passwordPolicyId }),
    ...(alternativeIdentifiers === undefined ? {} : { alternativeIdentifiers }),
    createdAt: at,
    updatedAt: at,
  };
}

function populationAttribute(population: PopulationRecord, attribute: string): unknown {
  return asObject(population)?.[attribute];
}

/** Create, list, read and delete populations. */
export function registerPopulationRoutes(router: Router, ctx: PingOneContext): void {
  const base = '/v1/environments/:envId/populations';

  router.on('POST', base, async (req) => {
    const environment = environmentFor(ctx, req, 'populations:manage');
    requireMediaType(req, [MEDIA.json]);
    const population = readNewPopulation(environment, parseJsonObject(req));
    if (population.default) for (const other of environment.populations.values()) other.default = false;
    environment.populations.set(population.id, population);
    return created(populationView(apiBase(req), environment, population));
  });

  router.on('GET', base, async (req) => {
    const environment = environmentFor(ctx, req, 'populations:manage');
    const support = { id: ['eq'], name: ['eq', 'sw'], default: ['eq'] } as const;
    return collection(req, {
      name: 'populations',
      records: applyFilter(req, [...environment.populations.values()], support, populationAttribute),
      render: (population) => populationView(apiBase(req), environment, population),
      paging: { defaultLimit: 100, maxLimit: 1000 },
    });
  });

  router.on('GET', `${base}/:popId`, async (req) => {
    const environment = environmentFor(ctx, req, 'populations:manage');
    return hal(200, populationView(apiBase(req), environment, populationFor(req, environment)));
  });

  router.on('DELETE', `${base}/:popId`, async (req) => {
    const environment = environmentFor(ctx, req, 'populations:manage');
    const population = populationFor(req, environment);
    const constraint = (message: string) => fail(invalidData([{ code: 'CONSTRAINT_VIOLATION', message }]));
    if (environment.populations.size === 1) {
      constraint('An environment must contain at least one population; this is the last one.');
    }
    if ([...environment.users.values()].some((user) => user.populationId === population.id)) {
      constraint('The population still contains users; delete or move them first.');
    }
    environment.populations.delete(population.id);
    return noContent();
  });
}
