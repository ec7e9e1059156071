import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  getLerianIdentityFault,
  startLerianIdentityEmulator,
} from '../../src/emulator/lerian-identity/index.ts';
import { getPingOneFault, startPingOneEmulator } from '../../src/emulator/pingone/index.ts';
import type { EmulatorFault } from '../../src/emulator/http/index.ts';
import { runTargetSuiteAgainst, type EnvProvider } from '../support/standalone-run.ts';

/**
 * A response field neither our schemas nor the vendor's OAS declare is drift: listed with its
 * path and step on stderr and in every report, never a failure (not even with --strict). Child
 * `idflow run` runs against a tenant that adds fields (the benign `extra-unknown-fields`
 * fault). That our clean emulators show none is asserted by the sensitivity tests' control runs.
 */
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

function fault(name: string, lookup: (name: string) => EmulatorFault | undefined): EmulatorFault {
  const found = lookup(name);
  if (!found) throw new Error(`no fault named ${name}`);
  return found;
}

const REPORTS = ['--reporter', 'junit', '--output-file', 'junit=junit.xml'];

/** The steps the drift lines of stderr name for `path` (one line per schema it was read against). */
function stepsWithDrift(stderr: string, path: string): string[] {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const lines = new RegExp(
    `  drift: undeclared response field ${escaped} \\(not in [^)]+\\)\\n +in ([^\\n]*)`,
    'g',
  );
  return [...stderr.matchAll(lines)].flatMap((line) => line[1]?.split(', ') ?? []);
}

/** The drift lines the JSON report holds for the test of `stepId`. */
function driftInJson(file: string, stepId: string): unknown {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    testResults: Array<{ assertionResults: Array<{ title: string; meta?: { drift?: unknown } }> }>;
  };
  const test = report.testResults
    .flatMap((result) => result.assertionResults)
    .find((each) => each.title.startsWith(`${stepId}:`));
  return test?.meta?.drift;
}

describe('drift', { timeout: 240_000 }, () => {
  test('PingOne: added fields are listed as drift with path and step, in stderr, JUnit and JSON; exit 0 even with --strict', async () => {
    const emulator = await startPingOneEmulator({ faults: [fault('extra-unknown-fields', getPingOneFault)] });
    closers.push(() => emulator.close());
    // vitest's own reporters (--reporter junit): the suite files run by vitest.
    const run = await runTargetSuiteAgainst(
      'pingone',
      emulator as EnvProvider,
      ['--strict', ...REPORTS],
      undefined,
      'vitest',
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /idflow: drift: \d+ response field\(s\) that neither our schemas nor the vendor's OAS declare/,
    );
    expect(stepsWithDrift(run.stderr, '/emulatorExtraField')).toContain('05-create-user');
    expect(stepsWithDrift(run.stderr, '/_embedded/licenses/*/emulatorExtraField')).toEqual([
      '02-read-all-licenses',
    ]);
    expect(stepsWithDrift(run.stderr, '/emulatorExtraObject')).toContain('01-get-access-token');
    // The undeclared field is listed, not what it holds.
    expect(run.stderr).not.toContain('/emulatorExtraObject/note');

    const junit = readFileSync(join(run.directory, 'junit.xml'), 'utf8');
    expect(junit).toMatch(
      /<property name="drift" value="undeclared response field \/emulatorExtraField \(not in pingone\/user\)"/,
    );
    // vitest's JSON reporter writes no annotations; the lines reach it as the test's meta.
    expect(driftInJson(join(run.directory, 'report.json'), '02-read-all-licenses')).toContain(
      'undeclared response field /_embedded/licenses/*/emulatorExtraField (not in pingone/licenses)',
    );
  });

  test('Lerian Identity: an added field is drift with path and step; exit 0', async () => {
    const emulator = await startLerianIdentityEmulator({
      faults: [fault('extra-unknown-fields', getLerianIdentityFault)],
    });
    closers.push(() => emulator.close());
    // idflow's own JUnit report (--report junit): the note is the testcase's output.
    const run = await runTargetSuiteAgainst('lerian-identity', emulator as EnvProvider, [
      '--report',
      'junit=junit.xml',
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(stepsWithDrift(run.stderr, '/addedByNewerVersion')).toContain('02-create-user');
    expect(readFileSync(join(run.directory, 'junit.xml'), 'utf8')).toMatch(
      /<system-out>drift: undeclared response field \/addedByNewerVersion \(not in lerian-identity\/user\)/,
    );
  });
});
