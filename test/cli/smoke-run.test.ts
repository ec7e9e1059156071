import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  enableErrorProbes,
  serverErrorProbes,
} from '../../src/targets/lerian-identity/probes/05-mfa-enable.ts';
import { TARGETS } from '../../src/targets/registry.ts';
import { readJsonReport } from '../support/json-report.ts';
import { runCli } from '../support/run-cli.ts';

/** `idflow run --smoke`: the post-deploy check runs the flow and its teardown, and no probe. */
describe('idflow run --smoke', () => {
  test.each(TARGETS.map((target) => target.name))(
    '%s: every flow step passes, no troubleshooting probe runs, teardown still does',
    { timeout: 180_000 },
    async (name) => {
      const directory = mkdtempSync(join(tmpdir(), 'idflow-smoke-'));
      const report = join(directory, 'report.json');
      const run = await runCli(
        ['run', '--target', name, '--smoke', '--reporter', 'json', '--output-file', `json=${report}`],
        { cwd: directory, timeoutMs: 170_000 },
      );
      expect(run.code, run.stderr).toBe(0);
      const target = TARGETS.find((each) => each.name === name);
      // Lerian's error probes are steps of its catalogue, declared by their own suite file.
      const probeIds = new Set([
        ...(target?.catalogue().probes.map((probe) => probe.id) ?? []),
        ...[...enableErrorProbes, ...serverErrorProbes].map((step) => step.id),
      ]);
      const tests = readJsonReport(report);
      const ran = tests.filter((each) => each.status !== 'skipped').map((each) => each.title.split(':')[0]);
      expect(
        ran.some((id) => probeIds.has(id ?? '') || (id ?? '').includes('/')),
        ran.join(', '),
      ).toBe(false);
      expect(ran).toContain('99-teardown');
      expect(tests.filter((each) => each.status === 'failed')).toEqual([]);
    },
  );
});
