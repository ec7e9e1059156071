import { expect, test } from 'vitest';
import { criticalPath } from '../../src/engine/critical-path.ts';
import { RecordedCheck } from '../../src/engine/recorded-check.ts';
import type { PlannedCheck } from '../../src/engine/plan-checks.ts';

function check(id: string, after: PlannedCheck[] = []): PlannedCheck {
  return {
    check: new RecordedCheck({ name: `${id}: title`, target: 't', inGroup: false }),
    file: '01',
    after,
    probe: false,
    throttled: false,
    teardown: false,
    work: () => Promise.resolve(),
  };
}

test('the chain whose round trips add up to the most, through a branch heavier than the flow', () => {
  const token = check('01-token');
  const env = check('03-env', [token]);
  const probe = check('03-env/expired', [env]);
  const user = check('05-user', [env]);
  const teardown = check('99-teardown', [token, env, probe, user]);
  const trips = new Map([
    [token, 1],
    [env, 1],
    [probe, 4],
    [user, 2],
    [teardown, 2],
  ]);
  const path = criticalPath([token, env, probe, user, teardown], (planned) => trips.get(planned) ?? 0);
  expect(path).toEqual({ roundTrips: 8, chain: ['01-token', '03-env', '03-env/expired', '99-teardown'] });
  trips.set(user, 5);
  expect(criticalPath([token, env, probe, user, teardown], (planned) => trips.get(planned) ?? 0)).toEqual({
    roundTrips: 9,
    chain: ['01-token', '03-env', '05-user', '99-teardown'],
  });
  expect(criticalPath([], () => 1)).toEqual({ roundTrips: 0, chain: [] });
});
