import { deriveProbe } from '../../../flow/probe/probe-derive.ts';
import { withJsonBody } from '../../../flow/probe/probe-request.ts';
import { ROLES } from '../conventions.ts';
import { createPopulation, readPopulation } from '../steps/04-create-population.ts';
import { INSUFFICIENT_PERMISSIONS, invalidData } from './answers.ts';
import { BULLETS } from './bullets.ts';
import { authProbes, unknownEnvironment, unknownId } from './common.ts';
import type { ProbeDefinition } from '../../../flow/probe/probe.ts';

const population = { stepId: createPopulation.id, from: createPopulation } as const;

/** Step 4: an unknown environment or population, a population without a name. */
export const populationProbes: readonly ProbeDefinition[] = [
  ...authProbes(population),
  unknownEnvironment(population),
  unknownId({
    stepId: createPopulation.id,
    from: readPopulation,
    slug: 'unknown-population',
    bullet: BULLETS.population,
    variable: 'sharedPopID',
  }),
  deriveProbe({
    ...population,
    slug: 'missing-name',
    bullet: BULLETS.requestModel('name is required'),
    provoked: 'the body without name',
    changes: [withJsonBody({ description: '{{populationDescription}}' })],
    answer: invalidData('REQUIRED_VALUE', 'name'),
  }),
  deriveProbe({
    ...population,
    slug: 'identity-data-admin-refused',
    bullet: BULLETS.role([ROLES.environmentAdmin]),
    provoked: 'the call with a token of the worker app holding only Identity Data Admin',
    answer: INSUFFICIENT_PERMISSIONS,
    skip:
      'the page names Environment Admin for populations but does not say Identity Data Admin is refused, and the emulator ' +
      '(its role table) lets Identity Data Admin manage populations; until the expected answer is ' +
      'decided this is not probed',
  }),
];
