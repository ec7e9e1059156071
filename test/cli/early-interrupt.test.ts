import { expect, test } from 'vitest';
import { spawnCli } from '../cleanup/support/spawn-run.ts';

// Attack: Ctrl-C while `idflow run` was still loading (tsx, its modules, the configuration: a
// second or two) ended it with the shell's 130 instead of the contract's 1 for an interrupted run.
// Nothing outside the process shows that moment, so the signal comes after a fixed pause that
// lands in start-up on any machine seen so far; landing later instead is also an exit 1.
test('SIGINT while idflow run is starting: exit 1 with a short message, no stack', async () => {
  const run = spawnCli(['run', '--target', 'pingone', '--reporter', 'dot']);
  await new Promise((resolve) => setTimeout(resolve, 800));
  run.child.kill('SIGINT');
  const { code, output } = await run.exited;
  expect(code, output).toBe(1);
  expect(output).toMatch(/SIGINT before the run started|SIGINT: stopping the run/);
  expect(output).not.toMatch(/\n\s+at /);
});
