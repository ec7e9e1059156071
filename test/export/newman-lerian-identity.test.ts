import { beforeAll, describe, expect, test } from 'vitest';
import { lerianIdentity } from '../../src/targets/lerian-identity/index.ts';
import { exportedCollection, newmanAgainstEmulator } from './emulator-export.ts';
import { failureLines, requestNames } from './newman-run.ts';

/** Newman runs the exported Lerian Identity collection against its embedded emulator: all green. */
const collection = exportedCollection(lerianIdentity);

describe('Newman runs the exported Lerian Identity collection', () => {
  let sound: Awaited<ReturnType<typeof newmanAgainstEmulator>>;
  beforeAll(async () => {
    sound = await newmanAgainstEmulator(lerianIdentity, collection);
  }, 60_000);

  test('against the emulator: every request answered, every assertion green, nothing left', () => {
    const { stats, executions } = sound.run;
    expect(failureLines(sound)).toEqual([]);
    expect(stats.prerequestScripts.failed + stats.testScripts.failed).toBe(0);
    expect(executions.filter((execution) => execution.requestError)).toEqual([]);
    const answered = new Set(executions.filter((each) => each.response).map((each) => each.item.name));
    expect(requestNames(collection).filter((name) => !answered.has(name))).toEqual([]);
    expect(stats.assertions.failed).toBe(0);
    expect(sound.leftovers).toEqual([]);
    console.info(
      `newman (lerian-identity): ${stats.requests.total} requests, ${stats.assertions.total} assertions, ` +
        `${stats.assertions.failed} failed`,
    );
  });
});
