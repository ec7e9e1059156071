import { buildCollection } from '../../src/export/build-collection.ts';
import { buildEnvironment } from '../../src/export/build-environment.ts';
import { defaultSchemaDirectory } from '../../src/schema/registry.ts';
import { loadSchemaFiles } from '../../src/schema/schema-files.ts';
import { runNewman, type NewmanSummary } from './newman-run.ts';
import { RUN_PREFIX } from '../../src/flow/run/run-id.ts';
import type { PostmanExportPlan } from '../../src/export/export-plan.ts';
import type { TargetDescriptor } from '../../src/targets/registry.ts';
import type { EmulatorFault } from '../../src/emulator/http/fault.ts';

/** A target's exported collection, as `idflow export` builds it. */
export function exportedCollection(target: TargetDescriptor): Record<string, unknown> {
  return buildCollection({
    target: target.name,
    title: target.title,
    plan: target.postmanExport as PostmanExportPlan<never>,
    schemas: loadSchemaFiles(defaultSchemaDirectory()),
  });
}

/**
 * Starts the target's emulator in-process (with `faults`), exports its environment from the
 * emulator's own variables as `idflow export --env` would, and runs the collection with Newman.
 */
export async function newmanAgainstEmulator(
  target: TargetDescriptor,
  collection: Record<string, unknown>,
  faults: readonly EmulatorFault[] = [],
  /** Values the user's environment adds to the exported one, from the emulator's variables. */
  extra: (env: Record<string, string>) => ReadonlyArray<{ key: string; value: string }> = () => [],
): Promise<NewmanSummary & { readonly leftovers: readonly unknown[]; readonly received: number }> {
  let received = 0;
  const counter: EmulatorFault = {
    name: 'request-counter',
    description: 'counts the requests that reach the emulator',
    harmful: false,
    intercept: (_request, next) => {
      received += 1;
      return next();
    },
  };
  const emulator = await target.startEmulator({ faults: [counter, ...faults] });
  try {
    const config = target.resolveConfig(emulator.env(), 'embedded emulator');
    const plan = target.postmanExport as PostmanExportPlan<unknown>;
    const environment = buildEnvironment(target.name, [
      ...plan.environment(config),
      ...extra(emulator.env()),
    ]);
    const summary = await runNewman(collection, environment);
    return { ...summary, leftovers: emulator.leftovers(`${RUN_PREFIX}-`), received };
  } finally {
    await emulator.close();
  }
}

/** A harmful fault of the target's emulator, by name. */
export async function harmfulFault(target: TargetDescriptor, name: string): Promise<EmulatorFault> {
  const fault = (await target.faults()).find((each) => each.name === name);
  if (!fault?.harmful) throw new Error(`${name} is not a harmful fault of the ${target.name} emulator`);
  return fault;
}
