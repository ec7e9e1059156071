import { findTarget } from '../targets/registry.ts';
import { targetGlobalSetup, type TargetRunSetup } from './global-setup.ts';
import type { TestProject } from 'vitest/node';
import type { PingOneConfig } from '../config/pingone-config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pingone: TargetRunSetup<PingOneConfig>;
  }
}

/** Vitest global setup of the `pingone` project. */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = findTarget('pingone');
  if (!target) throw new Error('the pingone target is not registered');
  return targetGlobalSetup(target, project);
}
