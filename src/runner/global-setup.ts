import { selectBaseline } from '../baseline/select-baseline.ts';
import { provideBaseline } from '../baseline/provided-baseline.ts';
import { loadVariables } from '../config/load-variables.ts';
import type { TestProject } from 'vitest/node';
import { STRICT_VARIABLE } from '../flow/step/source.ts';
import { vetTargetsTransport } from '../targets/vet-targets.ts';
import { findTarget, type TargetDescriptor } from '../targets/registry.ts';
import { BASELINE_VARIABLE, ENV_FILE_VARIABLE } from '../process/run-variables.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The project's target: each target is one vitest project, named after it. */
    target: TargetRunSetup<unknown>;
  }
}

/** What a global setup hands a target's suites: its validated config and whether it is emulated. */
export interface TargetRunSetup<Config> {
  /** The target's name (its vitest project's). */
  readonly name: string;
  readonly config: Config;
  readonly emulated: boolean;
  /** `idflow run --strict`: inferred expectations fail a configured run too. */
  readonly strict: boolean;
}

/**
 * Decides what a target's suites run against: the tenant the configuration names (from
 * `IDFLOW_ENV_FILE`, set by `idflow run --env`, and the process environment), or, when none of
 * the target's variables is set, its embedded emulator on a loopback port, closed after the run.
 * Provides the result to the suites under the target's name, and the known-deviations baseline
 * that applies (`IDFLOW_BASELINE`, set by `idflow run --baseline`, else the committed one; none
 * against the embedded emulator).
 */
export async function targetGlobalSetup(
  target: TargetDescriptor,
  project: TestProject,
): Promise<() => Promise<void>> {
  const { variables, source } = loadVariables({
    envFile: process.env[ENV_FILE_VARIABLE] || undefined,
    env: process.env,
    targets: [target],
  });
  const configured = target.resolveConfig(variables, source);
  const explicitFile = process.env[BASELINE_VARIABLE] || undefined;
  provideBaseline(project, selectBaseline({ target, explicitFile, emulated: configured === undefined }));
  if (configured !== undefined) {
    // `idflow run` vetted this already; vitest started by hand, or a name resolving elsewhere now, is caught
    // here.
    await vetTargetsTransport([target], variables, source);
    project.provide('target', {
      name: target.name,
      config: configured,
      emulated: false,
      strict: process.env[STRICT_VARIABLE] === '1',
    });
    return async () => {};
  }
  const emulator = await target.startEmulator({});
  const config = target.resolveConfig(emulator.env(), 'embedded emulator');
  if (config === undefined)
    throw new Error(`The embedded ${target.title} emulator produced no configuration`);
  project.provide('target', { name: target.name, config, emulated: true, strict: true });
  return () => emulator.close();
}

/** Vitest global setup of a target's project, which bears the target's name. */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = findTarget(project.name);
  if (!target) throw new Error(`no target is registered for the vitest project ${project.name}`);
  return targetGlobalSetup(target, project);
}
