import { loadVariables } from '../config/load-variables.ts';
import { resolvePingOneConfig } from '../config/pingone-config.ts';
import { startPingOneEmulator } from '../emulator/pingone/index.ts';
import type { TestProject } from 'vitest/node';
import type { PingOneRunSetup } from '../targets/pingone/run-setup.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pingone: PingOneRunSetup;
  }
}

/**
 * Decides what the PingOne suites run against: the tenant the configuration names, or (when
 * nothing is configured) an embedded emulator on a loopback port, closed after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { variables, source } = loadVariables({ envFile: process.env.IDFLOW_ENV_FILE || undefined, env: process.env });
  const configured = resolvePingOneConfig(variables, source);
  if (configured) {
    project.provide('pingone', { config: configured, emulated: false });
    return async () => {};
  }
  const emulator = await startPingOneEmulator();
  const config = resolvePingOneConfig(emulator.env(), 'embedded emulator');
  if (!config) throw new Error('The embedded emulator produced no PingOne configuration');
  project.provide('pingone', { config, emulated: true });
  return () => emulator.close();
}
