import { describe, expect, test } from 'vitest';
import { lerianIdentity } from '../../src/targets/lerian-identity/index.ts';
import { pingOne } from '../../src/targets/pingone/index.ts';
import { exportedCollection, newmanAgainstEmulator } from './emulator-export.ts';
import { failureLines } from './newman-run.ts';

/**
 * Postman resolves an environment's (or the globals') variable ahead of a collection variable of
 * the same name. A user whose environment already says `envID` (Ping's own Postman environments
 * do: it names the environment they work in) would have the exported run create its users and
 * devices, and change MFA settings, in that environment, and its teardown DELETE it. The run must
 * refuse before its first request.
 */
describe('a Postman environment that sets a variable the run sets itself', () => {
  test('PingOne: envID naming an environment the run did not create: nothing is sent, the run fails saying why', async () => {
    const summary = await newmanAgainstEmulator(pingOne, exportedCollection(pingOne), [], (env) => [
      { key: 'envID', value: env.PINGONE_ADMIN_ENV_ID ?? '' },
    ]);
    expect(summary.received).toBe(0);
    expect(summary.run.stats.requests.total).toBe(0);
    expect(failureLines(summary).join('\n')).toMatch(/envID.*sets itself/s);
    expect(summary.leftovers).toEqual([]);
  }, 60_000);

  test('Lerian Identity: a token variable set in the environment: nothing is sent', async () => {
    const summary = await newmanAgainstEmulator(
      lerianIdentity,
      exportedCollection(lerianIdentity),
      [],
      () => [{ key: 'accessToken', value: 'a-token-from-another-session' }],
    );
    expect(summary.received).toBe(0);
    expect(failureLines(summary).join('\n')).toMatch(/accessToken/);
  }, 60_000);

  test('an empty value in the environment shadows nothing: the run goes on', async () => {
    const summary = await newmanAgainstEmulator(pingOne, exportedCollection(pingOne), [], () => [
      { key: 'envID', value: '' },
    ]);
    expect(failureLines(summary)).toEqual([]);
    expect(summary.leftovers).toEqual([]);
  }, 60_000);
});
