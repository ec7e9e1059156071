import { afterEach, describe, expect, test } from 'vitest';
import { resolvePingOneConfig } from '../../src/targets/pingone/config.ts';
import {
  environmentPropagationLag,
  startPingOneEmulator,
  type PropagationLagOptions,
  type RunningPingOneEmulator,
} from '../../src/emulator/pingone/index.ts';
import { StepFailedError } from '../../src/flow/step/step-failed-error.ts';
import { equals } from '../../src/flow/step/checks.ts';
import { deriveProbe } from '../../src/flow/probe/probe-derive.ts';
import { runStepIn } from '../../src/runner/run-step-check.ts';
import { injectedBaseline } from '../../src/baseline/injected-baseline.ts';
import { pingOneCatalogue, pingOneFlow } from '../../src/targets/pingone/catalogue.ts';
import { NEW_ENVIRONMENT_LAG } from '../../src/targets/pingone/new-environment-lag.ts';
import { pingOneProbes } from '../../src/targets/pingone/probes/index.ts';
import { createPingOneSession } from '../../src/targets/pingone/session.ts';
import { readDefaultPopulation, readEnvironment } from '../../src/targets/pingone/steps/index.ts';
import type { FlowSession } from '../../src/flow/run/session.ts';

/**
 * The PingOne flow against an emulator that models the documented lag after environment
 * creation: the opted-in step waits it out and says how long it took; a lag longer than the
 * deadline fails with the 403 and the asks; a probe expecting such an answer is not asked again.
 */
const open: Array<{ emulator: RunningPingOneEmulator; session: FlowSession }> = [];
afterEach(async () => {
  for (const { emulator, session } of open.splice(0)) {
    await session.teardown({ deadlineMs: 10_000, intervalMs: 100 });
    await session.context.client.close();
    await emulator.close();
  }
});

/** A session that has created its environment (steps 01 to 03b) on an emulator lagging as `lag` says. */
async function freshEnvironment(lag: PropagationLagOptions): Promise<FlowSession> {
  const emulator = await startPingOneEmulator({ faults: [environmentPropagationLag(lag)] });
  const config = resolvePingOneConfig(emulator.env(), 'settling test');
  if (!config) throw new Error('the emulator produced no configuration');
  const session = createPingOneSession(config);
  open.push({ emulator, session });
  for (const step of pingOneFlow.slice(0, pingOneFlow.indexOf(readEnvironment) + 1)) {
    expect((await session.run(step)).status, step.id).toBe('passed');
  }
  return session;
}

describe('settling after environment creation (PingOne)', () => {
  test('only the first calls needing each kind of access into the new environment settle; no probe does', () => {
    expect(pingOneCatalogue.filter((step) => step.settle).map((step) => step.id)).toEqual([
      '03c-default-population',
      '05-create-user',
    ]);
    const settling = pingOneProbes
      .flatMap((probe) => [probe.step, ...(probe.before ?? [])])
      .filter((step) => step.settle);
    expect(settling.map((step) => step.id)).toEqual([]);
  });

  test(
    'the first call into the new environment waits out the lag, and the test is annotated with how long ' +
      'it took',
    { timeout: 30_000 },
    async (context) => {
      const session = await freshEnvironment({ afterCreateMs: 1200, afterDeleteMs: 500 });
      const outcome = await runStepIn(context, session, readDefaultPopulation, injectedBaseline());
      expect(outcome?.settling?.settled).toBe(true);
      expect(outcome?.settling?.statuses.at(-1)).toBe(200);
      expect(outcome?.settling?.statuses.slice(0, -1).every((status) => status === 403)).toBe(true);
      expect(outcome?.settling?.elapsedMs).toBeGreaterThan(700);
      expect(context.task.annotations.map((each) => each.message)).toEqual([
        expect.stringMatching(/^environment settled after \d+\.\d s \(\d+ asks: 403, .*200\)$/),
      ]);

      // The other side of the lag: after the DELETE the environment reads back for a while; teardown waits
      // for its 404.
      const [report] = await session.teardown({ deadlineMs: 10_000, intervalMs: 100 });
      expect(report).toMatchObject({ stepId: '03-create-environment', deleted: true });
      expect(report?.goneAfterMs).toBeGreaterThanOrEqual(400);
    },
  );

  test(
    'a lag outlasting the deadline fails the step with the 403, its hint, and the asks; a probe ' +
      'expecting 403 is asked once',
    { timeout: 30_000 },
    async () => {
      const session = await freshEnvironment({ afterCreateMs: 60_000, afterDeleteMs: 0 });
      const impatient = {
        ...readDefaultPopulation,
        settle: { ...NEW_ENVIRONMENT_LAG, poll: { deadlineMs: 1_000, intervalMs: 200 } },
      };
      const started = Date.now();
      const error = await session.run(impatient).catch((caught: unknown) => caught);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(error).toBeInstanceOf(StepFailedError);
      const message = (error as StepFailedError).message;
      expect(message).toContain(
        '03c-default-population (The new environment has a default population) failed: status: expected ' +
          '200, given 403',
      );
      expect(message).toMatch(
        /\nSettling: environment did not settle: \d+ asks over \d\.\d s \(403(, 403| ×\d+)+\); PingOne documents/,
      );
      expect(message).toContain('Hint: 403 Forbidden: missing role');

      // Derived from the settled step, a probe expecting the very answer the lag gives gets it at once.
      const probe = deriveProbe({
        stepId: readDefaultPopulation.id,
        from: readDefaultPopulation,
        slug: 'still-propagating',
        bullet: 'a call into an environment whose access has not propagated',
        provoked: 'the read, right after the environment was created',
        answer: {
          expect: { status: 403 },
          checks: [equals('/code', 'ACCESS_FAILED')],
          summary: '403 ACCESS_FAILED',
        },
      });
      expect(probe.step.settle).toBeUndefined();
      const probeStarted = Date.now();
      const run = await session.run(probe.step);
      expect(run.status === 'passed' ? run.settling : 'not run').toBeUndefined();
      // Settling would have asked for 30 s; the probe took one answer.
      expect(Date.now() - probeStarted).toBeLessThan(5_000);
    },
  );
});
