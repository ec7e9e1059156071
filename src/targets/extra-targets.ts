import { delimiter, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TargetDescriptor } from './target.ts';

/**
 * Modules, separated like PATH, whose default export is one more target descriptor. For tests of
 * the target contract (a fixture target run through `idflow run`, cleanup and `selftest`); every
 * idflow process a run starts inherits it, so they all know the same targets.
 */
export const EXTRA_TARGETS_VARIABLE = 'IDFLOW_EXTRA_TARGETS';

/** The descriptors `IDFLOW_EXTRA_TARGETS` names; none when it is unset. */
export async function extraTargets(): Promise<TargetDescriptor[]> {
  const modules = (process.env[EXTRA_TARGETS_VARIABLE] ?? '').split(delimiter).filter(Boolean);
  const loaded: TargetDescriptor[] = [];
  for (const module of modules) {
    const { default: target } = (await import(pathToFileURL(resolve(module)).href)) as {
      default: TargetDescriptor;
    };
    loaded.push(target);
  }
  return loaded;
}
