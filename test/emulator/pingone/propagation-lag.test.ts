import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { environmentPropagationLag, getPingOneFault } from '../../../src/emulator/pingone/index.ts';
import type { PropagationLagOptions } from '../../../src/emulator/pingone/index.ts';
import { createEnvironment, json, startHarness } from './support/harness.ts';
import type { Harness, P1ErrorBody } from './support/harness.ts';

/** Runs `body` against an emulator lagging as `options` say. */
async function withLag(options: PropagationLagOptions, body: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness({ faults: [environmentPropagationLag(options)] });
  try {
    await body(h);
  } finally {
    await h.close();
  }
}

describe.concurrent('the environment-propagation-lag fault', () => {
  test('is in the catalogue as benign, with the default lag of 1.5 s on each side', () => {
    const fault = getPingOneFault('environment-propagation-lag');
    expect(fault?.harmful).toBe(false);
    expect(fault?.description).toContain('For 1500 ms after an environment is created');
  });

  test('a new environment: its sub-resources answer 403 ACCESS_FAILED until the lag is over; it reads back at once', () =>
    withLag({ afterCreateMs: 1000 }, async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      const early = await h.call('POST', `/environments/${envId}/populations`, {
        token,
        json: { name: 'too early' },
      });
      expect(early.status).toBe(403);
      expect(json<P1ErrorBody>(early)).toMatchObject({
        code: 'ACCESS_FAILED',
        message: 'The request could not be completed. You do not have access to this resource.',
      });
      expect(early.headers.get('correlation-id')).toBe(json<P1ErrorBody>(early).id);
      expect((await h.call('GET', `/environments/${envId}`, { token })).status).toBe(200);
      expect((await h.call('GET', `/environments/${envId}/populations`)).status).toBe(401);

      await delay(1050);
      const populations = await h.call('GET', `/environments/${envId}/populations`, { token });
      expect(populations.status).toBe(200);
      const names = json<{ _embedded: { populations: { name: string }[] } }>(
        populations,
      )._embedded.populations.map((each) => each.name);
      // The refused POST was not processed.
      expect(names).not.toContain('too early');
    }));

  test('a deleted environment: GET answers 200 (its last body) and 403 in turn, then 404', () =>
    withLag({ afterCreateMs: 0, afterDeleteMs: 1000 }, async (h) => {
      const token = await h.token();
      const envId = await createEnvironment(h, token);
      expect((await h.call('DELETE', `/environments/${envId}`, { token })).status).toBe(204);
      const first = await h.call('GET', `/environments/${envId}`, { token });
      expect([first.status, json<{ id: string }>(first).id]).toEqual([200, envId]);
      const second = await h.call('GET', `/environments/${envId}`, { token });
      expect([second.status, json<P1ErrorBody>(second).code]).toEqual([403, 'ACCESS_FAILED']);
      expect(h.emulator.tenant.environments().some((each) => each.id === envId)).toBe(false);

      await delay(1050);
      expect((await h.call('GET', `/environments/${envId}`, { token })).status).toBe(404);
    }));
});
