import type { PingOneConfig } from '../../config/pingone-config.ts';

/** What the global setup hands the suites: the tenant to test and whether it is the emulator. */
export interface PingOneRunSetup {
  readonly config: PingOneConfig;
  readonly emulated: boolean;
}
