import { afterAll, describe, expect, test } from 'vitest';
import { startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import { startOutageForwarder } from '../support/outage-forwarder.ts';
import { runTargetSuiteAgainst } from '../support/standalone-run.ts';

const LIST_LICENSES = /^GET \/v1\/organizations\/[^/\s]+\/licenses HTTP/;

/**
 * The tenant goes away mid-run (after the preflight, at step 02): the run exits 3, the contract's
 * "tenant could not be reached", with one failure naming the cause and what to check (and, for a
 * probe caught mid-request, its dropped connection), and every later request to that host
 * skipped with that failure as its reason, not failed again.
 */
describe('a tenant that becomes unreachable mid-run', () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  test(
    'exits 3 with one failure, naming the host and the fix; later steps are skipped with it',
    { timeout: 120_000 },
    async () => {
      const emulator = await startPingOneEmulator({});
      closers.push(() => emulator.close());
      // The preflight lists the licenses once; step 02 is the second listing.
      const forwarder = await startOutageForwarder(
        emulator.url,
        (line, seen) => LIST_LICENSES.test(line) && seen.some((earlier) => LIST_LICENSES.test(earlier)),
      );
      closers.push(() => forwarder.close());
      const rewired = {
        env: () =>
          Object.fromEntries(
            Object.entries(emulator.env()).map(([name, value]) => [
              name,
              value.replace(emulator.url, forwarder.url),
            ]),
          ),
      };
      const run = await runTargetSuiteAgainst('pingone', rewired, [], 110_000);
      expect(forwarder.down()).toBe(true);
      expect(run.code, run.stderr).toBe(3);
      const host = new URL(forwarder.url).host;
      // One failure names the outage; a probe that was mid-request as the host went away (probes
      // run beside the flow) fails with its dropped connection, part of the same outage (exit 3).
      const failed = run.tests.filter((each) => each.status === 'failed');
      const refused = failed.filter((each) =>
        new RegExp(`Cannot connect to ${host} \\(ECONNREFUSED\\)`).test(each.failureMessages.join('\n')),
      );
      expect(refused.map((each) => each.title.split(':')[0])).toEqual(['02-read-all-licenses']);
      for (const each of failed.filter((one) => !refused.includes(one)))
        expect(each.failureMessages.join('\n'), each.title).toMatch(
          new RegExp(`The connection to ${host} was closed before a complete response`),
        );
      const skipped = run.tests.filter((each) => each.status === 'skipped');
      expect(skipped.length).toBeGreaterThan(20);
      expect(run.stdout + run.stderr).toMatch(
        new RegExp(`not sent: ${host} could not be reached earlier in this run \\(02-read-all-licenses`),
      );
      // Nothing was created before the outage: teardown has nothing to delete, and fails nothing.
      expect(run.tests.find((each) => each.title.startsWith('99-teardown'))?.status).not.toBe('failed');
    },
  );
});
