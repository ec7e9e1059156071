import { beforeAll, describe, expect, test } from 'vitest';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { exportedCollection, newmanAgainstEmulator } from './emulator-export.ts';
import { failureLines, requestNames } from './newman-run.ts';
import type { PostmanExportPlan } from '../../src/export/export-plan.ts';

/**
 * THE test of the export: Newman runs the exported PingOne collection against the embedded
 * emulator, every request answered and every assertion green (the harmful faults are in
 * newman-pingone-faults.test.ts).
 */
const collection = exportedCollection(pingOne);
const plan = pingOne.postmanExport as PostmanExportPlan<never>;
const itemId = (name: string): string => name.split(/[:←]/)[0]?.trim() ?? name;

describe('Newman runs the exported PingOne collection', () => {
  let sound: Awaited<ReturnType<typeof newmanAgainstEmulator>>;
  beforeAll(async () => {
    sound = await newmanAgainstEmulator(pingOne, collection);
  }, 60_000);

  test('against the emulator: every request answered, every assertion green', () => {
    const { stats, executions } = sound.run;
    expect(failureLines(sound)).toEqual([]);
    expect(stats.prerequestScripts.failed + stats.testScripts.failed).toBe(0);
    expect(executions.filter((execution) => execution.requestError)).toEqual([]);
    // Only the expired-token probes go unsent, each a named skip: the emulator's tokens live an hour.
    const answered = new Set(executions.filter((each) => each.response).map((each) => each.item.name));
    const unsent = requestNames(collection)
      .filter((name) => !answered.has(name))
      .map(itemId);
    const expiring = pingOne.catalogue().probes.filter((probe) => probe.expiredToken && !probe.skip);
    expect(unsent).toEqual(expiring.map((probe) => probe.id));
    // Each guarded DELETE's read is a request of its own (pm.sendRequest).
    const guardReads = Object.keys(plan.deleteGuards ?? {}).length;
    expect(stats.requests.total).toBe(requestNames(collection).length - unsent.length + guardReads);
    expect(stats.assertions.total).toBeGreaterThan(600);
    expect(stats.assertions.failed).toBe(0);
    console.info(
      `newman (pingone): ${stats.requests.total} requests, ${stats.assertions.total} assertions, ` +
        `${stats.assertions.failed} failed`,
    );
  });

  test('the teardown folder deleted everything the run created', () => {
    expect(sound.leftovers).toEqual([]);
  });

  test('every step of the flow and every probe that is not skipped was sent and answered', () => {
    const answered = new Set(
      sound.run.executions.filter((execution) => execution.response).map((each) => itemId(each.item.name)),
    );
    for (const file of plan.suiteFiles) {
      for (const step of file.steps) expect(answered).toContain(step.id);
      for (const probe of file.probes.filter((each) => !each.skip && !each.expiredToken))
        expect(answered).toContain(probe.id);
    }
  });
});
