import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import type { TestSpecification } from 'vitest/node';
import { NameOrderSequencer } from './src/runner/name-order-sequencer.ts';
import { TARGETS, type TargetDescriptor } from './src/targets/registry.ts';

/**
 * The unit tests' heaviest files first, so the short ones fill the workers at the end: the
 * self-test is a sixth of all the work in one file, and started last (name order) it ran alone
 * for its final seven minutes. Then the files that spawn child runs, then the rest, by name.
 */
const HEAVY_FIRST = ['test/suite/selftest.test.ts', 'test/suite/', 'test/cleanup/', 'test/cli/'];

function weight(file: TestSpecification): number {
  const at = HEAVY_FIRST.findIndex((prefix) => file.moduleId.includes(`/${prefix}`));
  return at < 0 ? HEAVY_FIRST.length : at;
}

class Sequencer extends NameOrderSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const named = await super.sort(files);
    return named
      .map((file, index) => ({ file, index }))
      .sort((a, b) => weight(a.file) - weight(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

/** One project per target: files run in name order, in one worker, sharing the run's state. */
function targetProject(target: TargetDescriptor) {
  return {
    test: {
      name: target.name,
      include: [target.suites],
      globalSetup: ['src/runner/global-setup.ts'],
      // Redacts everything the worker reports (results, errors, annotations, logs) before a reporter
      // sees it; then loads the target's session factory.
      setupFiles: ['src/runner/redact-worker-rpc.ts', 'src/runner/load-target-session.ts'],
      fileParallelism: false,
      isolate: false,
      maxWorkers: 1,
      // Projects with different maxWorkers need their own group: the suites run first, together.
      sequence: { groupOrder: 0 },
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  test: {
    experimental: { fsModuleCache: true },
    // A root-level option: vitest ignores a sequencer set inside a project.
    sequence: { sequencer: Sequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // A fixture target's suites run only in its own project.
          exclude: [...configDefaults.exclude, 'test/fixtures/**'],
          // Many unit tests run a whole child `idflow run` (flow, probes, teardown): 10-30 s on a
          // quiet 2-core machine, more under load. A hang is still caught: run-cli kills at 120 s.
          testTimeout: 120_000,
          // More files than cores: most suite-level tests wait on child idflow runs or on a
          // tenant's deliberate delays (slow DELETEs, token lifetimes), so a 2-core machine's
          // default of one worker leaves it half idle (npm test 13 -> ~9 min with two).
          maxWorkers: Math.max(3, availableParallelism()),
          sequence: { groupOrder: 1 },
          // GitHub's workflow parser (the pipeline templates' test) imports its schema as JSON
          // without an import attribute, which only a bundler accepts: Vite transforms it.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      ...TARGETS.map(targetProject),
      {
        test: {
          name: 'bench',
          include: [],
          sequence: { groupOrder: 2 },
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
    ],
  },
});
