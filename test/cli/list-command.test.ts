import { describe, expect, test } from 'vitest';
import type { ListedCheck } from '../../src/cli/list-command.ts';
import { TARGETS } from '../../src/targets/registry.ts';
import { runCli } from '../support/run-cli.ts';

/** `idflow list`: what a run checks, readable without running it (and without a configuration). */
describe('idflow list', () => {
  test('--json lists every check id each target runs, each with its request, answer and source', async () => {
    const result = await runCli(['list', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const checks = JSON.parse(result.stdout) as ListedCheck[];
    for (const target of TARGETS) {
      const listed = checks.filter((check) => check.target === target.name).map((check) => check.id);
      expect(new Set(listed), target.name).toEqual(new Set(target.checkIds()));
    }
    for (const check of checks) {
      expect(check.request, check.id).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \S+/);
      expect(check.expected, check.id).not.toBe('');
      expect(check.source, `${check.id} names no source for its expected answer`).toBeTruthy();
    }
  });

  test('the text form names each step and probe, and a probe that never runs here says why', async () => {
    const result = await runCli(['list', '--target', 'pingone']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^pingone\n {2}step {2}01-get-access-token\n {8}POST \{\{authPath\}\}/);
    expect(result.stdout).toContain('  probe 07-enable-user-mfa/unknown-user\n');
    expect(result.stdout).toMatch(
      / {2}probe 01-get-access-token\/other-region-host\n.*\n {8}-> skipped: the emulator/,
    );
    expect(result.stdout).not.toContain('lerian-identity');
  });

  test('an unknown target is a usage error naming the known ones', async () => {
    const result = await runCli(['list', '--target', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown target "nope". Use one of: pingone, lerian-identity');
  });
});
