import { expect, test } from 'vitest';
import { buildEnvironment } from '../../src/export/build-environment.ts';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { exportedCollection } from './emulator-export.ts';
import { failureLines, runNewman } from './newman-run.ts';
import { plantEnvironment } from '../cleanup/support/plant.ts';
import type { EmulatorFault } from '../../src/emulator/http/index.ts';
import type { PostmanExportPlan } from '../../src/export/export-plan.ts';

/**
 * A hostile (or broken) tenant answers the run's environment create with the id of an environment
 * the run did not create. `idflow run`'s production guard reads an environment before deleting it;
 * the exported collection must too, or its teardown deletes the customer's environment.
 */
test("Newman: a create answered with another environment's id: the teardown reads it, refuses, and deletes nothing of theirs", async () => {
  let victimId = '';
  const swapId: EmulatorFault = {
    name: 'create-answers-another-id',
    description: 'answers POST /environments with the id of an environment the run did not create',
    harmful: true,
    intercept: async (request, next) => {
      const response = await next();
      if (request.method === 'POST' && request.path === '/v1/environments' && response.status === 201) {
        const body = response.body as Record<string, unknown>;
        return { ...response, body: { ...body, id: victimId } };
      }
      return response;
    },
  };
  const emulator = await startPingOneEmulator({ faults: [swapId] });
  try {
    victimId = plantEnvironment(emulator.tenant, { name: 'customer-sandbox' }).id;
    const config = pingOne.resolveConfig(emulator.env(), 'embedded emulator');
    const plan = pingOne.postmanExport as PostmanExportPlan<unknown>;
    const summary = await runNewman(
      exportedCollection(pingOne),
      buildEnvironment('pingone', plan.environment(config)),
    );
    expect(emulator.tenant.environmentsById.has(victimId)).toBe(true);
    expect(failureLines(summary).join('\n')).toMatch(
      /delete only what the run created.*\/name is "customer-sandbox"/s,
    );
  } finally {
    await emulator.close();
  }
}, 90_000);
