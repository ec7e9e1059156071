import { lerianIdentity } from './lerian-identity/index.ts';
import { pingOne } from './pingone/index.ts';
import { extraTargets } from './extra-targets.ts';
import type { TargetDescriptor } from './target.ts';

export type { EmulatorStartOptions, RunningEmulator, TargetDescriptor } from './target.ts';

/** Every target, in the order `idflow run` runs them when none is named. */
export const TARGETS: readonly TargetDescriptor[] = [pingOne, lerianIdentity, ...(await extraTargets())];

/** Looks a target up by name; undefined for an unknown one. */
export function findTarget(name: string): TargetDescriptor | undefined {
  return TARGETS.find((target) => target.name === name);
}
