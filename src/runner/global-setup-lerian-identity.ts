import { findTarget } from '../targets/registry.ts';
import { targetGlobalSetup, type TargetRunSetup } from './global-setup.ts';
import type { TestProject } from 'vitest/node';
import type { LerianConfig } from '../config/lerian-config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    'lerian-identity': TargetRunSetup<LerianConfig>;
  }
}

/** Vitest global setup of the `lerian-identity` project. */
export default function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = findTarget('lerian-identity');
  if (!target) throw new Error('the lerian-identity target is not registered');
  return targetGlobalSetup(target, project);
}
