import { expect, test } from 'vitest';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { exportedCollection, newmanAgainstEmulator } from './emulator-export.ts';
import { failureLines } from './newman-run.ts';

/**
 * PingOne documents that calls into a just-created environment may answer 403 ACCESS_FAILED while
 * it propagates; `idflow run` asks the steps that opted in again (their settle policy). The
 * exported collection must too, or its first run against a real tenant fails where the tenant
 * does what the vendor documents.
 */
test('Newman, with the new environment still propagating: the steps that settle ask again, and all is green', async () => {
  const lag = (await pingOne.faults()).find((fault) => fault.name === 'environment-propagation-lag');
  expect(lag?.harmful).toBe(false);
  const summary = await newmanAgainstEmulator(pingOne, exportedCollection(pingOne), lag ? [lag] : []);
  expect(failureLines(summary)).toEqual([]);
  const asks = summary.run.executions.filter((each) => each.item.name.startsWith('03c-default-population'));
  expect(asks.length).toBeGreaterThan(1);
  expect(asks.slice(0, -1).every((each) => each.response?.code === 403)).toBe(true);
  expect(asks.at(-1)?.response?.code).toBe(200);
  expect(summary.leftovers).toEqual([]);
}, 90_000);
