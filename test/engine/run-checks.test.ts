import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { RecordedCheck } from '../../src/engine/recorded-check.ts';
import { runChecks } from '../../src/engine/run-checks.ts';
import type { PlannedCheck } from '../../src/engine/plan-checks.ts';
import type { CheckContext } from '../../src/flow/run/check-context.ts';

function planned(
  name: string,
  work: (context: CheckContext) => Promise<unknown>,
  options: { after?: PlannedCheck[]; probe?: boolean; teardown?: boolean } = {},
): PlannedCheck {
  return {
    check: new RecordedCheck({ name, target: 't', inGroup: options.probe ?? false }),
    file: '01-x',
    after: options.after ?? [],
    probe: options.probe ?? false,
    throttled: options.probe ?? false,
    teardown: options.teardown ?? false,
    work,
  };
}

test('a check starts only once what it waits for has finished, and sees a skip or failure as finished', async () => {
  const order: string[] = [];
  const a = planned('a', async () => {
    await sleep(30);
    order.push('a');
    throw new Error('a failed');
  });
  const b = planned('b', async (context) => context.skip('needs x from a, which failed'), { after: [a] });
  const c = planned('c', async () => void order.push('c'), { after: [b] });
  const free = planned('free', async () => void order.push('free'));
  await runChecks([a, b, c, free]);
  expect(order).toEqual(['free', 'a', 'c']);
  expect(a.check.result()).toMatchObject({
    state: 'failed',
    errors: [expect.objectContaining({ message: 'a failed' })],
  });
  expect(b.check.result()).toEqual({ state: 'skipped', note: 'needs x from a, which failed' });
  expect(c.check.result().state).toBe('passed');
});

test('no more probes in flight than the limit; steps never wait for a probe slot', async () => {
  let inFlight = 0;
  let most = 0;
  const probe = (index: number) =>
    planned(
      `p${index}`,
      async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(15);
        inFlight -= 1;
      },
      { probe: true },
    );
  let stepRanWhileProbesWaited = false;
  const probes = Array.from({ length: 9 }, (_, index) => probe(index));
  const step = planned('step', async () => {
    stepRanWhileProbesWaited = probes.some((each) => each.check.result().state === 'pending');
  });
  await runChecks([...probes, step], { probeConcurrency: 3 });
  expect(most).toBe(3);
  expect(stepRanWhileProbesWaited).toBe(true);
});

test("a probe released by a step lets the flow's next step, released by the same step, send first", async () => {
  // Each check goes through a few asynchronous layers (context, recording, the request's
  // preparation) before its request leaves; the probe's layers are thinner than the step's.
  const sent: string[] = [];
  const throughLayers = async (name: string, layers: number) => {
    for (let layer = 0; layer < layers; layer += 1) await Promise.resolve();
    sent.push(name);
  };
  const step = planned('step', async () => undefined);
  const next = planned('next step', () => throughLayers('next step', 25), { after: [step] });
  const probes = ['probe 1', 'probe 2'].map((name) =>
    planned(name, () => throughLayers(name, 1), { after: [step], probe: true }),
  );
  // As plans list them: a probe may come before a later file's first step.
  await runChecks([step, ...probes, next]);
  expect(sent).toEqual(['next step', 'probe 1', 'probe 2']);
});

test('once the stop reason is given, later checks are skipped unrun with it, and teardown still runs', async () => {
  let failures = 0;
  const ran: string[] = [];
  const failing = planned('fails', async () => {
    ran.push('fails');
    throw new Error('no');
  });
  const later = planned('later', async () => void ran.push('later'), { after: [failing] });
  const teardown = planned('99-teardown', async () => void ran.push('teardown'), {
    after: [failing, later],
    teardown: true,
  });
  await runChecks([failing, later, teardown], {
    finished: (done) => {
      if (done.check.result().state === 'failed') failures += 1;
    },
    stopReason: () => (failures >= 1 ? 'not run: --bail 1 reached' : undefined),
  });
  expect(ran).toEqual(['fails', 'teardown']);
  expect(later.check.result()).toEqual({ state: 'skipped', note: 'not run: --bail 1 reached' });
  expect(teardown.check.result().state).toBe('passed');
});

test('a check’s annotations and meta are kept for the reports, with its start and duration', async () => {
  const check = planned('noted', async (context) => {
    context.task.meta.httpStatus = 201;
    await context.annotate('gone after 12 ms');
    await context.annotate('undeclared response field /x', 'drift');
    await sleep(20);
  });
  await runChecks([check]);
  expect(check.check.meta().httpStatus).toBe(201);
  expect(check.check.annotations()).toEqual([
    { type: 'notice', message: 'gone after 12 ms' },
    { type: 'drift', message: 'undeclared response field /x' },
  ]);
  expect(check.check.diagnostic()?.duration).toBeGreaterThanOrEqual(15);
});
