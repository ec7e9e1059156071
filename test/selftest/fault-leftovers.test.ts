import { describe, expect, test } from 'vitest';
import { judgeRun, type RunObservation, type RunSubject } from '../../src/selftest/index.ts';
import { runAgainstFault } from '../../src/selftest/fault-run.ts';
import { findTarget } from '../../src/targets/registry.ts';

const harmful: RunSubject = { target: 'pingone', fault: { name: 'x', description: 'x', harmful: true } };
const benign: RunSubject = { target: 'pingone', fault: { name: 'y', description: 'y', harmful: false } };
const ENV = {
  description: 'environment idflow-r1',
  id: '6a1f0c2e-0000-4000-8000-000000000001',
  name: 'idflow-r1',
};

function run(code: number, extra: Partial<RunObservation> = {}): RunObservation {
  return { code, timedOut: false, durationMs: 1000, stderrTail: '', firstFailure: '03: status', ...extra };
}

describe('a run that leaves something in the tenant neither catches nor survives', () => {
  test('a harmful fault failed the run but left an environment it never named: missed, naming it', () => {
    const result = judgeRun(harmful, run(1, { leftovers: [ENV] }));
    expect(result.verdict).toBe('missed');
    expect(result.detail).toBe(`the run left behind environment idflow-r1 (${ENV.id})`);
  });

  test('the run named the leftover by id or by name at its end (the tenant kept it): caught', () => {
    const byId = run(1, {
      leftovers: [ENV],
      stderrTail: `pingone: NOT deleted the environment (envID=${ENV.id})`,
    });
    expect(judgeRun(harmful, byId).verdict).toBe('caught');
    const byName = run(1, {
      leftovers: [ENV],
      stderrTail: 'NOT deleted the user (named idflow-r1; its id was not in the answer)',
    });
    expect(judgeRun(harmful, byName).verdict).toBe('caught');
  });

  test('a benign fault or the control that left something broke the run', () => {
    expect(judgeRun(benign, run(0, { leftovers: [ENV] })).verdict).toBe('broken');
    expect(judgeRun({ target: 'pingone' }, run(0, { leftovers: [ENV] })).verdict).toBe('broken');
  });
});

test(
  'a real fault run reads what the emulator still holds: a Lerian user whose id the answer hid is left ' +
    'and named',
  { timeout: 180_000 },
  async () => {
    const target = findTarget('lerian-identity');
    const fault = (await target?.faults())?.find((each) => each.name === 'user-missing-id');
    if (!target || !fault) throw new Error('no lerian-identity target or user-missing-id fault');
    const observed = await runAgainstFault({ target, fault, timeoutMs: 170_000 });
    expect(observed.code, observed.stderrTail).toBe(1);
    expect(observed.leftovers?.map((each) => each.name)).toEqual([expect.stringMatching(/^idflow-/)]);
    const name = observed.leftovers?.[0]?.name ?? '';
    expect(observed.stderrTail).toContain(
      `NOT deleted the test user created in step 02 (named ${name}; its id was not in the answer)`,
    );
    expect(judgeRun({ target: 'lerian-identity', fault }, observed).verdict).toBe('caught');
  },
);
