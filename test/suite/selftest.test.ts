import { describe, expect, test } from 'vitest';
import { jsonAsTextPlain } from '../../src/emulator/http/index.ts';
import { formatResult, runSelfTest } from '../../src/selftest/index.ts';
import { TARGETS, findTarget, type TargetDescriptor } from '../../src/targets/registry.ts';
import { runCli } from '../support/run-cli.ts';
import type { FaultResult } from '../../src/selftest/index.ts';

/**
 * The issue's Done-when: each target's suites, run as a user runs them (a child `idflow run`
 * against an emulator serving one deliberate defect), fail on every harmful fault and pass on
 * every benign one. Runs are two at a time; the tests in this file run one after another.
 */

/** Where each kind of defect the issue lists sits in each target's catalogue. */
const ISSUE_LIST: Record<string, Record<string, string>> = {
  pingone: {
    'a required field missing': 'device-missing-status',
    'a wrong status': 'create-user-returns-200',
    'state not persisted': 'mfa-enabled-not-persisted',
    'a condition not enforced': 'accepts-wrong-otp',
    'a malformed error body': 'error-without-code',
    'a wrong content type': 'json-as-text-plain',
    '429 once': 'rate-limited-once',
    '503 once': 'unavailable-once',
    'a reset connection': 'connection-reset-once',
    'extra unknown fields': 'extra-unknown-fields',
    'application/json instead of application/hal+json': 'plain-json-content-type',
    'added latency': 'slow',
  },
  'lerian-identity': {
    'a required field missing': 'user-missing-id',
    'a wrong status': 'create-user-wrong-status',
    'state not persisted': 'mfa-disable-not-persisted',
    'a condition not enforced': 'enable-without-valid-recovery-code',
    'a malformed error body': 'error-without-code',
    'a wrong content type': 'json-as-text-plain',
    '429 once': 'rate-limited-once',
    '503 once': 'unavailable-once',
    'a reset connection': 'connection-reset-once',
    'extra unknown fields': 'extra-unknown-fields',
    'a JSON media type with a parameter': 'json-with-charset',
    'added latency': 'slow',
  },
};
const BENIGN_KINDS = new Set([
  '429 once',
  '503 once',
  'a reset connection',
  'extra unknown fields',
  'application/json instead of application/hal+json',
  'a JSON media type with a parameter',
  'added latency',
]);

function target(name: string): TargetDescriptor {
  const found = findTarget(name);
  if (!found) throw new Error(`no target ${name}`);
  return found;
}

function listing(results: readonly FaultResult[]): string {
  return results.map(formatResult).join('\n');
}

describe('the fault-mode self-test', () => {
  test("every target's catalogue covers the issue's list, each fault labelled as the issue says", async () => {
    for (const each of TARGETS) {
      const { name } = each;
      const faults = await each.faults();
      for (const [kind, faultName] of Object.entries(ISSUE_LIST[name] ?? {})) {
        const fault = faults.find((each) => each.name === faultName);
        expect(fault, `${name}: ${kind}`).toBeDefined();
        expect(fault?.harmful, `${name}/${faultName} (${kind})`).toBe(!BENIGN_KINDS.has(kind));
      }
    }
  });

  test("each target's declared catches name a harmful fault of its catalogue", async () => {
    for (const { name, faults, faultCatches } of TARGETS) {
      const harmful = (await faults()).filter((fault) => fault.harmful).map((fault) => fault.name);
      for (const [fault, catches] of Object.entries(faultCatches ?? {})) {
        expect(harmful, `${name}: catches declared for ${fault}`).toContain(fault);
        expect(catches.length, `${name}/${fault}`).toBeGreaterThan(0);
      }
    }
  });

  test(
    // A declared catch not made counts as missed, so this also proves each fault fails its step at its check.
    'scores 100 % caught and 100 % survived over every fault of every target',
    { timeout: 900_000 },
    async () => {
      const { results, score } = await runSelfTest({ targets: TARGETS, concurrency: 2 });
      const catalogues = await Promise.all(TARGETS.map((each) => each.faults()));
      const all = listing(results);
      expect(results.length).toBe(catalogues.reduce((runs, faults) => runs + faults.length + 1, 0));
      expect(score.shortfalls.map(formatResult), all).toEqual([]);
      expect(score).toMatchObject({
        harmful: catalogues.flat().filter((fault) => fault.harmful).length,
        benign: catalogues.flat().filter((fault) => !fault.harmful).length,
        controlsPassed: TARGETS.length,
        perfect: true,
      });
      expect(score.caught).toBe(score.harmful);
      expect(score.survived).toBe(score.benign);
      // A caught fault is caught by a named check, not by a crash.
      for (const result of results.filter((each) => each.verdict === 'caught'))
        expect(result.detail, all).toMatch(/^\S+: \S/);
    },
  );

  test('a mislabelled catalogue scores below 100 % and names the faults', { timeout: 300_000 }, async () => {
    const lerian = target('lerian-identity');
    const mislabelled: TargetDescriptor = {
      ...lerian,
      faults: async () => [
        {
          name: 'does-nothing',
          description: 'Labelled harmful, changes nothing: no suite can catch it.',
          harmful: true,
          intercept: (_req, next) => next(),
        },
        { ...jsonAsTextPlain, name: 'text-plain-labelled-benign', harmful: false },
      ],
    };
    const { results, score } = await runSelfTest({ targets: [mislabelled], concurrency: 2 });
    expect(
      results.map((each) => [each.fault, each.verdict]),
      listing(results),
    ).toEqual([
      [undefined, 'survived'],
      ['does-nothing', 'missed'],
      ['text-plain-labelled-benign', 'broken'],
    ]);
    expect(score).toMatchObject({ caught: 0, harmful: 1, survived: 0, benign: 1, perfect: false });
    expect(score.shortfalls.map((each) => each.fault)).toEqual([
      'does-nothing',
      'text-plain-labelled-benign',
    ]);
    expect(results[2]?.detail).toMatch(
      /^01-admin-user-token: content type: expected matches .*, given text\/plain/,
    );
  });

  test(
    'idflow selftest prints a line per run and the score, exit 0 at 100 %; an unknown fault is a usage error',
    { timeout: 300_000 },
    async () => {
      const run = await runCli(
        [
          'selftest',
          '--target',
          'lerian-identity',
          '--fault',
          'user-missing-id',
          '--fault',
          'json-with-charset',
        ],
        { timeoutMs: 240_000 },
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.code, output).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe('idflow selftest: 2 faults and 1 control runs, 2 at a time');
      expect(lines[1]).toMatch(/^✓ lerian-identity +\(no fault\) +control passed +\d+\.\d s$/);
      expect(lines[2]).toMatch(
        /^✓ lerian-identity +user-missing-id +harmful caught +\d+\.\d s {2}02-create-user: schema lerian-identity\/user: /,
      );
      expect(lines[3]).toMatch(/^✓ lerian-identity +json-with-charset +benign +survived +\d+\.\d s$/);
      expect(run.stdout).toContain('score           caught 1/1 (100 %) harmful, survived 1/1 (100 %) benign');

      const unknown = await runCli(['selftest', '--target', 'pingone', '--fault', 'no-such-fault']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain(
        'unknown fault "no-such-fault". Known: pingone: device-missing-status,',
      );
      expect(unknown.stderr).not.toMatch(/\n\s+at /);
    },
  );
});
